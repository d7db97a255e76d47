import type { SchemaDocument } from "./document";
import { safeJson } from "./keywords";
import { LIMITS } from "./limits";
import { isRecord } from "./pointer";
import { deepEqual } from "./values";

const MAX_KEYS = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"]);
const MIN_KEYS = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"]);
const SUBSCHEMA_KEYS = new Set([
  "items",
  "additionalProperties",
  "additionalItems",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "not",
]);
/** Values stored on a merged schema to say "no value can satisfy this". */
export const IMPOSSIBLE = "x-mcp-lens-impossible";

interface MergeState {
  doc: SchemaDocument;
  notes: string[];
  stack: Set<unknown>;
  members: number;
}

/**
 * Folds `allOf` into one schema: properties and required are united, bounds tightened, types and
 * enums intersected. What cannot be folded is kept from the first member and named in `notes`
 * (validation still sees the original schema).
 */
export function mergeAllOf(
  schema: Record<string, unknown>,
  doc: SchemaDocument,
  notes: string[],
): Record<string, unknown> {
  return mergeIn(schema, { doc, notes, stack: new Set(), members: 0 }, 0);
}

function mergeIn(schema: Record<string, unknown>, st: MergeState, depth: number): Record<string, unknown> {
  const { allOf, ...base } = schema;
  if (allOf === undefined) return schema;
  if (!Array.isArray(allOf)) {
    st.notes.push(`'allOf' is not an array (${safeJson(allOf)}); ignored`);
    return base;
  }
  if (depth >= LIMITS.mergeDepth) {
    st.notes.push(`'allOf' nested deeper than ${LIMITS.mergeDepth} levels; the rest is left to validation`);
    return base;
  }
  st.stack.add(schema);
  let out: Record<string, unknown> = base;
  for (const member of allOf) {
    if (++st.members > LIMITS.nodesPerLevel) {
      st.notes.push(`'allOf' has more than ${LIMITS.nodesPerLevel} members in all; the rest is left to validation`);
      break;
    }
    const resolved = resolveMember(member, st, depth);
    if (resolved === undefined) continue;
    if (st.stack.has(resolved)) {
      st.notes.push("'allOf' refers back to itself; the cycle is left to validation");
      continue;
    }
    out = mergeTwo(out, mergeIn(resolved, st, depth + 1), st.notes);
  }
  st.stack.delete(schema);
  return out;
}

/** An allOf member as a plain schema: `$ref`s looked up, `true` skipped, `false` made impossible. */
function resolveMember(member: unknown, st: MergeState, depth: number): Record<string, unknown> | undefined {
  if (member === true) return undefined;
  if (member === false) return { [IMPOSSIBLE]: "an 'allOf' member is false" };
  if (!isRecord(member)) {
    st.notes.push(`'allOf' member ${safeJson(member)} is not a schema; ignored`);
    return undefined;
  }
  if (typeof member.$ref !== "string") return member;
  const { $ref, ...siblings } = member;
  const found = st.doc.lookup($ref);
  if ("error" in found) {
    st.notes.push(`'allOf' member: ${found.error}`);
    return siblings;
  }
  if (found.schema === false) return { [IMPOSSIBLE]: `$ref "${$ref}" is false` };
  if (!isRecord(found.schema)) return siblings;
  if (st.stack.has(found.schema)) {
    st.notes.push(`'allOf' member "${$ref}" refers back to itself; the cycle is left to validation`);
    return siblings;
  }
  st.stack.add(found.schema);
  const target = mergeIn(resolveRefChain(found.schema), st, depth + 1);
  st.stack.delete(found.schema);
  return Object.keys(siblings).length === 0 ? target : mergeTwo(mergeIn(siblings, st, depth + 1), target, st.notes);
}

/** A target that is itself `{ $ref }` (with siblings) is looked up again, within limits. */
function resolveRefChain(schema: Record<string, unknown>): Record<string, unknown> {
  return typeof schema.$ref === "string" ? { allOf: [schema] } : schema;
}

/** Two schemas' constraints at once. `a` wins for annotations and anything not foldable. */
export function mergeTwo(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  notes: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, bv] of Object.entries(b)) {
    if (!Object.hasOwn(out, key)) {
      out[key] = bv;
      continue;
    }
    const av = out[key];
    if (deepEqual(av, bv)) continue;
    if (key === "properties" || key === "patternProperties") out[key] = mergeProperties(av, bv);
    else if (key === "required") out[key] = [...new Set([...asStrings(av), ...asStrings(bv)])];
    else if (key === "type") out[key] = intersectTypes(av, bv);
    else if (key === "enum" && Array.isArray(av) && Array.isArray(bv))
      out[key] = av.filter((x) => bv.some((y) => deepEqual(x, y)));
    else if (key === "const") out[IMPOSSIBLE] = "'allOf' members require different constants";
    else if (MAX_KEYS.has(key) && typeof av === "number" && typeof bv === "number") out[key] = Math.max(av, bv);
    else if (MIN_KEYS.has(key) && typeof av === "number" && typeof bv === "number") out[key] = Math.min(av, bv);
    else if (key === "uniqueItems") out[key] = av === true || bv === true;
    else if (SUBSCHEMA_KEYS.has(key))
      out[key] = av === false || bv === false ? false : av === true ? bv : bv === true ? av : { allOf: [av, bv] };
    else if (key === "prefixItems" && Array.isArray(av) && Array.isArray(bv)) out[key] = mergePositions(av, bv);
    else if (!isAnnotation(key))
      notes.push(`'allOf' members disagree on '${key}'; the form uses the first, validation checks both`);
  }
  return out;
}

function mergeProperties(a: unknown, b: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = isRecord(a) ? { ...a } : {};
  if (!isRecord(b)) return out;
  for (const [k, v] of Object.entries(b))
    out[k] = !Object.hasOwn(out, k) || deepEqual(out[k], v) ? v : { allOf: [out[k], v] };
  return out;
}

function mergePositions(a: unknown[], b: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    out.push(i >= a.length ? b[i] : i >= b.length ? a[i] : { allOf: [a[i], b[i]] });
  return out;
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const as = typeof a === "string" ? [a] : Array.isArray(a) ? a : undefined;
  const bs = typeof b === "string" ? [b] : Array.isArray(b) ? b : undefined;
  if (!as || !bs) return a;
  const both = as.filter((t) => bs.includes(t) || (t === "integer" && bs.includes("number")));
  for (const t of bs) if (t === "integer" && as.includes("number") && !both.includes("integer")) both.push("integer");
  return both.length === 1 ? both[0] : both;
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function isAnnotation(key: string): boolean {
  return [
    "title",
    "description",
    "default",
    "examples",
    "example",
    "$comment",
    "$id",
    "$schema",
    "$defs",
    "definitions",
    "$anchor",
    "readOnly",
    "writeOnly",
    "deprecated",
  ].includes(key);
}
