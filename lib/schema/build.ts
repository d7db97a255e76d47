import { buildArray, buildObject } from "./buildContainers";
import { buildBoolean, buildEnum, buildNumber, buildString } from "./buildScalars";
import { guarded, jsonNode, lazyNode, metaOf, nextLevel, warn, type BuildContext } from "./context";
import { SchemaDocument } from "./document";
import { annotationsOf, isLeaf, keywordNotes, onlyAnnotations, safeJson, typesOf, without } from "./keywords";
import { LIMITS } from "./limits";
import { IMPOSSIBLE, mergeAllOf } from "./merge";
import { isRecord } from "./pointer";
import type { FieldNode, FormModel } from "./types";
import { buildNullable, buildTypeUnion, buildUnion, nullSplit } from "./union";

/**
 * Turns a tool's `inputSchema` into a tree of field descriptors. Never throws and never hangs:
 * `$ref`s and anything deeper than LIMITS.eagerDepth become lazy "ref" nodes built on `resolve()`,
 * and what cannot be a control becomes a "json" node with a reason.
 */
export function buildFormModel(schema: unknown): FormModel {
  const doc = new SchemaDocument(schema);
  const ctx: BuildContext = { doc, warnings: [], refCache: new Map(), left: LIMITS.nodesPerLevel };
  let root = guarded(schema, () => build(schema, "", 0, ctx));
  // The arguments object itself is always shown, even when the schema puts it behind a $ref.
  for (let i = 0; i < 3 && root.kind === "ref"; i++) root = root.resolve();
  return { root, warnings: ctx.warnings, dialect: doc.dialect };
}

const models = new WeakMap<object, FormModel>();

/** `buildFormModel`, once per schema object (schemas are treated as immutable). */
export function modelFor(schema: unknown): FormModel {
  if (typeof schema !== "object" || schema === null) return buildFormModel(schema);
  let model = models.get(schema);
  if (!model) {
    model = buildFormModel(schema);
    models.set(schema, model);
  }
  return model;
}

export function build(schema: unknown, at: string, depth: number, ctx: BuildContext): FieldNode {
  if (!isLeaf(schema) && (depth > LIMITS.eagerDepth || ctx.left <= 0)) return deferred(schema, at, depth, ctx);
  ctx.left--;
  if (schema === true || (isRecord(schema) && Object.keys(schema).length === 0))
    return jsonNode(schema, "any JSON value");
  if (schema === false) {
    warn(ctx, at, "the schema is false: no value is allowed");
    return jsonNode(schema, "the schema allows no value here");
  }
  if (!isRecord(schema)) {
    warn(ctx, at, `not a schema: ${safeJson(schema)}`);
    return jsonNode(schema, `not a valid schema (${safeJson(schema)})`);
  }
  if (typeof schema.$ref === "string") return buildRef(schema, schema.$ref, at, depth, ctx);
  const notes: string[] = [];
  if (schema.$ref !== undefined) notes.push(`'$ref' is not a string (${safeJson(schema.$ref)}); ignored`);
  const s = schema.allOf !== undefined ? mergeAllOf(schema, ctx.doc, notes) : schema;
  if (typeof s[IMPOSSIBLE] === "string") {
    for (const n of notes) warn(ctx, at, n);
    warn(ctx, at, s[IMPOSSIBLE]);
    return jsonNode(s, `no value can satisfy this schema: ${s[IMPOSSIBLE]}`, notes);
  }
  notes.push(...keywordNotes(s));
  for (const n of notes) warn(ctx, at, n);
  return buildShape(s, notes, at, depth, ctx);
}

