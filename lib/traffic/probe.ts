import type { FrameEntry, HttpEntry } from "./entry";

export const PROBE_SENT = "version probe: auto mode asks for 2026-07-28 first (server/discover)";
export const PROBE_REFUSED = "legacy server: it refused the version probe, so MCP Lens fell back to initialize";
/** HTTP statuses a legacy server answers an unknown, sessionless request with. */
const REFUSAL_STATUSES = new Set([400, 404, 405]);

/**
 * Marks the version probe of an auto-mode connect and its expected negative answer as negotiation
 * (neutral in every view), as they are recorded: the `server/discover` request, a JSON-RPC error
 * answering it (-32601 on stdio; over HTTP often an id-less error body), and a 400/404/405 to its
 * HTTP exchange. Other answers (401, 5xx, a failed connection) stay what they are.
 */
export class ProbeWatch {
  private requestSeq?: number;
  private exchange?: number;

  frame(entry: FrameEntry): void {
    const { rpc } = entry;
    if (entry.direction === "outgoing") {
      if (this.requestSeq === undefined && rpc.type === "request" && rpc.method === "server/discover") {
        this.requestSeq = entry.seq;
        if (entry.channel.transport === "http") this.exchange = entry.channel.exchange;
        entry.negotiation = PROBE_SENT;
      }
      return;
    }
    if (rpc.type !== "error" || this.requestSeq === undefined) return;
    const sameExchange =
      entry.channel.transport === "http" && entry.channel.exchange === this.exchange && rpc.id === null;
    if (entry.pairedSeq === this.requestSeq || sameExchange) entry.negotiation = PROBE_REFUSED;
  }

  http(entry: HttpEntry): void {
    if (
      entry.phase === "response" &&
      entry.exchange === this.exchange &&
      entry.status !== undefined &&
      REFUSAL_STATUSES.has(entry.status)
    ) {
      entry.negotiation = PROBE_REFUSED;
    }
  }
}
