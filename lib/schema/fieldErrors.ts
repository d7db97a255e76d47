import { format as FORMATS } from "@cfworker/json-schema";
import { isRecord } from "./pointer";
import { regexFor } from "./regex";
import type { FieldNode, NumberNode, StringNode } from "./types";
import { deepEqual, jsonType } from "./values";

/**
 * Checks on one field, shown as the user types. Only this node's own constraints: children report
 * their own, absent values report nothing (missing required fields are left to `validateArguments`).
 */
export function fieldErrors(node: FieldNode, value: unknown): string[] {
  if (value === undefined) return [];
  switch (node.kind) {
    case "string":
      return typeof value === "string" ? stringErrors(node, value) : [`must be a string, not ${jsonType(value)}`];
    case "number":
      return typeof value === "number" ? numberErrors(node, value) : [`must be a number, not ${jsonType(value)}`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`must be true or false, not ${jsonType(value)}`];
    case "enum":
      return node.choices.some((c) => deepEqual(c.value, value)) ? [] : ["must be one of the listed choices"];
    case "nullable":
      return value === null ? [] : fieldErrors(node.inner, value);
    case "object":
    case "map": {
      if (!isRecord(value)) return [`must be an object, not ${jsonType(value)}`];
      const n = Object.keys(value).length;
      const out: string[] = [];
      if (node.minProperties !== undefined && n < node.minProperties)
        out.push(`must have at least ${node.minProperties} properties`);
      if (node.maxProperties !== undefined && n > node.maxProperties)
        out.push(`must have at most ${node.maxProperties} properties`);
      return out;
    }
    case "array":
    case "tuple":
      return Array.isArray(value) ? arrayErrors(node, value) : [`must be an array, not ${jsonType(value)}`];
    default:
      return [];
  }
}

function stringErrors(node: StringNode, s: string): string[] {
  const out: string[] = [];
  const length = [...s].length;
  if (node.minLength !== undefined && length < node.minLength)
    out.push(`must be at least ${node.minLength} characters`);
  if (node.maxLength !== undefined && length > node.maxLength) out.push(`must be at most ${node.maxLength} characters`);
  if (node.pattern !== undefined && regexFor(node.pattern)?.test(s) === false)
    out.push(`must match the pattern ${node.pattern}`);
  if (node.format !== undefined && !formatOk(node.format, s)) out.push(`must be a valid ${node.format}`);
  return out;
}

/** The same format checks as argument validation (./jsonSchema.ts); unknown formats pass. */
function formatOk(format: string, s: string): boolean {
  const check = Object.hasOwn(FORMATS, format)
    ? (FORMATS as Record<string, ((s: string) => boolean) | undefined>)[format]
    : undefined;
  return check === undefined || check(s);
}

function numberErrors(node: NumberNode, n: number): string[] {
  const out: string[] = [];
  if (!Number.isFinite(n)) return ["must be a finite number"];
  if (node.integer && !Number.isInteger(n)) out.push("must be an integer");
  if (node.minimum !== undefined && n < node.minimum) out.push(`must be ≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined && n <= node.exclusiveMinimum) out.push(`must be > ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined && n > node.maximum) out.push(`must be ≤ ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined && n >= node.exclusiveMaximum) out.push(`must be < ${node.exclusiveMaximum}`);
  if (node.multipleOf !== undefined) {
    const q = n / node.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9 * Math.max(1, Math.abs(q)))
      out.push(`must be a multiple of ${node.multipleOf}`);
  }
  return out;
}

function arrayErrors(node: { minItems?: number; maxItems?: number; uniqueItems: boolean }, items: unknown[]): string[] {
  const out: string[] = [];
  if (node.minItems !== undefined && items.length < node.minItems)
    out.push(`must have at least ${node.minItems} items`);
  if (node.maxItems !== undefined && items.length > node.maxItems) out.push(`must have at most ${node.maxItems} items`);
  if (node.uniqueItems && hasDuplicates(items)) out.push("items must be unique");
  return out;
}

function hasDuplicates(items: unknown[]): boolean {
  const seen = new Set<string>();
  for (const item of items) {
    const key = canonical(item);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** JSON with sorted keys, so equal values have equal text. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isRecord(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}
