import type { ClientOptions } from "@modelcontextprotocol/client";
import type { FrameEntry, HttpEntry, TrafficEntry } from "../traffic";
import type { TrafficLog } from "../traffic";
import type { ProtocolChoice, TransportKind } from "../base";

/**
 * Probe timeouts in auto mode: a stdio server silent this long after start is taken for a legacy
 * one (so it must cover a slow start); on HTTP silence is an outage. A pin has no fallback, so its
 * probe may use the whole connect deadline.
 */
const PROBE_TIMEOUT_MS: Record<TransportKind, number> = { stdio: 4000, "streamable-http": 5000, sse: 5000 };
const PIN_PROBE_TIMEOUT_MS = 7500;

/** The SDK client options that carry out the user's protocol choice. */
export function negotiationOptions(
  choice: ProtocolChoice,
  transport: TransportKind,
  forceLegacy = false,
): Partial<ClientOptions> {
  if (forceLegacy) return { versionNegotiation: { mode: "legacy" } };
  switch (choice) {
    case "auto":
      return { versionNegotiation: { mode: "auto", probe: { timeoutMs: PROBE_TIMEOUT_MS[transport] } } };
    case "2026-07-28":
      return { versionNegotiation: { mode: { pin: "2026-07-28" }, probe: { timeoutMs: PIN_PROBE_TIMEOUT_MS } } };
    default:
      // A legacy pin: `initialize` offers exactly this version and accepts no other.
      return { versionNegotiation: { mode: "legacy" }, supportedProtocolVersions: [choice] };
  }
}

export interface HandshakeStep {
  method: "server/discover" | "initialize" | "notifications/initialized";
  request: FrameEntry;
  response?: FrameEntry;
  /** Over HTTP: what the request's exchange came back with (status and a note on its body). */
  http?: { status?: number; failed?: boolean; note?: string };
  /** The step was version negotiation that ended in a fallback, not a failure. */
  negotiation?: boolean;
  /** What the step showed, in words. */
  outcome: string;
}

/** What was tried during the handshake, read from the traffic log (the one source of truth). */
export function handshakeSteps(log: TrafficLog): HandshakeStep[] {
  const steps: HandshakeStep[] = [];
  const entries = log.entries;
  // In a log that goes on across reconnects, the handshake is the latest session's.
  for (let i = latestSessionStart(entries); i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.kind !== "frame" || entry.direction !== "outgoing") continue;
    const rpc = entry.rpc;
    const method = rpc.type === "request" || rpc.type === "notification" ? rpc.method : undefined;
    if (method !== "server/discover" && method !== "initialize" && method !== "notifications/initialized") continue;
    const exchange =
      entry.channel.transport === "http" ? exchangeOf(entries, entry.seq, entry.channel.exchange) : undefined;
    const paired = entry.pairedSeq !== undefined ? (entries[entry.pairedSeq] as FrameEntry | undefined) : undefined;
    const response = paired ?? exchange?.body;
    const negotiation = Boolean(response?.negotiation ?? exchange?.http?.negotiation);
    const http = exchange?.http && {
      status: exchange.http.status,
      failed: exchange.http.phase === "failed",
      note: exchange.http.note,
    };
    steps.push({
      method,
      request: entry,
      response,
      http,
      negotiation,
      outcome: describeOutcome(method, response, http, negotiation),
    });
    if (method === "notifications/initialized") break;
    if (steps.length > 8) break;
  }
  const [first, second] = steps;
  if (first?.method === "server/discover" && !first.http && second?.method === "initialize") {
    if (!first.response) {
      // A probe that got no answer at all before initialize was sent: the server was taken for a legacy one.
      first.negotiation = true;
      first.outcome =
        "no answer in time: taken for a legacy server, fell back to initialize (a server still starting, such as one npx is downloading, looks the same: pin 2026-07-28 to wait for it)";
    } else if (first.response.seq > second.request.seq) {
      // Its answer came, but only after the fallback: a server slow to start, not a legacy one.
      first.negotiation = true;
      const ms = first.response.latencyMs;
      const when = ms === undefined ? "late" : `${(ms / 1000).toFixed(1)} s after it was sent`;
      first.outcome = `answered only after the fallback to initialize (${when}): ${first.outcome}, but this session is legacy; pin 2026-07-28 to use it`;
    }
  }
  return steps;
}

/** Where the latest session of a log begins: after its last session-started mark, else at 0. */
export function latestSessionStart(entries: readonly TrafficEntry[]): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.kind === "event" && e.mark?.type === "session-started") return i;
  }
  return 0;
}

/** The HTTP answer of an exchange and the first message in its body, found near the request. */
function exchangeOf(
  entries: readonly TrafficEntry[],
  from: number,
  exchange: number,
): { http?: HttpEntry; body?: FrameEntry } {
  const found: { http?: HttpEntry; body?: FrameEntry } = {};
  for (let i = from + 1; i < Math.min(entries.length, from + 2000); i++) {
    const e = entries[i]!;
    if (e.kind === "http" && e.exchange === exchange && e.phase !== "request") found.http ??= e;
    if (
      e.kind === "frame" &&
      e.direction === "incoming" &&
      e.channel.transport === "http" &&
      e.channel.exchange === exchange
    ) {
      found.body ??= e;
      break;
    }
  }
  return found;
}

function describeOutcome(
  method: HandshakeStep["method"],
  response: FrameEntry | undefined,
  http: HandshakeStep["http"],
  negotiation: boolean,
): string {
  if (method === "notifications/initialized") return "sent: the session is ready";
  const status = http?.failed
    ? `the request failed${http.note ? ` (${http.note})` : ""}`
    : http?.status !== undefined
      ? `HTTP ${http.status}`
      : undefined;
  const rpc = response?.rpc;
  const body =
    rpc?.type === "error"
      ? `error ${rpc.code}${rpc.message ? `: ${rpc.message}` : ""}`
      : !rpc && http?.note
        ? http.note
        : undefined;
  const answered = [status, body].filter(Boolean).join(", ");
  if (negotiation) return `${answered || "refused"}: a legacy server, fell back to initialize`;
  if (!rpc) return answered ? `no JSON-RPC answer (${answered})` : "no answer";
  if (rpc.type === "error") return answered;
  if (rpc.type !== "result") return `unexpected answer (${rpc.type})${status ? `, ${status}` : ""}`;
  try {
    const result = (
      JSON.parse(response!.raw) as { result?: { protocolVersion?: string; supportedVersions?: string[] } }
    ).result;
    if (method === "initialize") return `server answered with protocol version ${result?.protocolVersion ?? "?"}`;
    return `server offers ${(result?.supportedVersions ?? []).join(", ") || "no versions"}`;
  } catch {
    return "answered";
  }
}
