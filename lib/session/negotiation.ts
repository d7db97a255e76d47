import type { ClientOptions } from "@modelcontextprotocol/client";
import type { FrameEntry } from "../traffic/entry";
import type { TrafficLog } from "../traffic/log";
import type { ProtocolChoice, TransportKind } from "./config";

/**
 * Probe timeouts in auto mode: a stdio server silent this long after start is taken for a legacy
 * one (so it must cover a slow start); on HTTP silence is an outage. A pin has no fallback, so its
 * probe may use the whole connect deadline.
 */
const PROBE_TIMEOUT_MS: Record<TransportKind, number> = { stdio: 4000, "streamable-http": 5000, sse: 5000 };
const PIN_PROBE_TIMEOUT_MS = 7500;

/** The SDK client options that carry out the user's protocol choice. */
export function negotiationOptions(choice: ProtocolChoice, transport: TransportKind, forceLegacy = false): Partial<ClientOptions> {
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
  /** What the step showed, in words. */
  outcome: string;
}

/** What was tried during the handshake, read from the traffic log (the one source of truth). */
export function handshakeSteps(log: TrafficLog): HandshakeStep[] {
  const steps: HandshakeStep[] = [];
  const frames = log.entries;
  for (const entry of frames) {
    if (entry.kind !== "frame" || entry.direction !== "outgoing") continue;
    const rpc = entry.rpc;
    const method = rpc.type === "request" || rpc.type === "notification" ? rpc.method : undefined;
    if (method !== "server/discover" && method !== "initialize" && method !== "notifications/initialized") continue;
    const response = entry.pairedSeq !== undefined ? (frames[entry.pairedSeq] as FrameEntry | undefined) : undefined;
    steps.push({ method, request: entry, response, outcome: describeOutcome(method, response) });
    if (method === "notifications/initialized") break;
    if (steps.length > 8) break;
  }
  return steps;
}

function describeOutcome(method: HandshakeStep["method"], response: FrameEntry | undefined): string {
  if (method === "notifications/initialized") return "sent: the session is ready";
  if (!response) return "no answer";
  const rpc = response.rpc;
  if (rpc.type === "error") {
    if (method === "server/discover" && rpc.code === -32601) return "method not found (-32601): a legacy server";
    return `error ${rpc.code}: ${rpc.message}`;
  }
  if (rpc.type !== "result") return `unexpected answer (${rpc.type})`;
  try {
    const result = (JSON.parse(response.raw) as { result?: { protocolVersion?: string; supportedVersions?: string[] } }).result;
    if (method === "initialize") return `server answered with protocol version ${result?.protocolVersion ?? "?"}`;
    return `server offers ${(result?.supportedVersions ?? []).join(", ") || "no versions"}`;
  } catch {
    return "answered";
  }
}
