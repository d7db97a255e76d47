import { dereference, validate, type OutputUnit, type Schema, type SchemaDraft } from "@cfworker/json-schema";
import { isRecord, pointerSegments } from "./pointer";
import { regexFor, type SchemaPattern } from "./regex";
import { sanitizeSchema } from "./schemaSanity";
import { errorMessage } from "../base";

/**
 * JSON Schema validation without `new Function` (issue 19 item 13): @cfworker/json-schema
 * interprets the schema, so the page's CSP needs no 'unsafe-eval' (Ajv compiled code). Errors come
 * out in Ajv's shape and wording (keyword, params, "must be number"), which the argument form and
 * the output-schema view read; `schemaPath` follows the route taken, through each `$ref`.
 */
export interface SchemaError {
  keyword: string;
  /** JSON Pointer into the value ("" for the value itself). */
  instancePath: string;
  /** `#/properties/a/anyOf/0/$ref/type`: the keyword's location along the route the validator took. */
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}

export interface CompiledSchema {
  /** Throws only when the value or the schema is too deep for the stack (a RangeError). */
  validate(value: unknown): SchemaError[];
  /** Keywords dropped because their values had the wrong shape; the rest is checked. */
  problems: string[];
}

/** `$schema` → the validator's draft: draft-04/03 keep their boolean exclusive bounds, 2019-09 its recursive refs. */
export function draftOf(schema: unknown): SchemaDraft {
  const decl = isRecord(schema) && typeof schema.$schema === "string" ? schema.$schema : "";
  if (/draft-0[34]/.test(decl)) return "4";
  if (/draft-0[5-7]/.test(decl)) return "7";
  if (decl.includes("2019-09")) return "2019-09";
  return "2020-12";
}

export function compileSchema(
  schema: unknown,
  draft: SchemaDraft = draftOf(schema),
): CompiledSchema | { error: string } {
  const sane = sanitizeSchema(schema, draft === "4");
  if ("error" in sane) return sane;
  if (sane.fatal) return { error: sane.fatal };
  const root = sane.copy;
  if (isRecord(root)) delete root.$schema; // the draft is chosen above; an unusual meta-schema URI must not matter
  let lookup: Record<string, Schema | boolean>;
  try {
    lookup = dereference(root as Schema) as Record<string, Schema | boolean>;
  } catch (e) {
    return { error: errorMessage(e) };
  }
  const unresolved = unresolvedRef(root, lookup);
  if (unresolved) return { error: `can't resolve reference ${unresolved}` };
  const patterns = new Map<string, SchemaPattern>();
  for (const p of sane.patterns) patterns.set(p, regexFor(p)!);
  return {
    problems: sane.problems,
    validate(value) {
      const result = withSchemaPatterns(patterns, () => validate(value, root as Schema, draft, lookup, false));
      return result.valid ? [] : toSchemaErrors(result.errors, root, lookup);
    },
  };
}

/** The first `$ref` that points at nothing in the document (no network, ever). */
function unresolvedRef(root: unknown, lookup: Record<string, unknown>): string | undefined {
  const stack = [root];
  for (let seen = 0; stack.length > 0 && seen < 200_000; seen++) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isRecord(node)) {
      if (
        typeof node.$ref === "string" &&
        lookup[(node.__absolute_ref__ as string | undefined) ?? node.$ref] === undefined
      )
        return node.$ref;
      for (const [k, v] of Object.entries(node))
        if (k !== "enum" && k !== "const" && k !== "default" && k !== "examples" && typeof v === "object")
          stack.push(v);
    }
  }
  return undefined;
}

/**
 * The validator builds its pattern tests with `new RegExp(pattern, "u")`, which backtracks. During
 * one (synchronous) validation the global RegExp is swapped for a constructor that hands back the
 * schema's patterns, compiled beforehand in the linear-time engine (./regex.ts); an unknown one (a
 * `format: "regex"` value being checked) is only compiled natively, never run against input.
 */
function withSchemaPatterns<T>(patterns: Map<string, SchemaPattern>, run: () => T): T {
  const global = globalThis as { RegExp: RegExpConstructor };
  const Native = global.RegExp;
  const Linear = function (pattern: unknown, flags?: string) {
    const known = patterns.get(String(pattern));
    if (known) return known;
    new Native(String(pattern), flags); // throws for an invalid pattern, as the validator expects
    return { test: () => true, toString: () => `/${String(pattern)}/` };
  };
  global.RegExp = Linear as unknown as RegExpConstructor;
  try {
    return run();
  } finally {
    global.RegExp = Native;
  }
}

