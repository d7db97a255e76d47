import { modelFor } from "./build";
import { LIMITS } from "./limits";
import { isRecord } from "./pointer";
import type { FieldNode } from "./types";

/**
 * The value a field starts with: nothing when it is optional, even when it has a `default` (the
 * form shows the default as a placeholder and sends it only when asked: the server applies its
 * own defaults). A required field starts with its `default`, else the smallest skeleton — objects
 * with their required properties, empty arrays and maps, `false`, a sole constant, the first
 * variant; strings and numbers are never invented. `$ref`s are followed at most `refs` times, so
 * recursion ends.
 */
export function initialValue(node: FieldNode, required?: boolean, refs?: number): unknown;
/** The starting arguments for a schema (its model's root, built once per schema object). */
export function initialValue(schema: unknown): unknown;
export function initialValue(nodeOrSchema: unknown, required = true, refs: number = LIMITS.skeletonRefs): unknown {
  return skeleton(isFieldNode(nodeOrSchema) ? nodeOrSchema : modelFor(nodeOrSchema).root, required, refs);
}

/** A form node (not a schema): schemas never carry all of these at once. */
function isFieldNode(v: unknown): v is FieldNode {
  return (
    isRecord(v) &&
    typeof v.kind === "string" &&
    typeof v.hasDefault === "boolean" &&
    Array.isArray(v.notes) &&
    "schema" in v
  );
}

function skeleton(node: FieldNode, required: boolean, refs: number): unknown {
  if (!required) return undefined;
  if (node.hasDefault) return node.default;
  switch (node.kind) {
    case "boolean":
      return false;
    case "enum":
      return node.choices.length === 1 ? node.choices[0]!.value : undefined;
    case "object": {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        const v = skeleton(p.node, p.required, refs);
        if (v !== undefined) out[p.name] = v;
      }
      return out;
    }
    case "map":
      return {};
    case "array":
      return [];
    case "tuple": {
      const out: unknown[] = [];
      for (let i = 0; i < (node.minItems ?? 0) && i < node.prefix.length; i++) {
        const v = skeleton(node.prefix[i]!, true, refs);
        if (v === undefined) break;
        out.push(v);
      }
      return out;
    }
    case "union":
      return node.variants.length > 0
        ? variantValue(node.variants[0]!.node, node.discriminator, node.variants[0]!.tag, refs)
        : undefined;
    case "nullable":
      return skeleton(node.inner, true, refs);
    case "ref":
      return refs > 0 ? skeleton(node.resolve(), true, refs - 1) : undefined;
    default:
      return undefined;
  }
}

/** A variant's starting value with its discriminator set (first, as people write it). */
export function variantValue(
  node: FieldNode,
  discriminator: string | undefined,
  tag: unknown,
  refs: number = LIMITS.skeletonRefs,
): unknown {
  const v = skeleton(node, true, refs);
  if (discriminator === undefined || tag === undefined) return v;
  const rest = typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { [discriminator]: tag, ...rest };
  out[discriminator] = tag;
  return out;
}

/**
 * A value for something the user just added (an array item, a map entry, a chosen variant): the
 * skeleton, or else the plainest value of the right type, so the new row has something to show.
 */
export function emptyValue(node: FieldNode): unknown {
  const v = skeleton(node, true, LIMITS.skeletonRefs);
  if (v !== undefined) return v;
  switch (node.kind) {
    case "string":
      return "";
    case "number":
      return node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 0);
    case "enum":
      return node.choices[0]?.value ?? null;
    case "nullable":
      return null;
    case "ref":
      return emptyValue(node.resolve());
    default:
      return null;
  }
}
