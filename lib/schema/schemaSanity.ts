import { format as KNOWN_FORMATS } from "@cfworker/json-schema";
import { LIMITS } from "./limits";
import { isRecord } from "./pointer";
import { regexFor } from "./regex";
import { errorMessage } from "../base";

/**
 * A server's schema, made safe for the interpreting validator (./jsonSchema.ts): a copy (the
 * validator writes resolved `$ref`s into it; the session's schema object stays untouched) whose
 * keywords of the wrong shape are dropped and reported, as a meta-schema check would report them,
 * and the list of every `pattern` so they are compiled in the linear-time engine beforehand.
 */
export interface SaneSchema {
  copy: Record<string, unknown> | boolean;
  /** Keywords dropped because their values had the wrong shape ("'minimum' at #/properties/n is not a number"). */
  problems: string[];
  /** A problem that makes the schema meaningless (an unknown `type`): validating it would only mislead. */
  fatal?: string;
  /** Every `pattern` and `patternProperties` key found, compiled by regexFor. */
  patterns: Set<string>;
}

const TYPES = new Set(["null", "boolean", "object", "array", "number", "string", "integer"]);
const SCHEMA = [
  "not",
  "if",
  "then",
  "else",
  "additionalProperties",
  "additionalItems",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contains",
  "propertyNames",
];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_LISTS = ["prefixItems", "allOf", "anyOf", "oneOf"];
const COUNTS = [
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "minContains",
  "maxContains",
];
const NUMBERS = ["minimum", "maximum", "multipleOf"];

const isSchema = (v: unknown) => typeof v === "boolean" || isRecord(v);
const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;

export function sanitizeSchema(schema: unknown, draft04 = false): SaneSchema | { error: string } {
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(schema));
  } catch (e) {
    return { error: `the schema cannot be copied (${errorMessage(e)})` };
  }
  if (!isSchema(copy)) return { error: "the schema is neither an object nor a boolean" };
  const out: SaneSchema = { copy: copy as Record<string, unknown> | boolean, problems: [], patterns: new Set() };
  const stack: [unknown, string][] = [[copy, "#"]];
  for (let seen = 0; stack.length > 0 && seen < LIMITS.indexNodes; seen++) {
    const [node, at] = stack.pop()!;
    if (!isRecord(node)) continue;
    const drop = (key: string, why: string) => {
      delete node[key];
      out.problems.push(`'${key}' at ${at} ${why}`);
    };
    const type = node.type;
    if (
      type !== undefined &&
      !(typeof type === "string"
        ? TYPES.has(type)
        : Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && TYPES.has(t)))
    ) {
      out.fatal ??= `invalid type ${JSON.stringify(type)} at ${at}`;
    }
    if (node.$ref !== undefined && typeof node.$ref !== "string") drop("$ref", "is not a string");
    if (
      node.required !== undefined &&
      !(Array.isArray(node.required) && node.required.every((r) => typeof r === "string"))
    )
      drop("required", "is not an array of names");
    if (node.enum !== undefined && !Array.isArray(node.enum)) drop("enum", "is not an array");
    if (node.uniqueItems !== undefined && typeof node.uniqueItems !== "boolean")
      drop("uniqueItems", "is not a boolean");
    for (const key of COUNTS)
      if (node[key] !== undefined && !isCount(node[key])) drop(key, "is not a non-negative integer");
    for (const key of NUMBERS)
      if (node[key] !== undefined && typeof node[key] !== "number") drop(key, "is not a number");
    for (const key of ["exclusiveMinimum", "exclusiveMaximum"]) {
      if (node[key] !== undefined && typeof node[key] !== "number" && !(draft04 && typeof node[key] === "boolean"))
        drop(key, "is not a number");
    }
    if (typeof node.multipleOf === "number" && !(node.multipleOf > 0)) drop("multipleOf", "is not greater than 0");
    if (node.format !== undefined && (typeof node.format !== "string" || !Object.hasOwn(KNOWN_FORMATS, node.format)))
      delete node.format; // unknown formats are not checked, as JSON Schema allows
    if (node.pattern !== undefined) {
      if (typeof node.pattern === "string" && regexFor(node.pattern)) out.patterns.add(node.pattern);
      else drop("pattern", "is not a valid regular expression");
    }
    if (
      node.dependentRequired !== undefined &&
      !(
        isRecord(node.dependentRequired) &&
        Object.values(node.dependentRequired).every((v) => Array.isArray(v) && v.every((s) => typeof s === "string"))
      )
    ) {
      drop("dependentRequired", "is not an object of name lists");
    }
    for (const key of SCHEMA) {
      if (node[key] === undefined) continue;
      if (isSchema(node[key])) stack.push([node[key], `${at}/${key}`]);
      else drop(key, "is not a schema");
    }
    for (const key of SCHEMA_LISTS) {
      const list = node[key];
      if (list === undefined) continue;
      if (Array.isArray(list) && list.length > 0 && list.every(isSchema))
        list.forEach((s, i) => stack.push([s, `${at}/${key}/${i}`]));
      else drop(key, "is not a non-empty array of schemas");
    }
    if (node.items !== undefined) {
      if (isSchema(node.items)) stack.push([node.items, `${at}/items`]);
      else if (Array.isArray(node.items) && node.items.every(isSchema))
        node.items.forEach((s, i) => stack.push([s, `${at}/items/${i}`]));
      else drop("items", "is not a schema or an array of schemas");
    }
    for (const key of SCHEMA_MAPS) {
      const map = node[key];
      if (map === undefined) continue;
      if (!isRecord(map)) {
        drop(key, "is not an object");
        continue;
      }
      for (const [name, sub] of Object.entries(map)) {
        if (!isSchema(sub)) {
          delete map[name];
          out.problems.push(`'${key}/${name}' at ${at} is not a schema`);
        } else if (key === "patternProperties" && !regexFor(name)) {
          delete map[name];
          out.problems.push(
            `'patternProperties' key ${JSON.stringify(name)} at ${at} is not a valid regular expression`,
          );
        } else {
          if (key === "patternProperties") out.patterns.add(name);
          stack.push([sub, `${at}/${key}/${name}`]);
        }
      }
    }
    if (isRecord(node.dependencies)) {
      for (const [name, dep] of Object.entries(node.dependencies))
        if (isSchema(dep)) stack.push([dep, `${at}/dependencies/${name}`]);
    }
  }
  return out;
}
