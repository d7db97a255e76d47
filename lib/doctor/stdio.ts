import { isRecord } from "../base";
import { reportOf, step, type DoctorReport, type DoctorStep } from "./types";

/** What the stdio probe saw (lib/server/bridge/doctorStdio.ts); a field left undefined was not reached. */
export interface StdioObservations {
  /** The command line as it would run. */
  commandLine: string;
  /** The launch checks refused it (team allowlist, limits): their message. */
  refused?: string;
  /** The command resolved on PATH (or as a path), or why not. */
  resolved?: { path: string } | { error: "missing" | "not-executable"; detail: string };
  /** The process started (its pid), or the error starting it. */
  started?: { pid?: number } | { error: string; hint?: string };
  /** It exited before it answered: code or signal, and how long after the start. */
  exit?: { code: number | null; signal: string | null; afterMs: number };
  /** The last stderr lines. */
  stderr: string[];
  /** The stdout lines before the answer (and the answer's own line). */
  stdout: string[];
  /** The initialize answer: its result or error, when one came. */
  answer?: { result?: unknown; error?: { code?: unknown; message?: unknown } };
  /** How long the probe waited for an answer. */
  waitedMs: number;
}

export const GARBAGE_FIX =
  "Garbage on stdout: servers must log to stderr, since stdout carries only JSON-RPC messages (check that the command starts an MCP server).";

const STEPS: Array<[string, string]> = [
  ["command", "Command found and executable"],
  ["start", "The process starts"],
  ["running", "Keeps running (exit code, stderr)"],
  ["stdout", "Only JSON-RPC on stdout"],
  ["initialize", "Answers initialize"],
];

/** A stdout line that is not one JSON-RPC message, as the reason; undefined when it is one. */
export function notJsonRpc(line: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "not JSON";
  }
  return isRecord(value) && value.jsonrpc === "2.0" ? undefined : "JSON, but not a JSON-RPC message";
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The doctor's steps for a stdio command, judged from what the probe saw. */
export function diagnoseStdio(o: StdioObservations): DoctorReport {
  const steps: DoctorStep[] = [];
  const rest = (from: number) => STEPS.slice(from).forEach(([id, title]) => steps.push(step(id, title, "skip")));
  const done = () =>
    reportOf(o.commandLine, steps, "The server starts and answers initialize: the connection should work.");
  if (o.refused) {
    steps.push(
      step(
        "launch",
        "Allowed to launch",
        "fail",
        [o.refused],
        "The inspector refuses this command: ask whoever runs it to allow it, or run another.",
      ),
    );
    rest(0);
    return done();
  }
  const r = o.resolved;
  if (!r || "error" in r) {
    const fix =
      r?.error === "not-executable"
        ? "The file is not executable: make it executable (chmod +x) or run it through its interpreter (node, python …)."
        : "The command is not found: check its spelling, install it, or give its full path.";
    steps.push(step("command", STEPS[0]![1], "fail", [r?.detail ?? "not run"], fix));
    rest(1);
    return done();
  }
  steps.push(step("command", STEPS[0]![1], "pass", [r.path]));
  const s = o.started;
  if (!s || "error" in s) {
    steps.push(
      step(
        "start",
        STEPS[1]![1],
        "fail",
        [s?.error ?? "not run"],
        s?.hint ?? "Run the command in a terminal to see why it does not start.",
      ),
    );
    rest(2);
    return done();
  }
  steps.push(step("start", STEPS[1]![1], "pass", [s.pid !== undefined ? `pid ${s.pid}` : "started"]));
  steps.push(...runningSteps(o));
  return done();
}

/** The steps of a started process: did it stay up, was stdout clean, did it answer initialize. */
function runningSteps(o: StdioObservations): DoctorStep[] {
  const out: DoctorStep[] = [];

  const tail = o.stderr.slice(-20).map((l) => `stderr: ${l}`);
  if (o.exit && !o.answer?.result) {
    const how = o.exit.signal ? `signal ${o.exit.signal}` : `code ${o.exit.code}`;
    out.push(
      step(
        "running",
        STEPS[2]![1],
        "fail",
        [`exited with ${how} after ${seconds(o.exit.afterMs)}`, ...(tail.length ? tail : ["nothing on stderr"])],
        `The server exited with ${how} at start: read its stderr, or run the command in a terminal to see why (arguments, environment).`,
      ),
    );
  } else out.push(step("running", STEPS[2]![1], "pass", ["still running", ...tail]));

  const bad = o.stdout.map((line) => ({ line, why: notJsonRpc(line) })).filter((l) => l.why);
  out.push(
    bad.length
      ? step(
          "stdout",
          STEPS[3]![1],
          "fail",
          bad
            .slice(0, 5)
            .map((b) => `${b.why}: ${JSON.stringify(b.line.length > 200 ? `${b.line.slice(0, 200)}…` : b.line)}`),
          GARBAGE_FIX,
        )
      : step(
          "stdout",
          STEPS[3]![1],
          o.stdout.length ? "pass" : "skip",
          o.stdout.length ? ["every line is JSON-RPC"] : ["nothing on stdout"],
        ),
  );

  const a = o.answer;
  if (a?.result) {
    const res = isRecord(a.result) ? a.result : {};
    const info = isRecord(res.serverInfo) ? res.serverInfo : {};
    out.push(
      step("initialize", STEPS[4]![1], "pass", [
        `server: ${String(info.name ?? "unnamed")} ${String(info.version ?? "")}`.trimEnd(),
        `protocol ${String(res.protocolVersion ?? "?")}`,
      ]),
    );
  } else if (a?.error) {
    out.push(
      step(
        "initialize",
        STEPS[4]![1],
        "fail",
        [`error ${String(a.error.code)}: ${String(a.error.message)}`],
        "The server refused initialize: pin another protocol version, or read the error and the server's stderr.",
      ),
    );
  } else if (o.exit) out.push(step("initialize", STEPS[4]![1], "skip", ["the server exited first"]));
  else
    out.push(
      step(
        "initialize",
        STEPS[4]![1],
        "fail",
        [`no answer to initialize within ${seconds(o.waitedMs)}`],
        "The server is silent: it may be waiting for something (a login, input, a slow start) or not speak MCP; run it in a terminal to see.",
      ),
    );
  return out;
}
