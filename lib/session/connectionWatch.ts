import type { TrafficEntry } from "../traffic";

/** Why a live HTTP connection is gone, read from the traffic (typed, for the failure and the log). */
export type ConnectionLoss =
  /** A request got no HTTP answer at all: nothing listens any more (connection refused, reset). */
  | { kind: "unreachable"; detail?: string }
  /** The server answered a request carrying the live session id with 404 (spec) or 400 naming the session. */
  | { kind: "session-unknown"; status: number; sessionId: string; detail?: string };

/**
 * Watches the traffic of a live HTTP connection for the signs that it is gone, as they are logged:
 * a request of this connection that failed without an HTTP answer, or an answer saying the session
 * is unknown (404 as the spec says, or the 400 "No valid session ID" of SDK 1.x servers). Requests
 * the spot check makes with other session ids (or none) are not this connection's.
 */
export class ConnectionWatch {
  private scanned: number;
  /** Exchanges whose request carried the live session id (or, on a sessionless connection, went to its URL). */
  private readonly ours = new Set<number>();
  /** Exchanges answered 400: their body decides. */
  private readonly answered400 = new Set<number>();

  constructor(
    private readonly sessionId: () => string | undefined,
    private readonly url: string,
    from: number,
  ) {
    this.scanned = from;
  }

  /** Look at what was appended since the last call. */
  scan(entries: readonly TrafficEntry[]): ConnectionLoss | undefined {
    let loss: ConnectionLoss | undefined;
    for (; this.scanned < entries.length && !loss; this.scanned++) loss = this.look(entries[this.scanned]!);
    return loss;
  }

  private look(e: TrafficEntry): ConnectionLoss | undefined {
    const sessionId = this.sessionId();
    if (e.kind === "http") {
      if (e.phase === "request") {
        const carried = e.headers["mcp-session-id"];
        if (sessionId ? carried === sessionId : carried === undefined && sameUrl(e.url, this.url))
          this.ours.add(e.exchange);
        return undefined;
      }
      if (!this.ours.has(e.exchange)) return undefined;
      if (e.phase === "failed") return { kind: "unreachable", detail: e.note };
      if (sessionId && e.status === 404) return { kind: "session-unknown", status: 404, sessionId, detail: e.note };
      if (sessionId && e.status === 400) this.answered400.add(e.exchange);
      return undefined;
    }
    if (
      e.kind === "frame" &&
      e.direction === "incoming" &&
      e.channel.transport === "http" &&
      this.answered400.has(e.channel.exchange)
    ) {
      this.answered400.delete(e.channel.exchange);
      const message = e.rpc.type === "error" ? e.rpc.message : e.raw.slice(0, 500);
      if (sessionId && /session/i.test(message))
        return { kind: "session-unknown", status: 400, sessionId, detail: message };
    }
    return undefined;
  }
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** What failed and what to try, for a loss. */
export function describeLoss(loss: ConnectionLoss, url: string): { title: string; detail?: string; hint: string } {
  const hint =
    "The server stopped or restarted. Reconnect starts a new session with the same settings (a new initialize); the traffic log goes on, with a marked boundary.";
  if (loss.kind === "unreachable")
    return { title: `Connection lost: nothing answers at ${url} any more.`, detail: loss.detail, hint };
  return {
    title: `Connection lost: the server no longer knows this session (HTTP ${loss.status} for Mcp-Session-Id ${loss.sessionId}).`,
    detail: loss.detail,
    hint: `${loss.status === 400 ? "The spec says 404 for an unknown session; this server answers 400. " : ""}${hint}`,
  };
}
