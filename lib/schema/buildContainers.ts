import { build } from "./build";
import { escapeSegment, jsonNode, metaOf, warn, type BuildContext } from "./context";
import { safeJson } from "./keywords";
import { isRecord } from "./pointer";
import { regexFor } from "./regex";
import type { FieldNode, MapNode, NodeMeta, ObjectNode, PatternField, PropertyField, TupleNode } from "./types";

function note(meta: NodeMeta, ctx: BuildContext, at: string, message: string): void {
  meta.notes.push(message);
  warn(ctx, at, message);
}

function count(s: Record<string, unknown>, key: string): number | undefined {
  const v = s[key];
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** An object: named properties as fields, other keys as a map ("rest"); no properties → a map node. */
export function buildObject(
  s: Record<string, unknown>,
  meta: NodeMeta,
  at: string,
  depth: number,
  ctx: BuildContext,
): ObjectNode | MapNode {
  let props: Record<string, unknown> = {};
  if (isRecord(s.properties)) props = s.properties;
  else if (s.properties !== undefined)
    note(meta, ctx, at, `'properties' is not an object (${safeJson(s.properties)}); ignored`);
  let required: string[] = [];
  if (Array.isArray(s.required)) required = s.required.filter((r): r is string => typeof r === "string");
  else if (s.required !== undefined)
    note(meta, ctx, at, `'required' is not an array (${safeJson(s.required)}); ignored`);
  const requiredSet = new Set(required);

  const properties: PropertyField[] = [];
  for (const [name, sub] of Object.entries(props)) {
    properties.push({
      name,
      required: requiredSet.has(name),
      node: build(sub, `${at}/${escapeSegment(name)}`, depth + 1, ctx),
    });
  }
  const names = properties.map((p) => p.name);
  const rest = buildRest(s, meta, names, at, depth, ctx);
  for (const name of requiredSet) {
    if (Object.hasOwn(props, name)) continue;
    const node = rest ? valueNodeFor(rest, name) : null;
    properties.push({
      name,
      required: true,
      node: node ?? jsonNode({}, "required, but the schema does not describe it"),
    });
    names.push(name);
  }
  const minProperties = count(s, "minProperties");
  const maxProperties = count(s, "maxProperties");
  if (properties.length === 0 && rest) return { ...rest, ...meta, kind: "map", minProperties, maxProperties };
  return {
    ...meta,
    kind: "object",
    properties,
    rest: rest && { ...rest, declared: names },
    minProperties,
    maxProperties,
  };
}

function buildRest(
  s: Record<string, unknown>,
  meta: NodeMeta,
  declared: string[],
  at: string,
  depth: number,
  ctx: BuildContext,
): MapNode | null {
  const patterns: PatternField[] = [];
  if (isRecord(s.patternProperties)) {
    for (const [pattern, sub] of Object.entries(s.patternProperties)) {
      const compiled = regexFor(pattern);
      if (!compiled)
        note(meta, ctx, at, `patternProperties key ${safeJson(pattern)} is not a valid regular expression`);
      else if (compiled.why) meta.notes.push(`patternProperties key ${safeJson(pattern)}: ${compiled.why}`);
      patterns.push({ pattern, node: build(sub, `${at}/*`, depth + 1, ctx) });
    }
  } else if (s.patternProperties !== undefined) note(meta, ctx, at, `'patternProperties' is not an object; ignored`);
  const ap = s.additionalProperties;
  let additional: FieldNode | null;
  let open = false;
  if (ap === false || (ap === undefined && s.unevaluatedProperties === false)) additional = null;
  else if (ap === undefined || ap === true) {
    additional = jsonNode(true, "any JSON value");
    open = true;
  } else additional = build(ap, `${at}/*`, depth + 1, ctx);
  if (additional === null && patterns.length === 0) return null;
  return { ...metaOf({}, []), kind: "map", patterns, additional, declared, open };
}

/** The node for a key of a map: the first matching pattern, else `additional`; null when not allowed. */
export function valueNodeFor(map: MapNode, key: string): FieldNode | null {
  for (const p of map.patterns) if (regexFor(p.pattern)?.test(key)) return p.node;
  return map.additional;
}

/** Arrays: one item node; `prefixItems` (or draft-07 `items: [...]`) makes a tuple. */
export function buildArray(
  s: Record<string, unknown>,
  meta: NodeMeta,
  at: string,
  depth: number,
  ctx: BuildContext,
): FieldNode {
  const base = {
    ...meta,
    minItems: count(s, "minItems"),
    maxItems: count(s, "maxItems"),
    uniqueItems: s.uniqueItems === true,
  };
  const draft07 = ctx.doc.dialect !== "2020-12";
  if (Array.isArray(s.prefixItems)) {
    if (draft07) note(meta, ctx, at, "'prefixItems' is 2020-12 syntax in a draft-07 schema; shown as a tuple");
    return tuple(s.prefixItems, s.items, base, at, depth, ctx);
  }
  if (Array.isArray(s.items)) {
    if (!draft07) note(meta, ctx, at, "'items' as an array is draft-07 syntax; shown as a tuple");
    return tuple(s.items, s.additionalItems, base, at, depth, ctx);
  }
  if (s.items === false) return tuple([], false, base, at, depth, ctx);
  const items =
    s.items === undefined || s.items === true
      ? jsonNode(true, "any JSON value")
      : build(s.items, `${at}/*`, depth + 1, ctx);
  return { ...base, kind: "array", items };
}

function tuple(
  prefix: unknown[],
  rest: unknown,
  base: Omit<TupleNode, "kind" | "prefix" | "rest" | "restDeclared">,
  at: string,
  depth: number,
  ctx: BuildContext,
): TupleNode {
  return {
    ...base,
    kind: "tuple",
    prefix: prefix.map((p, i) => build(p, `${at}/${i}`, depth + 1, ctx)),
    rest:
      rest === false
        ? null
        : rest === undefined || rest === true
          ? jsonNode(true, "any JSON value")
          : build(rest, `${at}/*`, depth + 1, ctx),
    restDeclared: rest !== undefined && rest !== false,
  };
}
