import { firstErrorLine, stripAnsi } from "../traffic";
import type { TrafficLog } from "../traffic";
import type { StdioExit } from "../transports";
import type { ConnectionConfig } from "../base";
import type { Failure } from "../base";
import { errorMessage } from "../base";

export interface FailureContext {
  config: ConnectionConfig;
  log: TrafficLog;
  exit?: StdioExit;
  stderrTail?: string[];
  timedOutAfterMs?: number;
}

/** The server's stderr tail for a failure: every line kept, and the one to read first. */
export function stderrOf(tail: readonly string[] | undefined): Failure["stderr"] {
  return tail?.length ? { lines: [...tail], firstError: firstErrorLine(tail) } : undefined;
}

/** The stderr line that matters, without ANSI codes: the first error-looking one, else the last; none without stderr. */
function errorLine(tail: readonly string[]): string | undefined {
  if (!tail.length) return undefined;
  const first = firstErrorLine(tail);
  return stripAnsi(tail[first >= 0 ? first : tail.length - 1]!);
}

/** How a stdio server's process ended: "signal SIGKILL" or "code 1". */
function exitCause(exit: StdioExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/** Turn whatever went wrong into what failed and what to try. */
export function describeFailure(error: unknown, ctx: FailureContext): Failure {
  return { ...describeCause(error, ctx), ...(ctx.stderrTail?.length && { stderr: stderrOf(ctx.stderrTail) }) };
}

/**
 * A live connection the server closed: a stdio server that exited badly (a non-zero code, a signal,
 * the bridge's error; its stderr's line that matters as the detail), else a plain close. The whole
 * stderr tail goes with either.
 */
export function describeClose(exit: StdioExit | undefined, stderrTail: readonly string[]): Failure {
  const stderr = stderrOf(stderrTail);
  return exit && (exit.code !== 0 || exit.error)
    ? {
        title: exit.error?.message ?? `The server exited (${exitCause(exit)}).`,
        detail: errorLine(stderrTail),
        hint: exit.error?.hint ?? "Reconnect to start it again.",
        stderr,
      }
    : { title: "The connection was closed by the server.", hint: "Reconnect to start a new session.", stderr };
}

function describeCause(error: unknown, ctx: FailureContext): Failure {
  const message = stripAnsi(errorMessage(error));
  // The whole tail goes with the failure (`stderr`); the detail names the line that matters.
  const line = ctx.stderrTail && errorLine(ctx.stderrTail);
  const stderr = line === undefined ? undefined : `stderr: ${line}`;
  const bad = badFrames(ctx.log);

  if (ctx.config.transport === "stdio") {
    if (ctx.exit?.error) return { title: ctx.exit.error.message, hint: ctx.exit.error.hint, detail: stderr };
    if (ctx.exit && (ctx.exit.code !== null || ctx.exit.signal)) {
      return {
        title: `The server exited (${exitCause(ctx.exit)}) before the handshake completed.`,
        detail: [stderr, bad].filter(Boolean).join("\n") || message,
        hint: "Run the command in a terminal to see why it stops; check its arguments and environment.",
      };
    }
    if (bad) {
      return {
        title: "The server writes text on stdout that is not JSON-RPC.",
        detail: bad,
        hint: "stdout is reserved for MCP messages: the server must log to stderr. Check that the command starts an MCP server.",
      };
    }
  } else {
    const http = lastHttp(ctx.log);
    if (http?.phase === "failed")
      return {
        title: `Could not reach ${ctx.config.url}`,
        detail: http.note ?? message,
        hint: "Check the URL and that the server is running.",
      };
    const wrongTransport = transportMismatch(ctx.config, http);
    if (wrongTransport) return wrongTransport;
    if (http?.status === 404 || http?.status === 405) {
      return {
        title: `${ctx.config.url} answered HTTP ${http.status}: no MCP endpoint there.`,
        detail: http.note,
        hint: "Check the path (often /mcp, or /sse for the legacy SSE transport) and the transport type.",
      };
    }
    if (http?.status === 401 || http?.status === 403) {
      return {
        title: `${ctx.config.url} answered HTTP ${http.status}: authorization required.`,
        detail: http.headers["www-authenticate"] ?? http.note,
        hint: "Add an Authorization header (for example a bearer token) to the connection.",
      };
    }
    if (http?.note && /HTML/.test(http.note)) {
      return {
        title: `${ctx.config.url} is not an MCP server: it answered with an HTML page.`,
        detail: http.note,
        hint: "Point the URL at the server's MCP endpoint (often /mcp), not at a web page.",
      };
    }
    if (http?.status && http.status >= 400)
      return {
        title: `${ctx.config.url} answered HTTP ${http.status}.`,
        detail: http.note ?? message,
        hint: "See the traffic panel for the full exchange.",
      };
    if (bad)
      return {
        title: "The server answered with something that is not JSON-RPC.",
        detail: bad,
        hint: "Check the URL and the transport type.",
      };
  }
  if (ctx.timedOutAfterMs !== undefined) {
    return {
      title: `The server did not complete the handshake within ${Math.round(ctx.timedOutAfterMs / 1000)} s.`,
      detail: [stderr, message].filter(Boolean).join("\n"),
      hint: "The server may be waiting for something (a login, a prompt on stdin) or not speak MCP. Try a pinned protocol version, or check its logs.",
    };
  }
  return {
    title: `Connection failed: ${message}`,
    detail: stderr,
    hint: "See the traffic panel for what was exchanged.",
  };
}

function badFrames(log: TrafficLog): string | undefined {
  const bad = log.entries.filter(
    (e) =>
      e.kind === "frame" &&
      e.direction === "incoming" &&
      (e.rpc.type === "invalid-json" || e.rpc.type === "not-jsonrpc"),
  );
  if (!bad.length) return undefined;
  const first = bad[0];
  const sample = first && first.kind === "frame" ? first.raw.slice(0, 160) : "";
  return `${bad.length} line(s) that are not JSON-RPC, for example: ${JSON.stringify(sample)}`;
}

/**
 * The commonest wrong pick: a Streamable HTTP endpoint opened as legacy SSE answers the SSE GET with
 * a 4xx (no session, not acceptable, method not allowed) or with JSON instead of an event stream; a
 * legacy SSE endpoint (its URL usually ends in /sse) opened as Streamable HTTP refuses the POST.
 */
function transportMismatch(config: ConnectionConfig, http: ReturnType<typeof lastHttp>): Failure | undefined {
  if (!http?.status || config.transport === "stdio") return undefined;
  const type = (http.headers["content-type"] ?? "").toLowerCase();
  if (config.transport === "sse" && http.method === "GET") {
    const refused =
      http.status >= 400 && http.status < 500 && http.status !== 401 && http.status !== 403 && http.status !== 404;
    const notAStream = http.status < 300 && !type.startsWith("text/event-stream");
    if (refused || notAStream)
      return {
        title: `${config.url} answered the legacy SSE transport's GET with HTTP ${http.status}${type ? ` (${type.split(";")[0]})` : ""}: this looks like a Streamable HTTP endpoint.`,
        detail: http.note,
        hint: "Switch the connection's transport to Streamable HTTP.",
      };
  }
  if (
    config.transport === "streamable-http" &&
    http.method === "POST" &&
    (http.status === 404 || http.status === 405)
  ) {
    if (/\/sse\/?$/.test(new URL(config.url).pathname))
      return {
        title: `${config.url} refused the Streamable HTTP POST with HTTP ${http.status}: this looks like a legacy SSE endpoint.`,
        detail: http.note,
        hint: "Switch the connection's transport to SSE (legacy HTTP+SSE), or use the server's /mcp endpoint.",
      };
  }
  return undefined;
}

function lastHttp(log: TrafficLog) {
  for (let i = log.entries.length - 1; i >= 0; i--) {
    const e = log.entries[i];
    if (e?.kind === "http" && e.phase !== "request") return e;
  }
  return undefined;
}
