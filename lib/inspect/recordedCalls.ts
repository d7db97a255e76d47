/**
 * The requests a recording made that a view shows as past results (`tools/call`, `prompts/get`,
 * `resources/read`): what was asked, when, and what came back. Pure: a function of the log.
 */
import type { TrafficEntry } from "../traffic";
import { frameJson } from "./recordedLists";

export const RECORDED_CALL_METHODS = ["tools/call", "prompts/get", "resources/read"] as const;
export type RecordedCallMethod = (typeof RECORDED_CALL_METHODS)[number];

export type RecordedAnswer =
  | { kind: "result"; result: Record<string, unknown> }
  | { kind: "error"; code: number; message: string; data?: unknown }
  /** No usable answer in the recording: withdrawn, its connection ended, never answered, or the answer was stored cut. */
  | { kind: "none"; reason: "cancelled" | "lost" | "unanswered" | "cut" };

export interface RecordedCall {
  /** The request's position in the log. */
  seq: number;
  method: RecordedCallMethod;
  /** The request's params as sent (empty when the request was stored cut). */
  params: Record<string, unknown>;
  /** When it was sent (the log's clock). */
  startedAt: number;
  /** Time to its answer, when it has one. */
  elapsedMs?: number;
  answer: RecordedAnswer;
  /** Progress notifications the server sent for it. */
  progressCount: number;
}

/** Every outgoing request of those methods, in the order sent, with its answer. */
export function recordedCalls(entries: readonly TrafficEntry[]): RecordedCall[] {
  const calls: RecordedCall[] = [];
  const byToken = new Map<unknown, RecordedCall>();
  for (const entry of entries) {
    if (entry.kind !== "frame") continue;
    const rpc = entry.rpc;
    if (rpc.type === "notification" && rpc.method === "notifications/progress" && entry.direction === "incoming") {
      if (byToken.size === 0) continue;
      const token = (frameJson(entry)?.params as { progressToken?: unknown } | undefined)?.progressToken;
      const call = byToken.get(token);
      if (call) call.progressCount++;
      continue;
    }
    if (rpc.type !== "request" || entry.direction !== "outgoing" || entry.negotiation || entry.expected) continue;
    if (!(RECORDED_CALL_METHODS as readonly string[]).includes(rpc.method)) continue;
    const doc = frameJson(entry);
    const params = (doc?.params ?? {}) as Record<string, unknown>;
    const call: RecordedCall = {
      seq: entry.seq,
      method: rpc.method as RecordedCallMethod,
      params,
      startedAt: entry.ts,
      answer: answerOf(entries, entry),
      progressCount: 0,
    };
    const answer = entry.pairedSeq === undefined ? undefined : entries[entry.pairedSeq];
    if (answer?.kind === "frame" && answer.latencyMs !== undefined) call.elapsedMs = answer.latencyMs;
    const token = (params._meta as { progressToken?: unknown } | undefined)?.progressToken;
    if (token !== undefined) byToken.set(token, call);
    calls.push(call);
  }
  return calls;
}

function answerOf(entries: readonly TrafficEntry[], request: Extract<TrafficEntry, { kind: "frame" }>): RecordedAnswer {
  const answer = request.pairedSeq === undefined ? undefined : entries[request.pairedSeq];
  if (answer?.kind !== "frame") {
    if (request.cancelledSeq !== undefined) return { kind: "none", reason: "cancelled" };
    if (request.lostSeq !== undefined) return { kind: "none", reason: "lost" };
    return { kind: "none", reason: "unanswered" };
  }
  if (answer.rpc.type === "error") {
    const error = frameJson(answer)?.error as { data?: unknown } | undefined;
    return {
      kind: "error",
      code: answer.rpc.code,
      message: answer.rpc.message,
      ...(error?.data !== undefined && { data: error.data }),
    };
  }
  const result = frameJson(answer)?.result;
  if (typeof result === "object" && result !== null && !Array.isArray(result))
    return { kind: "result", result: result as Record<string, unknown> };
  return { kind: "none", reason: "cut" };
}
