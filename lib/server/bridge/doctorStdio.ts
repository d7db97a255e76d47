import { existsSync, statSync } from "node:fs";
import { delimiter, join, resolve as resolvePath } from "node:path";
import { getDefaultEnvironment } from "@modelcontextprotocol/client/stdio";
import type { StdioLaunch } from "../../base";
import { diagnoseStdio, type DoctorReport, type StdioObservations } from "../../doctor";
import { resolveCommand } from "../security/team";
import { StdioProcess } from "./stdioProcess";

/** How long the doctor waits for an answer to initialize (a dying server shows in this time too). */
export const DOCTOR_STDIO_WAIT_MS = 5000;
const STDERR_LINES = 40;

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);

/**
 * The doctor's probes of a stdio command that passed the launch checks (stdioLaunch.ts): the command
 * on PATH, a start, initialize sent, then its exit, its stdout lines and its answer watched for
 * `waitMs`. The process is always stopped (its whole group) before the report is returned.
 */
export async function probeStdio(launch: StdioLaunch, waitMs: number = DOCTOR_STDIO_WAIT_MS): Promise<DoctorReport> {
  const o: StdioObservations = {
    commandLine: [launch.command, ...launch.args].map(quote).join(" "),
    stderr: [],
    stdout: [],
    waitedMs: waitMs,
  };
  o.resolved = commandOnPath(launch);
  if ("error" in o.resolved) return diagnoseStdio(o);
  const started = Date.now();
  let settle: () => void = () => {};
  const settled = new Promise<void>((r) => (settle = r));
  let startError: { error: string; hint?: string } | undefined;
  /** Cleared when the wait ends: the exit our own shutdown causes is not the server's. */
  let watching = true;
  let proc: StdioProcess | undefined = undefined;
  proc = StdioProcess.spawn(launch, {
    stdout(line) {
      if (o.answer) return;
      o.stdout.push(line);
      try {
        const msg = JSON.parse(line) as {
          id?: unknown;
          result?: unknown;
          error?: { code?: unknown; message?: unknown };
        };
        if (msg.id === "lens-doctor-initialize" && (msg.result !== undefined || msg.error)) {
          o.answer = { result: msg.result, error: msg.error };
          settle();
        }
      } catch {
        // Judged by diagnoseStdio.
      }
      if (o.stdout.length > 20) o.stdout.shift();
    },
    stderr(line) {
      o.stderr.push(line);
      if (o.stderr.length > STDERR_LINES) o.stderr.shift();
    },
    exit(code, signal) {
      if (watching && !o.answer && !startError) o.exit = { code, signal, afterMs: Date.now() - started };
      settle();
    },
    error(message, hint) {
      // Before the start (not found, not executable, cwd); later errors (a refused line) end the wait.
      if (!proc?.pid) startError = { error: message, hint };
      settle();
    },
  });
  if (!proc) {
    o.started = startError ?? { error: "the process did not start" };
    return diagnoseStdio(o);
  }
  proc.write(
    JSON.stringify({
      jsonrpc: "2.0",
      id: "lens-doctor-initialize",
      method: "initialize",
      params: {
        protocolVersion: "2025-11-25",
        capabilities: {},
        clientInfo: { name: "mcp-lens-doctor", version: "1.0.0" },
      },
    }),
  );
  const timer = setTimeout(settle, waitMs);
  await settled;
  clearTimeout(timer);
  watching = false;
  // A settle by an 'error' event may come a tick before the pid is known to be missing.
  o.started = startError && !proc.pid ? startError : { pid: proc.pid };
  if (startError && !proc.pid) delete o.exit;
  proc.discardOutput();
  await proc.shutdown();
  return diagnoseStdio(o);
}

/**
 * The command as `spawn` would find it (team.ts's `resolveCommand`, on the server's own PATH); when
 * it does not resolve, whether a file of that name exists but is not executable.
 */
export function commandOnPath(launch: StdioLaunch): NonNullable<StdioObservations["resolved"]> {
  const PATH = launch.env.PATH ?? getDefaultEnvironment().PATH ?? "";
  const found = resolveCommand(launch.command, launch.cwd, PATH);
  if (found) return { path: found };
  const candidates = launch.command.includes("/")
    ? [resolvePath(launch.cwd || process.cwd(), launch.command)]
    : PATH.split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, launch.command));
  const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (file) return { error: "not-executable", detail: `${file} exists but is not executable` };
  return launch.command.includes("/")
    ? { error: "missing", detail: `${candidates[0]}: no such file` }
    : { error: "missing", detail: `${launch.command}: not found on PATH (${PATH})` };
}