const WRAPPERS = new Set([
  "properties",
  "patternProperties",
  "$ref",
  "$recursiveRef",
  "allOf",
  "prefixItems",
  "dependentSchemas",
  "dependencies",
]);
const LIST_LIMITS = new Set(["items", "additionalItems", "unevaluatedItems"]);
const EXTRA_PROPERTIES = new Set(["additionalProperties", "unevaluatedProperties"]);

/** The validator's output units (a wrapper before the errors under it) as Ajv-shaped errors. */
function toSchemaErrors(units: readonly OutputUnit[], root: unknown, lookup: Record<string, unknown>): SchemaError[] {
  const out: SchemaError[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const instancePath = fragmentPointer(u.instanceLocation);
    const schemaPath = decode(u.keywordLocation);
    const value = schemaAt(root, lookup, schemaPath);
    const next = units[i + 1];
    const error = (keyword: string, message: string, params: Record<string, unknown> = {}, path = instancePath) =>
      out.push({ keyword, instancePath: path, schemaPath, params, message });
    if (WRAPPERS.has(u.keyword) || (u.keyword === "dependencies" && !/does not have "/.test(u.error))) continue;
    if (EXTRA_PROPERTIES.has(u.keyword) || LIST_LIMITS.has(u.keyword)) {
      if (value !== false) continue; // a schema: its own errors follow
      if (next?.keyword === "false") i++; // the `false` schema's error is this one
      const child = next ? fragmentPointer(next.instanceLocation) : instancePath;
      const last = pointerSegments(child.slice(instancePath.length)).at(0) ?? "";
      if (EXTRA_PROPERTIES.has(u.keyword)) {
        const unevaluated = u.keyword === "unevaluatedProperties";
        error(u.keyword, `must NOT have ${unevaluated ? "unevaluated" : "additional"} properties`, {
          [unevaluated ? "unevaluatedProperty" : "additionalProperty"]: last,
        });
      } else if (!reported.has(`${instancePath}\u0000${schemaPath}`)) {
        // One error per array, as Ajv gives: the limit is what the tuple allows.
        reported.add(`${instancePath}\u0000${schemaPath}`);
        const parent = schemaAt(root, lookup, schemaPath.slice(0, schemaPath.lastIndexOf("/")));
        const tuple = isRecord(parent)
          ? u.keyword === "items"
            ? parent.prefixItems
            : u.keyword === "additionalItems"
              ? parent.items
              : undefined
          : undefined;
        const limit = Array.isArray(tuple) ? tuple.length : Number(last);
        error(u.keyword, `must NOT have more than ${limit} items`, { limit });
      }
      continue;
    }
    if (u.keyword === "contains") {
      // Ajv reports the array, not each item that failed the `contains` schema.
      while (units[i + 1] && decode(units[i + 1]!.keywordLocation).startsWith(`${schemaPath}/`)) i++;
    }
    if (u.keyword === "propertyNames") {
      const name = /^Property name "([\s\S]*)" does not match schema\.$/.exec(u.error)?.[1] ?? "";
      error("propertyNames", "property name must be valid", { propertyName: name });
      while (
        units[i + 1] &&
        fragmentPointer(units[i + 1]!.instanceLocation).startsWith(`${instancePath}/`) &&
        decode(units[i + 1]!.keywordLocation).startsWith(schemaPath)
      )
        i++;
      continue;
    }
    out.push({ keyword: u.keyword, instancePath, schemaPath, ...describe(u, value, schemaPath, root, lookup) });
  }
  return out;
}

function describe(
  u: OutputUnit,
  value: unknown,
  schemaPath: string,
  root: unknown,
  lookup: Record<string, unknown>,
): { message: string; params: Record<string, unknown> } {
  const v = value;
  switch (u.keyword) {
    case "type":
      return { message: `must be ${Array.isArray(v) ? v.join(",") : String(v)}`, params: { type: v } };
    case "required": {
      const missing = /^Instance does not have required property "([\s\S]*)"\.$/.exec(u.error)?.[1] ?? "";
      return { message: `must have required property '${missing}'`, params: { missingProperty: missing } };
    }
    case "const":
      return { message: "must be equal to constant", params: { allowedValue: v } };
    case "enum":
      return { message: "must be equal to one of the allowed values", params: { allowedValues: v } };
    case "format":
      return { message: `must match format "${String(v)}"`, params: { format: v } };
    case "pattern":
      return { message: `must match pattern "${String(v)}"`, params: { pattern: v } };
    case "minLength":
    case "maxLength":
      return {
        message: `must NOT have ${u.keyword === "minLength" ? "fewer" : "more"} than ${String(v)} characters`,
        params: { limit: v },
      };
    case "minItems":
    case "maxItems":
      return {
        message: `must NOT have ${u.keyword === "minItems" ? "fewer" : "more"} than ${String(v)} items`,
        params: { limit: v },
      };
    case "minProperties":
    case "maxProperties":
      return {
        message: `must NOT have ${u.keyword === "minProperties" ? "fewer" : "more"} than ${String(v)} properties`,
        params: { limit: v },
      };
    case "minimum":
    case "maximum": {
      // draft-04: a boolean exclusiveMinimum/Maximum beside the bound makes it strict.
      const exclusive =
        schemaAt(
          root,
          lookup,
          schemaPath.replace(/(minimum|maximum)$/, (m) => `exclusive${m[0]!.toUpperCase()}${m.slice(1)}`),
        ) === true;
      const op = u.keyword === "minimum" ? (exclusive ? ">" : ">=") : exclusive ? "<" : "<=";
      return { message: `must be ${op} ${String(v)}`, params: { comparison: op, limit: v } };
    }
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const op = u.keyword === "exclusiveMinimum" ? ">" : "<";
      return { message: `must be ${op} ${String(v)}`, params: { comparison: op, limit: v } };
    }
    case "multipleOf":
      return { message: `must be multiple of ${String(v)}`, params: { multipleOf: v } };
    case "uniqueItems": {
      const [, j, k] = /indexes (\d+) and (\d+)/.exec(u.error) ?? [];
      return {
        message: `must NOT have duplicate items (items ## ${k} and ${j} are identical)`,
        params: { i: Number(k), j: Number(j) },
      };
    }
    case "anyOf":
      return { message: "must match a schema in anyOf", params: {} };
    case "oneOf":
      return {
        message: "must match exactly one schema in oneOf",
        params: { passingSchemas: /\((\d+) matches\)/.exec(u.error)?.[1] },
      };
    case "not":
      return { message: "must NOT be valid", params: {} };
    case "if":
      return {
        message: `must match "${u.error.includes('"else"') ? "else" : "then"}" schema`,
        params: { failingKeyword: u.error.includes('"else"') ? "else" : "then" },
      };
    case "contains":
      return { message: "must contain at least 1 valid item(s)", params: { minContains: 1 } };
    case "minContains":
    case "maxContains":
      return {
        message: `must contain ${u.keyword === "minContains" ? "at least" : "at most"} ${String(v)} valid item(s)`,
        params: { limit: v },
      };
    case "dependentRequired":
    case "dependencies": {
      const [, property, missing] = /^Instance has "([\s\S]*)" but does not have "([\s\S]*)"\.$/.exec(u.error) ?? [];
      return {
        message: `must have property ${missing} when property ${property} is present`,
        params: { property, missingProperty: missing },
      };
    }
    case "false":
      return { message: "boolean schema is false", params: {} };
    default:
      return { message: u.error, params: {} };
  }
}

/** `#/a~1b/%C3%A9` → `/a~1b/é` (the validator writes locations as URI fragments). */
function fragmentPointer(location: string): string {
  return decode(location).replace(/^#/, "");
}

function decode(location: string): string {
  try {
    return decodeURI(location);
  } catch {
    return location;
  }
}

/** The value at a keyword location, following each `$ref` step as the validator did. */
function schemaAt(root: unknown, lookup: Record<string, unknown>, location: string): unknown {
  let cur: unknown = root;
  for (const seg of pointerSegments(location.replace(/^#/, ""))) {
    if (seg === "$ref" && isRecord(cur) && typeof cur.$ref === "string")
      cur = lookup[(cur.__absolute_ref__ as string | undefined) ?? cur.$ref];
    else if (seg === "$recursiveRef" && isRecord(cur)) cur = lookup[cur.__absolute_recursive_ref__ as string] ?? cur;
    else if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isRecord(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}
