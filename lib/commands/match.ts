/**
 * The palette's matching: a query against a label, case-insensitive. A substring scores highest
 * (at the start, then at a word's start, then anywhere; shorter labels first), then every word of
 * the query found in the label, then the query's letters in order (fuzzy: "gtr" finds
 * "get-tiny-resource"), preferring runs and word starts. The matched spans come back for highlighting.
 */
export interface TextMatch {
  score: number;
  /** Half-open [start, end) spans of the label that matched, in order, not overlapping. */
  ranges: [number, number][];
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Index i starts a word: the label's start, after a separator, or an upper-case letter after a lower-case one. */
export function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const prev = text[i - 1]!;
  const cur = text[i]!;
  if (!isWordChar(prev)) return true;
  return /\p{Ll}/u.test(prev) && /\p{Lu}/u.test(cur);
}

export function matchText(query: string, text: string): TextMatch | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return { score: 0, ranges: [] };
  const t = text.toLowerCase();
  const lengthPenalty = Math.min(100, t.length - q.length) / 10;

  const at = substringAt(text, t, q);
  if (at >= 0) {
    const place = at === 0 ? 300 : isWordStart(text, at) ? 200 : 100;
    return { score: 1000 + place - lengthPenalty, ranges: [[at, at + q.length]] };
  }

  const words = q.split(/\s+/);
  if (words.length > 1) {
    const ranges: [number, number][] = [];
    for (const w of words) {
      const i = substringAt(text, t, w);
      if (i < 0) break;
      ranges.push([i, i + w.length]);
    }
    if (ranges.length === words.length) return { score: 600 - lengthPenalty, ranges: merge(ranges) };
  }

  return fuzzy(text, t, q.replace(/\s+/g, ""), lengthPenalty);
}

/** The first word-start occurrence of q in t, else the first occurrence, else -1. */
function substringAt(text: string, t: string, q: string): number {
  let first = -1;
  for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) {
    if (isWordStart(text, i)) return i;
    if (first < 0) first = i;
  }
  return first;
}

function fuzzy(text: string, t: string, q: string, lengthPenalty: number): TextMatch | undefined {
  const positions: number[] = [];
  let from = 0;
  for (const c of q) {
    // Prefer the next word start holding c; else the next c at all.
    let i = -1;
    for (let j = t.indexOf(c, from); j >= 0; j = t.indexOf(c, j + 1)) {
      if (isWordStart(text, j) || (positions.length > 0 && j === positions.at(-1)! + 1)) {
        i = j;
        break;
      }
      if (i < 0) i = j;
    }
    if (i < 0) return undefined;
    positions.push(i);
    from = i + 1;
  }
  let score = 100 - lengthPenalty;
  positions.forEach((p, k) => {
    if (isWordStart(text, p)) score += 15;
    if (k > 0 && p === positions[k - 1]! + 1) score += 10;
    else if (k > 0) score -= Math.min(10, p - positions[k - 1]! - 1);
  });
  return { score: Math.max(1, score), ranges: merge(positions.map((p) => [p, p + 1] as [number, number])) };
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A label cut into plain and matched pieces, for rendering the highlight. */
export function highlightParts(text: string, ranges: readonly [number, number][]): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push({ text: text.slice(at, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
