/**
 * The lists a recording holds: each kind's latest listing read back from the `*\/list` answers in
 * its traffic, all pages joined. Pure: a function of the log.
 */
import type { FrameEntry, TrafficEntry } from "../traffic";

/** The list methods, the state key of each, and the key of its items in the result. */
export const RECORDED_LIST_METHODS = {
  "tools/list": { kind: "tools", key: "tools" },
  "resources/list": { kind: "resources", key: "resources" },
  "resources/templates/list": { kind: "resourceTemplates", key: "resourceTemplates" },
  "prompts/list": { kind: "prompts", key: "prompts" },
} as const;

type ListMethod = keyof typeof RECORDED_LIST_METHODS;
export type RecordedListKind = (typeof RECORDED_LIST_METHODS)[ListMethod]["kind"];

export interface RecordedList {
  /** "listed": a listing was answered; "failed": its first page was refused; "absent": never asked in the recording. */
  state: "listed" | "failed" | "absent";
  /** The items of the latest listing, every page it got, in order. */
  items: unknown[];
  /** The error of the latest listing (its first page, or a later one: then `items` are the pages before). */
  error?: string;
  /** A next page was announced that the recording does not hold. */
  incomplete?: boolean;
}

export type RecordedLists = Record<RecordedListKind, RecordedList>;

/** Parse a frame's JSON object (undefined when cut, unreadable or no object). */
export function frameJson(frame: FrameEntry): Record<string, unknown> | undefined {
  if (frame.truncated) return undefined;
  try {
    const value: unknown = JSON.parse(frame.raw);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function objectAt(doc: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
  const value = doc?.[key];
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Each list's latest listing: a request without a cursor starts a listing again, a request with
 * one adds its page. Answers that were a spot check's expected refusal, and cut frames, are skipped.
 */
export function recordedLists(entries: readonly TrafficEntry[]): RecordedLists {
  const lists = {
    tools: { state: "absent", items: [] },
    resources: { state: "absent", items: [] },
    resourceTemplates: { state: "absent", items: [] },
    prompts: { state: "absent", items: [] },
  } as RecordedLists;
  for (const answer of entries) {
    if (answer.kind !== "frame" || answer.direction !== "incoming" || answer.pairedSeq === undefined) continue;
    if (answer.rpc.type !== "result" && answer.rpc.type !== "error") continue;
    if (answer.expected || answer.negotiation) continue;
    const request = entries[answer.pairedSeq];
    if (request?.kind !== "frame" || request.rpc.type !== "request" || request.direction !== "outgoing") continue;
    if (!(request.rpc.method in RECORDED_LIST_METHODS)) continue;
    const { kind, key } = RECORDED_LIST_METHODS[request.rpc.method as ListMethod];
    const cursor = typeof objectAt(frameJson(request), "params")?.cursor === "string";
    const before = cursor ? lists[kind] : undefined;
    if (answer.rpc.type === "error") {
      lists[kind] = before
        ? { state: before.state, items: before.items, error: answer.rpc.message }
        : { state: "failed", items: [], error: answer.rpc.message };
      continue;
    }
    const result = objectAt(frameJson(answer), "result");
    const items = result?.[key];
    if (!Array.isArray(items)) continue;
    lists[kind] = {
      state: "listed",
      items: [...(before?.items ?? []), ...items],
      ...(typeof result?.nextCursor === "string" && { incomplete: true }),
    };
  }
  return lists;
}
