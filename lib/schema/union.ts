import { build, buildShape } from "./build";
import { choiceLabel, uniqueLabels } from "./buildScalars";
import { jsonNode, warn, type BuildContext } from "./context";
import type { SchemaDocument } from "./document";
import { ANNOTATIONS, onlyAnnotations, without } from "./keywords";
import { LIMITS } from "./limits";
import { mergeAllOf } from "./merge";
import { isRecord } from "./pointer";
import type { Choice, FieldNode, NodeMeta, Variant } from "./types";
import { deepEqual } from "./values";

const NULL_CHOICE: Choice = { value: null, label: "null" };
/** Keywords that give a union variant a shape of its own (others only add constraints). */
const SHAPE_KEYS = [
  "type",
  "properties",
  "items",
  "prefixItems",
  "enum",
  "const",
  "$ref",
  "additionalProperties",
  "patternProperties",
  "anyOf",
  "oneOf",
  "allOf",
];

function isNullSchema(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if (v.type === "null" && onlyAnnotations(v, ["type"])) return true;
  return (
    (Object.hasOwn(v, "const") && v.const === null) ||
    (Array.isArray(v.enum) && v.enum.length === 1 && v.enum[0] === null)
  );
}

/** The same schema without its "or null" part, when it has one (`nullable`, a type list, a null variant). */
export function nullSplit(s: Record<string, unknown>): Record<string, unknown> | null {
  const base = s.default === null ? without(s, "default") : s;
  if (s.nullable === true) return without(base, "nullable");
  if (
    Array.isArray(s.type) &&
    s.type.includes("null") &&
    s.type.length > 1 &&
    s.enum === undefined &&
    !Object.hasOwn(s, "const")
  ) {
    const rest = s.type.filter((t) => t !== "null");
    return { ...base, type: rest.length === 1 ? rest[0] : rest };
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const variants = s[key];
    if (!Array.isArray(variants) || !variants.some(isNullSchema)) continue;
    const rest = variants.filter((v) => !isNullSchema(v));
    if (rest.length === 0) return null;
    const outer = without(base, key);
    return rest.length === 1 ? combine(outer, rest[0]) : { ...outer, [key]: rest };
  }
  return null;
}

/** `outer` (which wins for annotations) and `inner` at once. */
function combine(outer: Record<string, unknown>, inner: unknown): Record<string, unknown> {
  if (onlyAnnotations(outer) && isRecord(inner)) return { ...inner, ...outer };
  return { ...outer, allOf: [...(Array.isArray(outer.allOf) ? outer.allOf : []), inner] };
}

export function buildNullable(
  s: Record<string, unknown>,
  innerSchema: Record<string, unknown>,
  meta: NodeMeta,
  at: string,
  depth: number,
  ctx: BuildContext,
): FieldNode {
  // Only a variant taken from anyOf/oneOf can bring new $refs or allOfs; the rest is already merged and noted.
  const fresh = s.anyOf !== undefined || s.oneOf !== undefined;
  const inner = fresh ? build(innerSchema, at, depth, ctx) : buildShape(innerSchema, [], at, depth, ctx);
  if (inner.kind === "enum")
    return {
      ...inner,
      ...meta,
      kind: "enum",
      choices: inner.choices.some((c) => c.value === null) ? inner.choices : [...inner.choices, NULL_CHOICE],
    };
  if (inner.kind === "nullable" || inner.kind === "json")
    return { ...inner, ...meta, notes: [...meta.notes, ...inner.notes] } as FieldNode;
  return { ...meta, kind: "nullable", inner };
}

/** `oneOf` / `anyOf` as a variant picker; null when the variants only add constraints (noted). */
export function buildUnion(
  s: Record<string, unknown>,
  key: "oneOf" | "anyOf",
  meta: NodeMeta,
  at: string,
  depth: number,
  ctx: BuildContext,
): FieldNode | null {
  const raw = s[key];
  const noted = (message: string) => {
    meta.notes.push(message);
    warn(ctx, at, message);
    return null;
  };
  if (!Array.isArray(raw)) return noted(`'${key}' is not an array; ignored`);
  if (key === "anyOf" && s.oneOf !== undefined)
    return noted("'anyOf' beside 'oneOf' is not shown as a control; validation checks it");
  const variants = raw.filter((v) => v !== false);
  if (variants.length === 0) return jsonNode(s, `'${key}' has no variant a value could match`, meta.notes);
  if (!variants.some((v) => v === true || (isRecord(v) && SHAPE_KEYS.some((k) => Object.hasOwn(v, k))))) {
    return noted(`'${key}' only adds constraints; validation checks it`);
  }
  const outer = without(s, key);
  if (variants.length === 1) return build(combine(outer, variants[0]), at, depth, ctx);

  const resolved = variants.map((v) => resolveRaw(v, ctx.doc));
  if (
    resolved.every(
      (r) => r.schema && constOf(r.schema) !== undefined && onlyAnnotations(r.schema, ["const", "enum", "type"]),
    )
  ) {
    const choices = resolved.map((r) => ({
      value: constOf(r.schema!)!.value,
      label: titleOf(r.schema) ?? choiceLabel(constOf(r.schema!)!.value),
    }));
    return { ...meta, kind: "enum", choices: uniqueLabels(choices) };
  }
  const disc = findDiscriminator(resolved, variants, s.discriminator);
  const constraints = Object.fromEntries(
    Object.entries(outer).filter(([k]) => !ANNOTATIONS.has(k) && k !== "discriminator"),
  );
  const plain = Object.keys(constraints).length === 0;
  const built: Variant[] = variants.map((v, i) => ({
    label: variantLabel(resolved[i]!, disc?.tags[i], i, ownProperties(resolved, i)),
    node: build(plain ? v : { allOf: [constraints, v] }, at, depth + 1, ctx),
    ...(disc ? { tag: disc.tags[i] } : {}),
  }));
  // A union directly inside a union is one picker, not two ("Outer › Inner").
  const flat = disc
    ? built
    : built.flatMap((v) => {
        const inner = v.node;
        if (inner.kind !== "union") return [v];
        return inner.variants.map((w) => ({
          label: inner.combinator === "type" ? w.label : `${v.label} › ${w.label}`,
          node: w.node,
        }));
      });
  const labels = uniqueLabels(flat.map((v) => ({ value: null, label: v.label })));
  return {
    ...meta,
    kind: "union",
    combinator: key,
    variants: flat.map((v, i) => ({ ...v, label: labels[i]!.label })),
    ...(disc ? { discriminator: disc.property } : {}),
  };
}

