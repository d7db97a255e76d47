import { isRecord } from "./pointer";

/** Keywords the form renders, or that carry no constraint a control could enforce. */
const KNOWN = new Set([
  "$schema",
  "$id",
  "$ref",
  "$defs",
  "definitions",
  "$anchor",
  "$dynamicAnchor",
  "$recursiveAnchor",
  "$comment",
  "$vocabulary",
  "type",
  "enum",
  "const",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "format",
  "contentEncoding",
  "contentMediaType",
  "contentSchema",
  "maxItems",
  "minItems",
  "uniqueItems",
  "items",
  "prefixItems",
  "additionalItems",
  "maxProperties",
  "minProperties",
  "required",
  "properties",
  "patternProperties",
  "additionalProperties",
  "allOf",
  "anyOf",
  "oneOf",
  "title",
  "description",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "examples",
  // OpenAPI: `nullable` and `discriminator` are understood; `example` is shown like `examples`.
  "nullable",
  "discriminator",
  "example",
]);

/** Keywords kept for validation but not turned into controls. */
const UNRENDERED: Record<string, string> = {
  not: "'not'",
  if: "'if/then/else'",
  then: "'if/then/else'",
  else: "'if/then/else'",
  dependentSchemas: "'dependentSchemas'",
  dependentRequired: "'dependentRequired'",
  dependencies: "'dependencies'",
  contains: "'contains'",
  minContains: "'contains'",
  maxContains: "'contains'",
  propertyNames: "'propertyNames'",
  unevaluatedProperties: "'unevaluatedProperties'",
  unevaluatedItems: "'unevaluatedItems'",
  $dynamicRef: "'$dynamicRef'",
  $recursiveRef: "'$recursiveRef'",
};

/** Keywords holding subschemas: a schema without any of them cannot recurse. */
const SUBSCHEMA_KEYS = [
  "$ref",
  "$dynamicRef",
  "$recursiveRef",
  "properties",
  "patternProperties",
  "additionalProperties",
  "items",
  "prefixItems",
  "additionalItems",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "dependentSchemas",
  "dependencies",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
];

/** Annotations: a schema made only of these adds nothing to what it sits beside. */
export const ANNOTATIONS = new Set([
  "title",
  "description",
  "default",
  "examples",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "$schema",
  "$id",
  "$defs",
  "definitions",
  "$anchor",
]);

/** Notes for every keyword of `schema` the form does not render (each named once). */
export function keywordNotes(schema: Record<string, unknown>): string[] {
  const notes = new Set<string>();
  for (const key of Object.keys(schema)) {
    const unrendered = UNRENDERED[key];
    if (unrendered) notes.add(`${unrendered} is not shown as a control; validation checks it`);
    else if (!KNOWN.has(key)) notes.add(`unknown keyword "${key}" is ignored by the form`);
  }
  return [...notes];
}

export function isLeaf(schema: unknown): boolean {
  if (!isRecord(schema)) return true;
  return !SUBSCHEMA_KEYS.some((k) => Object.hasOwn(schema, k) && typeof schema[k] === "object" && schema[k] !== null);
}

export function onlyAnnotations(schema: Record<string, unknown>, extra: readonly string[] = []): boolean {
  return Object.keys(schema).every((k) => ANNOTATIONS.has(k) || extra.includes(k));
}

export function without(schema: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const out = { ...schema };
  for (const k of keys) delete out[k];
  return out;
}

export function annotationsOf(schema: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema))
    if (ANNOTATIONS.has(k) && k !== "$defs" && k !== "definitions") out[k] = v;
  return out;
}

const JSON_TYPES = new Set(["null", "boolean", "object", "array", "number", "string", "integer"]);
const HINTS: [string, readonly string[]][] = [
  [
    "object",
    [
      "properties",
      "additionalProperties",
      "patternProperties",
      "required",
      "minProperties",
      "maxProperties",
      "propertyNames",
    ],
  ],
  ["array", ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "additionalItems"]],
  ["string", ["minLength", "maxLength", "pattern"]],
  ["number", ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]],
];

/**
 * The JSON types a schema allows: from `type`, or inferred from type-specific keywords when
 * exactly one type's keywords appear. `undefined` means any type; a string is an error.
 */
export function typesOf(schema: Record<string, unknown>): string[] | undefined | { error: string } {
  const t = schema.type;
  if (typeof t === "string") return JSON_TYPES.has(t) ? [t] : { error: `unknown type "${t}"` };
  if (Array.isArray(t)) {
    const bad = t.find((x) => typeof x !== "string" || !JSON_TYPES.has(x));
    if (bad !== undefined) return { error: `invalid type ${JSON.stringify(bad)}` };
    return [...new Set(t as string[])];
  }
  if (t !== undefined) return { error: `invalid type ${safeJson(t)}` };
  const hinted = HINTS.filter(([, keys]) => keys.some((k) => Object.hasOwn(schema, k))).map(([type]) => type);
  return hinted.length === 1 ? hinted : undefined;
}

export function safeJson(v: unknown, max = 80): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}
