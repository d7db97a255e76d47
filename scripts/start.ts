/**
 * `npm start`: build when needed, start the demo MCP server and the inspector on 127.0.0.1, print
 * a one-time launch URL (the key in its fragment; docs/security.md), and open a browser where one
 * is available. `npm start -- --print-url [--port N]`: a fresh launch URL for the running inspector.
 * `--team`: authentication on every route, stdio and private addresses only when allow-listed
 * (docs/team-mode.md).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { killAllNow } from "../lib/server";
import { LAUNCH_KEY_TTL_MS, launchUrl, mintLaunchKey, newMasterKey, openerHtml } from "../lib/server";
import { listStatePorts, readState, stateDir, writeState } from "../lib/server";
import { ENV } from "../lib/server";
import { planStart } from "../lib/server";
import { newToken } from "../lib/server";
import type { ConnectionConfig } from "../lib/base";
import { OPEN_USAGE, pendingConnection } from "../lib/cli";
import { buildIfNeeded, root } from "./build";
import type { InspectorServer } from "./inspectorServer";
import { installSafeOutput, say, warn } from "./output";

const DEFAULT_PORT = "6274";
// `mcp-lens -- <command> <args>`: the words after `--` are the stdio server, never options.
const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const { values: opts, positionals } = readArgs();

/** The options before `--`; an unknown one or a missing value is a usage error, not a stack trace. */
function readArgs() {
  try {
    return parseOptions();
  } catch (error) {
    process.stderr.write(`mcp-lens: ${(error as Error).message} (see --help)\n`);
    process.exit(2);
  }
}

function parseOptions() {
  return parseArgs({
    args: dash === -1 ? argv : argv.slice(0, dash),
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h", default: false },
      config: { type: "string" },
      server: { type: "string" },
      transport: { type: "string", default: "streamable-http" },
      header: { type: "string", multiple: true, default: [] },
      env: { type: "string", multiple: true, default: [] },
      port: { type: "string", default: process.env.PORT ?? DEFAULT_PORT },
      host: { type: "string", default: "127.0.0.1" },
      "dangerously-allow-remote-bind": { type: "boolean", default: false },
      team: { type: "boolean", default: false },
      "trust-proxy-header": { type: "string" },
      "public-host": { type: "string", multiple: true, default: [] },
      dev: { type: "boolean", default: false },
      "no-open": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "no-demo": { type: "boolean", default: false },
      "print-url": { type: "boolean", default: false },
    },
  });
}

/** Stopping gives up and exits after this long (issue 19, item 12); a second signal exits at once. */
const STOP_LIMIT_MS = positive(process.env.MCP_LENS_STOP_TIMEOUT_MS) ?? 10_000;

