import type { FrameEntry, RequestId, TrafficEntry } from "../traffic";

/** What the composer shows beside a message it sent. */
export type ComposerAnswer =
  | { kind: "waiting" }
  | { kind: "answer"; entry: FrameEntry }
  /** A notification, a response or text that is not a request: nothing answers it. */
  | { kind: "none" };

/** The ids of the requests in a composed text (one object, or a batch), as the wire will carry them. */
export function requestIds(text: string): RequestId[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.flatMap((m) => {
    if (!m || typeof m !== "object") return [];
    const { id, method } = m as { id?: unknown; method?: unknown };
    return typeof method === "string" && (typeof id === "string" || typeof id === "number") ? [id] : [];
  });
}

/**
 * The answer to a composed request: the first incoming result or error with its id logged after
 * `afterSeq` (the log's length when it was sent), so an old answer with the same id is not taken.
 */
export function composerAnswer(entries: readonly TrafficEntry[], text: string, afterSeq: number): ComposerAnswer {
  const [id] = requestIds(text);
  if (id === undefined) return { kind: "none" };
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.seq < afterSeq) break;
    if (e.kind !== "frame" || e.direction !== "incoming") continue;
    if ((e.rpc.type === "result" || e.rpc.type === "error") && e.rpc.id === id) return { kind: "answer", entry: e };
  }
  return { kind: "waiting" };
}

let resends = 0;

/**
 * A logged frame made ready to edit and send again: pretty-printed, and a request given a fresh id
 * (the same id again would be a duplicate the server may refuse). Text that is not JSON stays as it is.
 */
export function resendText(raw: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return raw;
  }
  const fresh = (m: unknown) =>
    m && typeof m === "object" && !Array.isArray(m) && "method" in m && "id" in m
      ? { ...m, id: `resend-${++resends}` }
      : m;
  return JSON.stringify(Array.isArray(parsed) ? parsed.map(fresh) : fresh(parsed), null, 2);
}
