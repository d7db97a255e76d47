/**
 * Message sequence alignment: each frame becomes a `direction + what + method` step, and two
 * sessions' steps are aligned by a longest common subsequence (Myers' O((N+M)·D) algorithm, after
 * trimming the common head and tail), giving runs of equal, added and removed steps.
 */
import type { FrameEntry, RpcInfo, TrafficEntry } from "../traffic";

export interface SequenceStep {
  direction: FrameEntry["direction"];
  /** request | notification | result | error | batch | invalid */
  what: string;
  /** The method; for a response, that of its request ("" when unknown). */
  method: string;
  seq: number;
}

export interface SequenceRun {
  op: "equal" | "added" | "removed";
  /** Steps of the first sequence (equal, removed) or of the second (added). */
  steps: SequenceStep[];
  /** For equal runs: the matching steps of the second sequence. */
  matched?: SequenceStep[];
}

export interface SequenceDiff {
  runs: SequenceRun[];
  /** True when the sequences differ too much for an exact alignment within the edit budget. */
  approximate: boolean;
}

/** More edits than this and the middle is reported as all removed + all added. */
const MAX_EDITS = 1000;

export function sequenceOf(entries: readonly TrafficEntry[]): SequenceStep[] {
  const steps: SequenceStep[] = [];
  for (const e of entries) {
    if (e.kind !== "frame") continue;
    const { what, method } = describe(e, entries);
    steps.push({ direction: e.direction, what, method, seq: e.seq });
  }
  return steps;
}

function describe(e: FrameEntry, entries: readonly TrafficEntry[]): { what: string; method: string } {
  const rpc: RpcInfo = e.rpc;
  switch (rpc.type) {
    case "request":
    case "notification":
      return { what: rpc.type, method: rpc.method };
    case "result":
    case "error": {
      const request = e.pairedSeq === undefined ? undefined : entries[e.pairedSeq];
      const method = request?.kind === "frame" && request.rpc.type === "request" ? request.rpc.method : "";
      return { what: rpc.type, method };
    }
    case "batch":
      return {
        what: "batch",
        method: rpc.items.map((i) => (i.type === "request" || i.type === "notification" ? i.method : i.type)).join(","),
      };
    default:
      return { what: "invalid", method: "" };
  }
}

const keyOf = (s: SequenceStep) => `${s.direction} ${s.what} ${s.method}`;

export function diffSequences(a: readonly SequenceStep[], b: readonly SequenceStep[]): SequenceDiff {
  const ka = a.map(keyOf);
  const kb = b.map(keyOf);
  let head = 0;
  while (head < ka.length && head < kb.length && ka[head] === kb[head]) head++;
  let tail = 0;
  while (tail < ka.length - head && tail < kb.length - head && ka[ka.length - 1 - tail] === kb[kb.length - 1 - tail])
    tail++;
  const ops: ("=" | "-" | "+")[] = [];
  for (let i = 0; i < head; i++) ops.push("=");
  const middle = myers(ka.slice(head, ka.length - tail), kb.slice(head, kb.length - tail));
  const approximate = middle === undefined;
  if (middle) ops.push(...middle);
  else ops.push(...Array<"-">(ka.length - head - tail).fill("-"), ...Array<"+">(kb.length - head - tail).fill("+"));
  for (let i = 0; i < tail; i++) ops.push("=");
  return { runs: toRuns(ops, a, b), approximate };
}

function toRuns(
  ops: readonly ("=" | "-" | "+")[],
  a: readonly SequenceStep[],
  b: readonly SequenceStep[],
): SequenceRun[] {
  const runs: SequenceRun[] = [];
  let i = 0;
  let j = 0;
  const OP = { "=": "equal", "-": "removed", "+": "added" } as const;
  for (const op of ops) {
    let run = runs.at(-1);
    if (run?.op !== OP[op]) {
      run = { op: OP[op], steps: [], ...(op === "=" && { matched: [] }) };
      runs.push(run);
    }
    if (op === "=") {
      run.steps.push(a[i++]!);
      run.matched!.push(b[j++]!);
    } else if (op === "-") run.steps.push(a[i++]!);
    else run.steps.push(b[j++]!);
  }
  return runs;
}

/** The shortest edit script from a to b, or undefined past the edit budget. */
function myers(a: readonly string[], b: readonly string[]): ("=" | "-" | "+")[] | undefined {
  const n = a.length;
  const m = b.length;
  const maxD = Math.min(n + m, MAX_EDITS);
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= maxD && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return undefined;
  const ops: ("=" | "-" | "+")[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push("=");
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? "+" : "-");
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}