/** Builds an already merged and noted schema by its shape. */
export function buildShape(
  s: Record<string, unknown>,
  notes: string[],
  at: string,
  depth: number,
  ctx: BuildContext,
): FieldNode {
  const meta = metaOf(s, notes);
  const nullable = nullSplit(s);
  if (nullable) return buildNullable(s, nullable, meta, at, depth, ctx);
  if (Object.hasOwn(s, "const") || s.enum !== undefined) {
    const node = buildEnum(s, meta, at, ctx);
    if (node) return node;
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    if (s[key] === undefined) continue;
    const node = buildUnion(s, key, meta, at, depth, ctx);
    if (node) return node;
    return buildShape(without(s, key), notes, at, depth, ctx);
  }
  const types = typesOf(s);
  if (types === undefined) return jsonNode(s, "any JSON value", notes);
  if (!Array.isArray(types)) {
    warn(ctx, at, types.error);
    return jsonNode(s, `invalid schema: ${types.error}`, notes);
  }
  const numeric = types.includes("number") ? types.filter((t) => t !== "integer") : types;
  if (numeric.length === 0) {
    warn(ctx, at, "no type is allowed");
    return jsonNode(s, "the schema allows no type here", notes);
  }
  if (numeric.length > 1) return buildTypeUnion(s, numeric, meta, at, depth, ctx);
  switch (numeric[0]) {
    case "string":
      return buildString(s, meta, at, ctx);
    case "number":
    case "integer":
      return buildNumber(s, numeric[0] === "integer", meta, at, ctx);
    case "boolean":
      return buildBoolean(meta);
    case "null":
      return { ...meta, kind: "enum", choices: [{ value: null, label: "null" }] };
    case "object":
      return buildObject(s, meta, at, depth, ctx);
    default:
      return buildArray(s, meta, at, depth, ctx);
  }
}

/** A `$ref`: built inline when its target is a leaf, otherwise a lazy node. */
function buildRef(
  schema: Record<string, unknown>,
  ref: string,
  at: string,
  depth: number,
  ctx: BuildContext,
): FieldNode {
  const siblings = without(schema, "$ref");
  const found = followRef(ref, ctx);
  if ("error" in found) {
    warn(ctx, at, found.error);
    return jsonNode(schema, found.error);
  }
  const plain = onlyAnnotations(siblings);
  const target = found.schema;
  if (plain && isLeaf(target))
    return build(
      isRecord(target)
        ? { ...target, ...siblings }
        : Object.keys(siblings).length
          ? { allOf: [siblings, target] }
          : target,
      at,
      depth,
      ctx,
    );
  const meta = metaOf({ ...(isRecord(target) ? annotationsOf(target) : {}), ...annotationsOf(siblings) }, []);
  meta.schema = schema;
  const make = (): FieldNode => {
    const level = nextLevel(ctx);
    if (plain && Object.keys(siblings).length === 0) {
      const cached = ctx.refCache.get(found.ref);
      if (cached) return cached;
      const node = build(target, at, 0, level);
      ctx.refCache.set(found.ref, node);
      return node;
    }
    return build(
      plain && isRecord(target) ? { ...target, ...siblings } : { allOf: [siblings, { $ref: found.ref }] },
      at,
      0,
      level,
    );
  };
  return lazyNode(meta, found.name, make, ref);
}

/** Looks a `$ref` up, following targets that are only another `$ref`; cycles are an error. */
function followRef(ref: string, ctx: BuildContext): { schema: unknown; name: string; ref: string } | { error: string } {
  const seen: string[] = [];
  let current = ref;
  for (let hop = 0; hop < LIMITS.refHops; hop++) {
    if (seen.includes(current)) return { error: `cyclic $ref: ${[...seen, current].join(" → ")}` };
    seen.push(current);
    const found = ctx.doc.lookup(current);
    if ("error" in found) return found;
    const t = found.schema;
    if (!isRecord(t) || typeof t.$ref !== "string" || !onlyAnnotations(without(t, "$ref")))
      return { ...found, ref: current };
    current = t.$ref;
  }
  return { error: `$ref chain longer than ${LIMITS.refHops} hops from "${ref}"` };
}

/** Nesting past the eager limits: kept, built one more level when opened. */
function deferred(schema: unknown, at: string, depth: number, ctx: BuildContext): FieldNode {
  warn(
    ctx,
    at,
    depth > LIMITS.eagerDepth
      ? `nested deeper than ${LIMITS.eagerDepth} levels: built when opened`
      : `more than ${LIMITS.nodesPerLevel} fields: built when opened`,
  );
  const meta = metaOf(isRecord(schema) ? annotationsOf(schema) : {}, []);
  meta.schema = schema;
  return lazyNode(meta, meta.title ?? "nested fields", () => build(schema, at, 0, nextLevel(ctx)));
}
