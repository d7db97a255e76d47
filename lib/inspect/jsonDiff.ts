import { isRecord } from "../base"; /** A structural diff of two JSON values, as the JSON Pointer paths that were added, removed or changed. */

export interface JsonChange {
  /** JSON Pointer from the compared root; "" is the root itself. */
  path: string;
  change: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

/** Hostile or huge schemas must not hang the diff: past these, the rest is one change at its path. */
const MAX_DEPTH = 64;
const MAX_CHANGES = 1000;

const escape = (key: string | number) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

export function diffJson(before: unknown, after: unknown, path = ""): JsonChange[] {
  const out: JsonChange[] = [];
  walk(before, after, path, 0, out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, depth: number, out: JsonChange[]): void {
  if (out.length >= MAX_CHANGES || a === b) return;
  const bothObjects = isRecord(a) && isRecord(b);
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  if (depth >= MAX_DEPTH || (!bothObjects && !bothArrays)) {
    if (!jsonEqual(a, b)) out.push({ path, change: "changed", before: a, after: b });
    return;
  }
  if (bothArrays) {
    const length = Math.max(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const p = `${path}/${i}`;
      if (i >= a.length) out.push({ path: p, change: "added", after: b[i] });
      else if (i >= b.length) out.push({ path: p, change: "removed", before: a[i] });
      else walk(a[i], b[i], p, depth + 1, out);
    }
    return;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const key of Object.keys(ao)) {
    const p = `${path}/${escape(key)}`;
    if (!Object.hasOwn(bo, key)) out.push({ path: p, change: "removed", before: ao[key] });
    else walk(ao[key], bo[key], p, depth + 1, out);
  }
  for (const key of Object.keys(bo)) {
    if (!Object.hasOwn(ao, key)) out.push({ path: `${path}/${escape(key)}`, change: "added", after: bo[key] });
  }
}

/** Deep equality of JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}
