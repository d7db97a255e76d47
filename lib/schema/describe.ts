import type { FieldNode } from "./types";

/** A short human summary of a field's constraints, for help text ("integer, 1 to 100"). */
export function constraintSummary(node: FieldNode): string | undefined {
  const parts: string[] = [];
  switch (node.kind) {
    case "string":
      if (node.format) parts.push(node.format);
      if (node.minLength !== undefined || node.maxLength !== undefined)
        parts.push(range(node.minLength, node.maxLength, "characters"));
      if (node.pattern) parts.push(`pattern ${node.pattern}`);
      break;
    case "number": {
      parts.push(node.integer ? "integer" : "number");
      const lo =
        node.minimum !== undefined
          ? `≥ ${node.minimum}`
          : node.exclusiveMinimum !== undefined
            ? `> ${node.exclusiveMinimum}`
            : undefined;
      const hi =
        node.maximum !== undefined
          ? `≤ ${node.maximum}`
          : node.exclusiveMaximum !== undefined
            ? `< ${node.exclusiveMaximum}`
            : undefined;
      if (lo) parts.push(lo);
      if (hi) parts.push(hi);
      if (node.multipleOf !== undefined) parts.push(`multiple of ${node.multipleOf}`);
      break;
    }
    case "array":
    case "tuple":
      if (node.minItems !== undefined || node.maxItems !== undefined)
        parts.push(range(node.minItems, node.maxItems, "items"));
      if (node.uniqueItems) parts.push("unique items");
      break;
    case "object":
    case "map":
      if (node.minProperties !== undefined || node.maxProperties !== undefined)
        parts.push(range(node.minProperties, node.maxProperties, "properties"));
      break;
    default:
      break;
  }
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function range(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined)
    return min === max ? `exactly ${min} ${unit}` : `${min} to ${max} ${unit}`;
  return min !== undefined ? `at least ${min} ${unit}` : `at most ${max} ${unit}`;
}
