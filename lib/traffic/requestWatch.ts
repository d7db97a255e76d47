import type { Direction, FrameEntry, RequestId } from "./entry";

type FindPending = (requestDirection: Direction, id: RequestId) => FrameEntry | undefined;

/**
 * Follows each request's life past its pairing: a `notifications/cancelled` marks the request it
 * withdraws (so views stop calling it pending), and a `notifications/progress` for a request already
 * cancelled or answered is flagged (the spec allows progress only while the request is active).
 */
export class RequestWatch {
  /** Requests that asked for progress, by `direction:token`. */
  private readonly byToken = new Map<string, FrameEntry>();

  frame(entry: FrameEntry, value: unknown, findPending: FindPending): string | undefined {
    if (value === undefined || typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const params = (value as { params?: Record<string, unknown> }).params;
    const { rpc } = entry;
    if (rpc.type === "request") {
      const token = (params?._meta as { progressToken?: unknown } | undefined)?.progressToken;
      if (isToken(token)) this.byToken.set(key(entry.direction, token), entry);
      return undefined;
    }
    if (rpc.type !== "notification") return undefined;
    if (rpc.method === "notifications/cancelled") {
      const id = params?.requestId;
      const request = isToken(id) ? findPending(entry.direction, id) : undefined;
      if (request && request.cancelledSeq === undefined) request.cancelledSeq = entry.seq;
      return undefined;
    }
    if (rpc.method === "notifications/progress") {
      const token = params?.progressToken;
      const request = isToken(token)
        ? this.byToken.get(key(entry.direction === "incoming" ? "outgoing" : "incoming", token))
        : undefined;
      if (request?.cancelledSeq !== undefined)
        return `progress after its request (#${request.seq}) was cancelled (#${request.cancelledSeq}): a receiver should stop sending progress for a cancelled request`;
      if (request?.pairedSeq !== undefined && request.pairedSeq < entry.seq)
        return `progress after its request (#${request.seq}) was answered (#${request.pairedSeq}): progress is only allowed while a request is active`;
    }
    return undefined;
  }
}

function isToken(value: unknown): value is RequestId {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

function key(direction: Direction, token: RequestId): string {
  return `${direction}:${typeof token}:${token}`;
}