/** `type: [a, b]`: one variant per type. */
export function buildTypeUnion(
  s: Record<string, unknown>,
  types: string[],
  meta: NodeMeta,
  at: string,
  depth: number,
  ctx: BuildContext,
): FieldNode {
  const variants = types.map((t) => ({ label: t, node: buildShape({ ...s, type: t }, [], at, depth + 1, ctx) }));
  return { ...meta, kind: "union", combinator: "type", variants };
}

interface Raw {
  schema: Record<string, unknown> | undefined;
  refName?: string;
}

/** A variant as a plain schema for labels and tags: `$ref` chain followed, `allOf` merged. */
function resolveRaw(v: unknown, doc: SchemaDocument): Raw {
  let cur = v;
  let refName: string | undefined;
  const seen = new Set<unknown>();
  for (let hop = 0; hop < LIMITS.refHops && isRecord(cur) && typeof cur.$ref === "string" && !seen.has(cur); hop++) {
    seen.add(cur);
    const found = doc.lookup(cur.$ref);
    if ("error" in found) return { schema: undefined };
    refName ??= found.name;
    cur = isRecord(found.schema) ? { ...found.schema, ...without(cur, "$ref") } : found.schema;
  }
  if (!isRecord(cur)) return { schema: undefined, refName };
  return { schema: cur.allOf !== undefined ? mergeAllOf(cur, doc, []) : cur, refName };
}

function constOf(s: Record<string, unknown>): { value: unknown } | undefined {
  if (Object.hasOwn(s, "const")) return { value: s.const };
  if (Array.isArray(s.enum) && s.enum.length === 1) return { value: s.enum[0] };
  return undefined;
}

function titleOf(s: unknown): string | undefined {
  return isRecord(s) && typeof s.title === "string" && s.title !== "" ? s.title : undefined;
}

/** A property whose constant differs in every variant: OpenAPI's `discriminator` hint first, then any. */
function findDiscriminator(
  resolved: Raw[],
  variants: unknown[],
  hint: unknown,
): { property: string; tags: unknown[] } | undefined {
  const candidates: string[] = [];
  if (isRecord(hint) && typeof hint.propertyName === "string") candidates.push(hint.propertyName);
  const first = resolved[0]?.schema?.properties;
  if (isRecord(first)) candidates.push(...Object.keys(first));
  const mapping = isRecord(hint) && isRecord(hint.mapping) ? hint.mapping : {};
  for (const property of candidates) {
    const tags = resolved.map((r, i) => {
      const prop = isRecord(r.schema?.properties) ? r.schema.properties[property] : undefined;
      const c = isRecord(prop) ? constOf(prop) : undefined;
      if (c) return c;
      const ref = isRecord(variants[i]) ? variants[i].$ref : undefined;
      const mapped = Object.entries(mapping).find(([, target]) => target === ref);
      return mapped && property === (hint as { propertyName?: unknown }).propertyName
        ? { value: mapped[0] }
        : undefined;
    });
    if (
      tags.every((t) => t !== undefined) &&
      tags.every((t, i) => tags.findIndex((u) => deepEqual(u!.value, t!.value)) === i)
    ) {
      return { property, tags: tags.map((t) => t!.value) };
    }
  }
  return undefined;
}

/** Properties variant `i` declares and no other variant does: what tells look-alike variants apart. */
function ownProperties(resolved: Raw[], i: number): string[] {
  const names = (r: Raw | undefined) => (r && isRecord(r.schema?.properties) ? Object.keys(r.schema.properties) : []);
  const others = new Set(resolved.flatMap((r, j) => (j === i ? [] : names(r))));
  return names(resolved[i]).filter((n) => !others.has(n));
}

function variantLabel(r: Raw, tag: unknown, i: number, own: string[]): string {
  const s = r.schema;
  const title = titleOf(s);
  if (title) return title;
  if (tag !== undefined) return choiceLabel(tag);
  if (r.refName) return r.refName;
  if (own.length > 0) return `with ${own.slice(0, 3).join(", ")}${own.length > 3 ? ", …" : ""}`;
  if (s && typeof s.type === "string") return s.type;
  if (s && Array.isArray(s.type)) return s.type.join(" | ");
  if (s && (s.properties || s.additionalProperties)) return "object";
  if (s && (s.items || s.prefixItems)) return "array";
  return `Option ${i + 1}`;
}