async function main(): Promise<void> {
  installSafeOutput();
  if (opts.help) return say(OPEN_USAGE);
  if (opts["print-url"]) return printUrl();
  const pending = pendingFromArgs();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const host = opts.host!;
  // A non-loopback bind needs --team (docs/security.md §S1); --dangerously-allow-remote-bind is accepted but no longer enough on its own.
  const plan = planStart(
    {
      host,
      port: opts.port!,
      team: opts.team!,
      trustProxyHeader: opts["trust-proxy-header"],
      publicHost: opts["public-host"]!,
    },
    process.env,
  );
  if (!plan.ok) fail(plan.message);
  const team = plan.team;
  // The route handlers (same process) read the team policy from the environment; the secrets stay with the gate only.
  if (team) process.env[ENV.team] = "1";
  else delete process.env[ENV.team];
  delete process.env[ENV.secret];
  delete process.env[ENV.proxySecret];
  if (!opts.dev && !opts["no-build"]) buildIfNeeded();
  (process.env as Record<string, string>).NODE_ENV = opts.dev ? "development" : "production";
  const token = newToken();
  // Team mode lets people in through its own authentication: no launch keys, no state file.
  const master = team ? undefined : newMasterKey();
  process.env.MCP_LENS_ROOT = root;
  // From here on a signal stops whatever has started so far.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));
  process.on("exit", () => {
    running.demo?.kill("SIGKILL");
    removeFiles();
  });

  // In team mode the relay would refuse the loopback demo server anyway.
  const demo = opts["no-demo"] || team ? undefined : await startDemoHttp();
  if (demo) process.env.MCP_LENS_DEMO_HTTP_URL = demo.url;

  const { startInspectorServer } = await import("./inspectorServer");
  const inspector = await startInspectorServer({
    dir: root,
    host,
    port: Number(opts.port),
    token,
    launchMaster: master,
    dev: opts.dev,
    extraHosts: plan.extraHosts,
    team: team?.auth,
    pending,
  });
  running.inspector = inspector;
  const dir = stateDir();
  if (master) {
    try {
      running.files.push(writeState(dir, { port: inspector.port, url: inspector.url, pid: process.pid, master }));
    } catch (error) {
      warn(
        `  Could not write the state file in ${dir} (${(error as Error).message}); --print-url will not find this inspector.`,
      );
    }
  }

  say(`\n  MCP Lens is running at ${inspector.url}/`);
  if (team) {
    const how = [
      team.auth.secret ? `the shared secret (${ENV.secret}) as Basic password or Bearer` : "",
      team.auth.proxy ? `a non-empty ${team.auth.proxy.header} header and the proxy secret from the proxy` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    say(`  Team mode: every route needs ${how}.`);
    if (team.publicHosts.length) say(`  Accepted Host names: ${team.publicHosts.join(", ")}`);
    say(
      `  stdio: ${process.env[ENV.stdioAllow] ? `only ${process.env[ENV.stdioAllow]}` : "off"}; relay to loopback/private addresses: ${process.env[ENV.relayAllow] ? `only ${process.env[ENV.relayAllow]}` : "refused"}\n`,
    );
  } else if (master) {
    say(`  Open ${launchUrl(inspector.url, mintLaunchKey(master))}`);
    say(
      `  (a one-time link, valid ${LAUNCH_KEY_TTL_MS / 3_600_000} h; reloads and new tabs in that browser keep working; another link: npm start -- --print-url${inspector.port === Number(DEFAULT_PORT) ? "" : ` --port ${inspector.port}`})\n`,
    );
  }
  if (demo) say(`  Demo MCP server (Streamable HTTP): ${demo.url}\n`);
  if (pending) {
    const what = pending.transport === "stdio" ? "confirm its command, then Connect" : "press Connect";
    say(`  Selected in the page: ${pending.name} (${what}).\n`);
  }

  if (master && !opts["no-open"] && !process.env.CI) {
    const opener = openerFile(dir, inspector.port, launchUrl(inspector.url, mintLaunchKey(master)));
    if (opener) {
      running.files.push(opener);
      setTimeout(() => rmSync(opener, { force: true }), 120_000).unref();
      openBrowser(opener);
    }
  }
}

/** The server the command line names (a URL, `--config … --server …`, or the words after `--`), for the page to select. */
function pendingFromArgs(): ConnectionConfig | undefined {
  if (positionals.length > 1) fail(`unexpected ${positionals.slice(1).join(" ")} (see --help)`);
  if (opts.transport !== "streamable-http" && opts.transport !== "sse")
    fail("--transport must be streamable-http or sse");
  try {
    return pendingConnection(
      {
        stdio: dash === -1 ? undefined : argv.slice(dash + 1),
        url: positionals[0],
        config: opts.config,
        server: opts.server,
        transport: opts.transport,
        headers: opts.header!,
        env: opts.env!,
      },
      (path) => readFileSync(path, "utf8"),
    );
  } catch (error) {
    fail(`mcp-lens: ${(error as Error).message}`);
  }
}

/** What has been started so far, for stopping at any point. */
const running: { demo?: ChildProcess; inspector?: InspectorServer; files: string[] } = { files: [] };
let stopping = false;

/** Stop everything started; a second signal, or the time limit, exits at once (issue 19, item 12). */
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    warn(`${signal} again: exiting now.`);
    exitNow(128 + signalNumber(signal));
  }
  stopping = true;
  // Nothing below may keep the process alive past the limit (not unref'd: it must fire).
  setTimeout(() => {
    warn(`Stopping took longer than ${STOP_LIMIT_MS} ms; exiting anyway.`);
    exitNow(1);
  }, STOP_LIMIT_MS);
  say(`\n${signal}: stopping MCP Lens and every server it started…`);
  removeFiles();
  running.demo?.kill("SIGTERM");
  await running.inspector?.stop();
  // Test hook: a stop step that never finishes and keeps the event loop busy (tests/stop.spec.ts).
  if (process.env.MCP_LENS_TEST_HANG_ON_STOP === "1") await new Promise(() => setInterval(() => {}, 1000));
  process.exit(0);
}

function exitNow(code: number): never {
  killAllNow();
  running.demo?.kill("SIGKILL");
  removeFiles();
  process.exit(code);
}

/** The state file (and the browser opener's file): `--print-url` must not find a stopped inspector. */
function removeFiles(): void {
  for (const file of running.files.splice(0)) rmSync(file, { force: true });
}

/** `--print-url`: mint a launch key from the running inspector's state file, without touching the inspector. */
function printUrl(): void {
  const dir = stateDir();
  const port = Number(opts.port);
  const read = readState(dir, port);
  if (!read.ok) {
    const others = listStatePorts(dir).filter((p) => p !== port && readState(dir, p).ok);
    fail(
      `${read.message}.` +
        (others.length ? `\nRunning: ${others.map((p) => `npm start -- --print-url --port ${p}`).join(", ")}` : ""),
    );
  }
  say(launchUrl(read.state.url, mintLaunchKey(read.state.master)));
}

/** The browser is opened on a user-only file that redirects to the launch URL (see openerHtml). */
function openerFile(dir: string, port: number, url: string): string | undefined {
  const file = join(dir, `open-${port}.html`);
  try {
    writeFileSync(file, openerHtml(url), { mode: 0o600 });
    return file;
  } catch {
    return undefined;
  }
}

async function startDemoHttp(): Promise<{ url: string; child: ChildProcess } | undefined> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "servers/demo/http.ts")], {
    cwd: root,
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.demo = child; // stopped with the rest even if a signal comes before it is ready
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

function openBrowser(target: string): void {
  const opener =
    process.platform === "darwin"
      ? "open"
      : process.platform === "win32"
        ? "explorer"
        : process.env.DISPLAY || process.env.WAYLAND_DISPLAY
          ? "xdg-open"
          : undefined;
  if (!opener) return;
  const child = spawn(opener, [target], { stdio: "ignore", detached: true, shell: false });
  child.on("error", () => {});
  child.unref();
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15;
}

function positive(text: string | undefined): number | undefined {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function fail(message: string): never {
  warn(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  // Next's own handler would only log an unhandled rejection and leave the process running.
  fail(`MCP Lens could not start: ${(error as Error)?.message ?? String(error)}`);
});
