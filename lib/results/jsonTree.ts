/** Pure helpers for the lazy JSON tree: one node's kind, summary and one page of children. */

export type JsonKind = "object" | "array" | "string" | "number" | "boolean" | "null" | "other";

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "object":
      return "object";
    case "string":
      return "string";
    case "number":
    case "bigint":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "other";
  }
}

export function isContainer(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** Keys of a container; for arrays the indices (computed only up to `limit`). */
export function childKeys(value: object, limit: number): { keys: string[]; total: number } {
  if (Array.isArray(value)) {
    const count = Math.min(limit, value.length);
    const keys = new Array<string>(count);
    for (let i = 0; i < count; i++) keys[i] = String(i);
    return { keys, total: value.length };
  }
  const all = Object.keys(value);
  return { keys: all.length > limit ? all.slice(0, limit) : all, total: all.length };
}

export function childValue(value: object, key: string): unknown {
  return Array.isArray(value) ? value[Number(key)] : (value as Record<string, unknown>)[key];
}

/** "[3 items]" / "{2 keys}" for a collapsed container. */
export function containerSummary(value: object, total: number): string {
  if (Array.isArray(value)) return `[${total} ${total === 1 ? "item" : "items"}]`;
  return `{${total} ${total === 1 ? "key" : "keys"}}`;
}

/** A primitive as JSON-ish text; long strings are cut to `max` characters. */
export function primitiveText(value: unknown, max = 500): { text: string; cut: number } {
  if (typeof value === "string") {
    const cut = value.length > max ? value.length - max : 0;
    return {
      text: JSON.stringify(cut ? value.slice(0, max) : value).slice(0, cut ? -1 : undefined) + (cut ? "…" : ""),
      cut,
    };
  }
  if (value === undefined) return { text: "undefined", cut: 0 };
  if (typeof value === "bigint") return { text: `${value}n`, cut: 0 };
  return { text: String(value), cut: 0 };
}
