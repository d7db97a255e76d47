import { valueNodeFor } from "./buildContainers";
import { isRecord } from "./pointer";
import type { FieldNode } from "./types";
import { variantFor } from "./variant";

/**
 * `value` with the schema's `default` put into every absent property of every object that is
 * present: what "Send defaults" sends. Absent objects are not created, present values are never
 * changed, and keys the schema does not know are kept.
 */
export function withDefaults(node: FieldNode, value: unknown): unknown {
  if (value === undefined) return undefined;
  switch (node.kind) {
    case "object": {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const p of node.properties) {
        if (!Object.hasOwn(value, p.name)) {
          if (p.node.hasDefault && p.node.default !== undefined) out[p.name] = clone(p.node.default);
        } else out[p.name] = withDefaults(p.node, value[p.name]);
      }
      if (node.rest)
        for (const k of Object.keys(value))
          if (!node.properties.some((p) => p.name === k)) out[k] = entry(node.rest, k, value[k]);
      return out;
    }
    case "map":
      return isRecord(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, entry(node, k, v)]))
        : value;
    case "array":
      return Array.isArray(value) ? value.map((v) => withDefaults(node.items, v)) : value;
    case "tuple":
      return Array.isArray(value)
        ? value.map((v, i) => {
            const n = node.prefix[i] ?? node.rest;
            return n ? withDefaults(n, v) : v;
          })
        : value;
    case "union": {
      const i = variantFor(node, value);
      return i >= 0 ? withDefaults(node.variants[i]!.node, value) : value;
    }
    case "nullable":
      return value === null ? null : withDefaults(node.inner, value);
    case "ref":
      return withDefaults(node.resolve(), value);
    default:
      return value;
  }
}

function entry(map: Extract<FieldNode, { kind: "map" }>, key: string, v: unknown): unknown {
  const n = valueNodeFor(map, key);
  return n ? withDefaults(n, v) : v;
}

function clone(v: unknown): unknown {
  return typeof v === "object" && v !== null ? (JSON.parse(JSON.stringify(v)) as unknown) : v;
}

/** Whether a `default` keyword appears anywhere in the schema (looked at up to a bounded size). */
export function schemaHasDefaults(schema: unknown): boolean {
  const stack: unknown[] = [schema];
  for (let seen = 0; stack.length > 0 && seen < 20_000; seen++) {
    const s = stack.pop();
    if (Array.isArray(s)) stack.push(...s);
    else if (isRecord(s)) {
      if (Object.hasOwn(s, "default")) return true;
      for (const [k, v] of Object.entries(s))
        if (k !== "enum" && k !== "const" && k !== "examples" && typeof v === "object" && v !== null) stack.push(v);
    }
  }
  return false;
}
