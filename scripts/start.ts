/**
 * `npm start`: build when needed, start the demo MCP server and the inspector on 127.0.0.1,
 * print the URL and the session token, and open a browser where one is available.
 * `--team`: authentication on every route, stdio and private addresses only when allow-listed
 * (docs/team-mode.md).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ENV } from "../lib/security/team";
import { planStart } from "../lib/security/teamStart";
import { newToken } from "../lib/security/token";
import { buildIfNeeded, root } from "./build";

const { values: opts } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "6274" },
    host: { type: "string", default: "127.0.0.1" },
    "dangerously-allow-remote-bind": { type: "boolean", default: false },
    team: { type: "boolean", default: false },
    "trust-proxy-header": { type: "string" },
    "public-host": { type: "string", multiple: true, default: [] },
    dev: { type: "boolean", default: false },
    "no-open": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "no-demo": { type: "boolean", default: false },
  },
});

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const host = opts.host!;
  // A non-loopback bind needs --team (rule 1); --dangerously-allow-remote-bind is accepted but no longer enough on its own.
  const plan = planStart({ host, port: opts.port!, team: opts.team!, trustProxyHeader: opts["trust-proxy-header"], publicHost: opts["public-host"]! }, process.env);
  if (!plan.ok) fail(plan.message);
  const team = plan.team;
  // The route handlers (same process) read the team policy from the environment; the secret stays with the gate only.
  if (team) process.env[ENV.team] = "1";
  else delete process.env[ENV.team];
  delete process.env[ENV.secret];
  if (!opts.dev && !opts["no-build"]) buildIfNeeded();
  (process.env as Record<string, string>).NODE_ENV = opts.dev ? "development" : "production";
  const token = newToken();
  process.env.MCP_LENS_TOKEN = token;
  process.env.MCP_LENS_ROOT = root;

  // In team mode the relay would refuse the loopback demo server anyway.
  const demo = opts["no-demo"] || team ? undefined : await startDemoHttp();
  if (demo) process.env.MCP_LENS_DEMO_HTTP_URL = demo.url;

  const { startInspectorServer } = await import("./inspectorServer");
  const inspector = await startInspectorServer({ dir: root, host, port: Number(opts.port), token, dev: opts.dev, extraHosts: plan.extraHosts, team: team?.auth });
  console.log(`\n  MCP Lens is running at ${inspector.url}/`);
  if (team) {
    const how = [team.auth.secret ? `the shared secret (${ENV.secret}) as Basic password or Bearer` : "", team.auth.proxyHeader ? `a non-empty ${team.auth.proxyHeader} header from the proxy` : ""].filter(Boolean).join(" and ");
    console.log(`  Team mode: every route needs ${how}.`);
    if (team.publicHosts.length) console.log(`  Accepted Host names: ${team.publicHosts.join(", ")}`);
    console.log(`  stdio: ${process.env[ENV.stdioAllow] ? `only ${process.env[ENV.stdioAllow]}` : "off"}; relay to loopback/private addresses: ${process.env[ENV.relayAllow] ? `only ${process.env[ENV.relayAllow]}` : "refused"}\n`);
  } else {
    console.log(`  Session token (sent by the page in the x-mcp-lens-token header; API clients need it): ${token}`);
    console.log(`  Open ${inspector.url}/?token=${token}\n`);
  }
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
  if (!opts["no-open"] && !process.env.CI && !team) openBrowser(`${inspector.url}/`);
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
