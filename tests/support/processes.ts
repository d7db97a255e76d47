import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { mintLaunchUrl, tokenFor } from "./launch";

export const ROOT = resolve(import.meta.dirname, "../..");
export const EVERYTHING = resolve(ROOT, "node_modules/@modelcontextprotocol/server-everything/dist/index.js");
export const NODE = process.execPath;
/** `@playwright/mcp`: long tool names, many destructive tools; it opens no browser until a tool needs one. */
export const PLAYWRIGHT_MCP = resolve(ROOT, "node_modules/@playwright/mcp/cli.js");

/** Every live descendant of `pid` (children, grandchildren …), from the process table. */
export function descendants(pid: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of table)
      if (parent === p) {
        out.push(child);
        walk(child);
      }
  };
  walk(pid);
  return out;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const state = execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).trim();
    return state !== "" && !state.startsWith("Z");
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  server.close();
  return port;
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, stepMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return check();
}

/** A process started by a test, stopped by the same test (by its pid). */
export interface Started {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

export function startProcess(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Started {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (c: Buffer) => (text += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (text += c.toString()));
  return {
    child,
    output: () => text,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await once(child, "exit");
      clearTimeout(timer);
    },
  };
}

export async function waitForOutput(p: Started, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  let match: RegExpExecArray | null = null;
  await waitFor(() => (match = pattern.exec(p.output())) !== null, timeoutMs);
  if (!match) throw new Error(`timed out waiting for ${pattern} in output:\n${p.output()}`);
  return match;
}

/** server-everything in an HTTP mode, bound to 127.0.0.1 on a free port (or on `port`, to restart one). */
export async function startEverythingHttp(
  mode: "streamableHttp" | "sse",
  port?: number,
): Promise<Started & { url: string }> {
  port ??= await freePort();
  const p = startProcess(NODE, ["--require", resolve(ROOT, "tests/support/loopbackListen.cjs"), EVERYTHING, mode], {
    env: { PORT: String(port) },
  });
  await waitFor(() => /listening|running|started/i.test(p.output()), 15_000);
  await waitForPort(port);
  return { ...p, url: `http://127.0.0.1:${port}/${mode === "sse" ? "sse" : "mcp"}` };
}

export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nothing listens on port ${port}`);
}

export type Inspector = Started & {
  url: string;
  token: string;
  port: number;
  stateDir: string;
  launchUrl: () => string;
};

/** An inspector of the test's own (for tests that stop it or count its children), with its token and a way to mint launch URLs. */
export async function startInspector(
  extraArgs: string[] = [],
  env: Record<string, string> = {},
  /** Start through the package's bin (`node scripts/mcp-lens.mjs …`, what `npx mcp-lens` runs). */
  { bin = false }: { bin?: boolean } = {},
): Promise<Inspector> {
  const port = await freePort();
  const stateDir = join(mkdtempSync(join(tmpdir(), "mcp-lens-test-")), "run");
  const p = startProcess(
    NODE,
    [
      ...(bin ? ["scripts/mcp-lens.mjs"] : ["--import", "tsx", "scripts/start.ts"]),
      "--port",
      String(port),
      "--no-open",
      "--no-build",
      "--no-demo",
      ...extraArgs,
    ],
    { env: { CI: "1", MCP_LENS_STATE_DIR: stateDir, ...env } },
  );
  await waitForOutput(p, /running at/);
  const token = await tokenFor(port, stateDir);
  const stop = async () => {
    await p.stop();
    rmSync(dirname(stateDir), { recursive: true, force: true });
  };
  return {
    ...p,
    stop,
    url: `http://127.0.0.1:${port}`,
    token,
    port,
    stateDir,
    launchUrl: () => mintLaunchUrl(port, stateDir),
  };
}
