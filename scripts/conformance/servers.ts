/** The servers the server-side conformance run judges: started on free 127.0.0.1 ports, stopped by pid. */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { root } from "./suite";

export interface Running {
  name: string;
  url: string;
  /** What the server printed so far, and whether it is still running. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const listener = createServer().listen(0, "127.0.0.1");
  await once(listener, "listening");
  const port = (listener.address() as AddressInfo).port;
  await new Promise((r) => listener.close(r));
  return port;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = once(child, "exit");
    process.kill(child.pid, "SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && child.pid && process.kill(child.pid, "SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };
}

const exitNote = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? `\n(exited: ${child.exitCode ?? child.signalCode})` : "";

/** Starts a server and waits until its output matches `ready` (15 s at most). */
async function start(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const seen = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 15 s:\n${output}`)), 15_000);
    const on = (c: Buffer) => {
      output += c.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", on);
    child.stderr!.on("data", on);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it listened:\n${output}`));
    });
  });
  try {
    await seen;
  } catch (error) {
    await stopper(child)();
    throw error;
  }
  return {
    child,
    get output() {
      return output;
    },
  };
}

/** server-everything's streamableHttp mode (it listens on all interfaces; the preload binds it to 127.0.0.1). */
export async function startEverything(): Promise<Running> {
  const port = await freePort();
  const everything = join(root, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
  const preload = join(root, "tests/support/loopbackListen.cjs");
  const started = await start(
    "server-everything",
    ["--require", preload, everything, "streamableHttp"],
    { PORT: String(port) },
    /listening/i,
  );
  return {
    name: "server-everything",
    url: `http://127.0.0.1:${port}/mcp`,
    log: () => started.output + exitNote(started.child),
    stop: stopper(started.child),
  };
}

/** The demo server over Streamable HTTP (both eras), on the port it picks and prints. */
export async function startDemo(): Promise<Running> {
  const started = await start(
    "demo",
    ["--import", "tsx", join(root, "servers/demo/http.ts")],
    { PORT: "0" },
    /MCP_LENS_DEMO_URL=\S+\n/,
  );
  const url = /MCP_LENS_DEMO_URL=(\S+)/.exec(started.output)![1]!;
  return { name: "demo", url, log: () => started.output + exitNote(started.child), stop: stopper(started.child) };
}

/** Whether a server speaks 2026-07-28: undefined when `server/discover` is answered, else why not. */
export async function modernUnsupported(url: string): Promise<string | undefined> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2026-07-28",
      "mcp-method": "server/discover",
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "server/discover",
      params: {
        _meta: {
          "io.modelcontextprotocol/protocolVersion": "2026-07-28",
          "io.modelcontextprotocol/clientCapabilities": {},
        },
      },
    }),
  });
  const text = await response.text();
  if (response.ok && text.includes('"result"')) return undefined;
  const message = /"message":\s*"([^"]*)"/.exec(text)?.[1];
  return `it speaks no 2026-07-28: server/discover got HTTP ${response.status}${message ? `, "${message}"` : ""}`;
}
