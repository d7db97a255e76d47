import type { FrameEntry, TrafficEntry } from "./entry";

/** One request with its answer: a row of the waterfall. */
export interface Span {
  seq: number;
  method: string;
  /** What the request is about (`tools/call echo` → `echo`), when its method names one. */
  subject?: string;
  direction: FrameEntry["direction"];
  start: number;
  /** Undefined while unanswered; for a cancelled request, when it was cancelled. */
  end?: number;
  /** lost: the connection ended before an answer (ends at that boundary). */
  outcome: "result" | "error" | "pending" | "cancelled" | "lost";
}

export interface MethodLatency {
  method: string;
  count: number;
  median: number;
  p95: number;
  max: number;
  errors: number;
}

/** Requests (both directions) with their timing, in the order they were sent. */
export function spans(entries: readonly TrafficEntry[]): Span[] {
  const out: Span[] = [];
  for (const e of entries) {
    if (e.kind !== "frame" || e.rpc.type !== "request") continue;
    const answer = e.pairedSeq !== undefined ? entries[e.pairedSeq] : undefined;
    const base = { seq: e.seq, method: e.rpc.method, subject: e.rpc.subject, direction: e.direction, start: e.ts };
    if (!answer && e.cancelledSeq !== undefined)
      out.push({ ...base, end: entries[e.cancelledSeq]?.ts, outcome: "cancelled" });
    else if (!answer && e.lostSeq !== undefined) out.push({ ...base, end: entries[e.lostSeq]?.ts, outcome: "lost" });
    else {
      const outcome = answer?.kind === "frame" ? (answer.rpc.type === "error" ? "error" : "result") : "pending";
      out.push({ ...base, end: answer?.ts, outcome });
    }
  }
  return out;
}

/** count / median / p95 / max per method, over answered requests; slowest median first. */
export function latencyByMethod(list: readonly Span[]): MethodLatency[] {
  const groups = new Map<string, { durations: number[]; errors: number }>();
  for (const s of list) {
    if (s.end === undefined || s.outcome === "cancelled" || s.outcome === "lost") continue;
    const g = groups.get(s.method) ?? { durations: [], errors: 0 };
    g.durations.push(s.end - s.start);
    if (s.outcome === "error") g.errors++;
    groups.set(s.method, g);
  }
  return [...groups.entries()]
    .map(([method, { durations, errors }]) => {
      const sorted = durations.sort((a, b) => a - b);
      return {
        method,
        count: sorted.length,
        median: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        max: sorted.at(-1)!,
        errors,
      };
    })
    .sort((a, b) => b.median - a.median);
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
