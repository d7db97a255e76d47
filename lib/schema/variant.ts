import { fieldErrors } from "./fieldErrors";
import { isRecord } from "./pointer";
import type { FieldNode, UnionNode } from "./types";
import { deepEqual } from "./values";

/**
 * Which variant of a union a value is: the discriminator's constant first, then the variant whose
 * shape fits best. -1 when the value is absent or fits none.
 */
export function variantFor(node: UnionNode, value: unknown): number {
  if (value === undefined) return -1;
  const d = node.discriminator;
  if (d !== undefined && isRecord(value) && Object.hasOwn(value, d)) {
    const i = node.variants.findIndex((v) => deepEqual(v.tag, value[d]));
    if (i >= 0) return i;
  }
  let best = -1;
  let bestScore = -1;
  node.variants.forEach((v, i) => {
    const score = matchScore(v.node, value, 2);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** How well a value fits a node's shape: -1 does not fit, higher fits better. Looks `depth` unions deep. */
export function matchScore(node: FieldNode, value: unknown, depth: number): number {
  switch (node.kind) {
    case "json":
      return 0;
    case "ref":
      return depth > 0 ? matchScore(node.resolve(), value, depth - 1) : 0;
    case "string":
    case "number":
    case "boolean": {
      if (typeof value !== node.kind) return -1;
      if (node.kind === "number" && node.integer && !Number.isInteger(value)) return -1;
      return fieldErrors(node, value).length === 0 ? 2 : 1;
    }
    case "enum":
      return node.choices.some((c) => deepEqual(c.value, value)) ? 3 : -1;
    case "nullable":
      return value === null ? 2 : matchScore(node.inner, value, depth);
    case "union":
      return depth > 0 ? Math.max(-1, ...node.variants.map((v) => matchScore(v.node, value, depth - 1))) : 0;
    case "map":
      return isRecord(value) ? 1 : -1;
    case "array":
    case "tuple":
      return Array.isArray(value) ? 1 : -1;
    case "object":
      return objectScore(node.properties, node.rest !== null, value);
  }
}

function objectScore(
  properties: { name: string; required: boolean; node: FieldNode }[],
  openRest: boolean,
  value: unknown,
): number {
  if (!isRecord(value)) return -1;
  let score = 1;
  const names = new Set<string>();
  for (const p of properties) {
    names.add(p.name);
    if (!Object.hasOwn(value, p.name)) {
      if (p.required) score -= 2;
      continue;
    }
    // A constant that differs rules the variant out: that is what a tag is for.
    if (p.node.kind === "enum" && p.node.choices.length === 1 && !deepEqual(p.node.choices[0]!.value, value[p.name]))
      return -1;
    score += 2;
  }
  if (!openRest) for (const k of Object.keys(value)) if (!names.has(k)) score -= 1;
  return Math.max(score, 0);
}
