/**
 * `npm start`: build when needed, start the demo MCP server and the inspector on 127.0.0.1,
 * print the URL and the session token, and open a browser where one is available.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isLoopbackBind } from "../lib/security/gate";
import { newToken } from "../lib/security/token";
import { buildIfNeeded, root } from "./build";


const { values: opts } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "6274" },
    host: { type: "string", default: "127.0.0.1" },
    "dangerously-allow-remote-bind": { type: "boolean", default: false },
    dev: { type: "boolean", default: false },
    "no-open": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "no-demo": { type: "boolean", default: false },
  },
});

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const host = opts.host!;
  if (!isLoopbackBind(host) && !opts["dangerously-allow-remote-bind"]) {
    fail(`Refusing to listen on ${host}: MCP Lens can start programs on this machine, so it binds 127.0.0.1 only.\n` +
      `If you really want other machines to reach it, pass --dangerously-allow-remote-bind (the session token still applies).`);
  }
  if (!opts.dev && !opts["no-build"]) buildIfNeeded();
  (process.env as Record<string, string>).NODE_ENV = opts.dev ? "development" : "production";
  const token = newToken();
  process.env.MCP_LENS_TOKEN = token;
  process.env.MCP_LENS_ROOT = root;

  const demo = opts["no-demo"] ? undefined : await startDemoHttp();
  if (demo) process.env.MCP_LENS_DEMO_HTTP_URL = demo.url;

  const { startInspectorServer } = await import("./inspectorServer");
  const inspector = await startInspectorServer({ dir: root, host, port: Number(opts.port), token, dev: opts.dev, extraHosts: isLoopbackBind(host) ? [] : [`${host}:${opts.port}`] });
  console.log(`\n  MCP Lens is running at ${inspector.url}/`);
  console.log(`  Session token (sent by the page in the x-mcp-lens-token header; API clients need it): ${token}`);
  console.log(`  Open ${inspector.url}/?token=${token}\n`);
  if (demo) console.log(`  Demo MCP server (Streamable HTTP): ${demo.url}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping MCP Lens and every server it started…`);
    demo?.child.kill("SIGTERM");
    await inspector.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("exit", () => demo?.child.kill("SIGKILL"));
  if (!opts["no-open"] && !process.env.CI) openBrowser(`${inspector.url}/`);
}

async function startDemoHttp(): Promise<{ url: string; child: ChildProcess } | undefined> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "servers/demo/http.ts")], { cwd: root, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolvePromise) => {
    let buffer = "";
    const timer = setTimeout(() => resolvePromise(undefined), 15_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /MCP_LENS_DEMO_URL=(\S+)/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ url: m[1]!, child });
      }
    });
    child.once("exit", () => {
      clearTimeout(timer);
      resolvePromise(undefined);
    });
  });
}

function openBrowser(url: string): void {
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? "xdg-open" : undefined;
  if (!opener) return;
  const child = spawn(opener, [url], { stdio: "ignore", detached: true, shell: false });
  child.on("error", () => {});
  child.unref();
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

void main();
