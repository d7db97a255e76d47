import { jsonNode, warn, type BuildContext } from "./context";
import { safeJson } from "./keywords";
import { LIMITS } from "./limits";
import { regexFor } from "./regex";
import type { BooleanNode, Choice, FieldNode, NodeMeta, NumberNode, StringNode } from "./types";

/** A numeric keyword; a non-number is noted, never silently dropped. */
function num(
  s: Record<string, unknown>,
  key: string,
  meta: NodeMeta,
  at: string,
  ctx: BuildContext,
): number | undefined {
  const v = s[key];
  if (v === undefined) return undefined;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "boolean" && (key === "exclusiveMinimum" || key === "exclusiveMaximum")) return undefined;
  const note = `'${key}' is not a number (${safeJson(v)}); ignored by the form`;
  meta.notes.push(note);
  warn(ctx, at, note);
  return undefined;
}

export function buildString(s: Record<string, unknown>, meta: NodeMeta, at: string, ctx: BuildContext): StringNode {
  let pattern: string | undefined;
  if (typeof s.pattern === "string") {
    const compiled = regexFor(s.pattern);
    if (compiled) {
      pattern = s.pattern;
      if (compiled.why) meta.notes.push(`'pattern' ${safeJson(s.pattern)}: ${compiled.why}`);
    } else {
      meta.notes.push(`'pattern' ${safeJson(s.pattern)} is not a valid regular expression`);
      warn(ctx, at, `'pattern' ${safeJson(s.pattern)} is not a valid regular expression`);
    }
  }
  return {
    ...meta,
    kind: "string",
    format: typeof s.format === "string" ? s.format : undefined,
    minLength: num(s, "minLength", meta, at, ctx),
    maxLength: num(s, "maxLength", meta, at, ctx),
    pattern,
    contentMediaType: typeof s.contentMediaType === "string" ? s.contentMediaType : undefined,
  };
}

export function buildNumber(
  s: Record<string, unknown>,
  integer: boolean,
  meta: NodeMeta,
  at: string,
  ctx: BuildContext,
): NumberNode {
  let minimum = num(s, "minimum", meta, at, ctx);
  let maximum = num(s, "maximum", meta, at, ctx);
  let exclusiveMinimum = num(s, "exclusiveMinimum", meta, at, ctx);
  let exclusiveMaximum = num(s, "exclusiveMaximum", meta, at, ctx);
  // draft-04 style: a boolean exclusive* turns minimum/maximum exclusive.
  if (s.exclusiveMinimum === true && minimum !== undefined) [exclusiveMinimum, minimum] = [minimum, undefined];
  if (s.exclusiveMaximum === true && maximum !== undefined) [exclusiveMaximum, maximum] = [maximum, undefined];
  const multipleOf = num(s, "multipleOf", meta, at, ctx);
  return {
    ...meta,
    kind: "number",
    integer,
    minimum,
    maximum,
    exclusiveMinimum,
    exclusiveMaximum,
    multipleOf: multipleOf !== undefined && multipleOf > 0 ? multipleOf : undefined,
  };
}

export function buildBoolean(meta: NodeMeta): BooleanNode {
  return { ...meta, kind: "boolean" };
}

/** `const` or `enum` as a list of choices; null when the keyword is unusable (noted). */
export function buildEnum(s: Record<string, unknown>, meta: NodeMeta, at: string, ctx: BuildContext): FieldNode | null {
  let values: unknown[];
  if (Object.hasOwn(s, "const")) values = [s.const];
  else if (Array.isArray(s.enum)) values = s.enum;
  else {
    const note = `'enum' is not an array (${safeJson(s.enum)}); ignored by the form`;
    meta.notes.push(note);
    warn(ctx, at, note);
    return null;
  }
  if (values.length === 0) {
    warn(ctx, at, "'enum' is empty: no value is allowed");
    return jsonNode(s, "an empty 'enum' allows no value", meta.notes);
  }
  if (values.length > LIMITS.enumChoices) {
    warn(ctx, at, `'enum' has ${values.length} choices: edited as JSON`);
    return jsonNode(s, `'enum' has ${values.length} choices, too many for a list`, meta.notes);
  }
  return {
    ...meta,
    kind: "enum",
    choices: uniqueLabels(values.map((value) => ({ value, label: choiceLabel(value) }))),
  };
}

export function choiceLabel(value: unknown): string {
  return typeof value === "string" ? value : safeJson(value, 120);
}

/** Choices shown in one select need distinct labels ("a", "a (2)"). */
export function uniqueLabels(choices: Choice[]): Choice[] {
  const seen = new Map<string, number>();
  return choices.map((c) => {
    const n = (seen.get(c.label) ?? 0) + 1;
    seen.set(c.label, n);
    return n === 1 ? c : { ...c, label: `${c.label} (${n})` };
  });
}
