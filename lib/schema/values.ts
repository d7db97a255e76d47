import { isRecord } from "./pointer";
import type { Path } from "./types";

/** The value at `path`, or undefined when any step is missing. */
export function getAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === "number") cur = cur[seg];
    else if (isRecord(cur) && typeof seg === "string") cur = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    else return undefined;
  }
  return cur;
}

/**
 * A copy of `root` with `next` at `path`; only containers along the path are copied, everything
 * else (including keys the schema does not know) is shared untouched. `undefined` removes an
 * object key; in an array it becomes null (JSON has no holes): only arrayRemove removes an item,
 * so clearing a field inside an array never changes how many items it has.
 * Missing containers are created ({} for a name, [] for an index).
 */
export function setAt(root: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [seg, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof seg === "number") {
    const arr = Array.isArray(root) ? root.slice() : [];
    const child = setAt(arr[seg], rest, next);
    while (arr.length < seg) arr.push(null);
    arr[seg] = child === undefined ? null : child;
    return arr;
  }
  const obj: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  const child = setAt(Object.hasOwn(obj, seg) ? obj[seg] : undefined, rest, next);
  if (child === undefined) delete obj[seg];
  else obj[seg] = child;
  return obj;
}

export function arrayRemove<T>(arr: readonly T[], index: number): T[] {
  return arr.filter((_, i) => i !== index);
}

/** Moves item `from` to position `to` (both clamped). */
export function arrayMove<T>(arr: readonly T[], from: number, to: number): T[] {
  const out = arr.slice();
  if (from < 0 || from >= out.length || to < 0 || to >= out.length || from === to) return out;
  const [item] = out.splice(from, 1) as [T];
  out.splice(to, 0, item);
  return out;
}

/** Renames a key keeping the key order; refuses (returns the same object) when `to` is taken. */
export function renameKey(obj: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  if (from === to || !Object.hasOwn(obj, from) || Object.hasOwn(obj, to)) return obj;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k === from ? to : k] = v;
  return out;
}

/** A key not yet in `obj`: "" first, then "key2", "key3"… */
export function freshKey(obj: Record<string, unknown>, taken: readonly string[] = []): string {
  const used = (k: string) => Object.hasOwn(obj, k) || taken.includes(k);
  if (!used("")) return "";
  for (let i = 2; ; i++) if (!used(`key${i}`)) return `key${i}`;
}

/** JSON equality: key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The JSON type name of a value, as JSON Schema's `type` spells it. */
export function jsonType(
  v: unknown,
): "null" | "boolean" | "integer" | "number" | "string" | "array" | "object" | "undefined" {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  if (typeof v === "boolean" || typeof v === "string" || typeof v === "object")
    return typeof v as "boolean" | "string" | "object";
  return "undefined";
}
