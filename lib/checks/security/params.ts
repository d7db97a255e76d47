/**
 * Reading a tool's inputSchema for the security checks: which top-level parameters look like a
 * path, SQL, a shell command or a URL (by name, description and format), whether the schema
 * constrains them, valid arguments to start from, and values of the wrong type.
 */
import { isRecord } from "../../base";

export type RiskKind = "path" | "sql" | "shell" | "url";

export interface Param {
  name: string;
  schema: Record<string, unknown>;
  required: boolean;
}

export function paramsOf(inputSchema: Record<string, unknown> | undefined): Param[] {
  const properties = isRecord(inputSchema?.properties) ? inputSchema.properties : {};
  const required = Array.isArray(inputSchema?.required) ? inputSchema.required : [];
  return Object.entries(properties)
    .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    .map(([name, schema]) => ({ name, schema, required: required.includes(name) }));
}

const NAME_WORDS: Record<RiskKind, readonly string[]> = {
  path: ["path", "paths", "file", "files", "filename", "filenames", "filepath", "pathname", "dir", "dirs"].concat([
    "directory",
    "directories",
    "folder",
    "folders",
    "dirname",
  ]),
  sql: ["sql"],
  shell: ["command", "commands", "cmd", "cmdline", "shell", "script", "bash", "exec"],
  url: ["url", "urls", "uri", "uris", "href", "endpoint", "webhook"],
};
const DESCRIPTION: Record<RiskKind, RegExp> = {
  path: /\b(file ?path|file ?name|path (to|of) (a|an|the)\b|directory|folder)/i,
  sql: /\bSQL\b|\bSELECT\b.*\bFROM\b|\b(raw|database) query\b/,
  shell:
    /\b(shell|bash|terminal) command|\bcommand[- ]line\b|\bcommand to (run|execute)\b|\bexecutes? (a |the )?command/i,
  // A description about a URL, not one that mentions one ("Message to show with the URL").
  url: /^(?:the |a |an )?(?:\w+ ){0,2}(?:URL|URI)s?\b/i,
};

const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The item schema for an array of strings, else the schema itself. */
function stringSchema(schema: Record<string, unknown>): Record<string, unknown> | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("array")) return isRecord(schema.items) ? stringSchema(schema.items) : undefined;
  return schema.type === undefined || types.includes("string") ? schema : undefined;
}

/** What a parameter looks like (a path, SQL, a shell command, a URL), if it takes strings at all. */
export function riskOf(param: Param): RiskKind | undefined {
  const schema = stringSchema(param.schema);
  if (!schema) return undefined;
  const nameWords = words(param.name);
  const description = typeof schema.description === "string" ? schema.description : "";
  const kinds: RiskKind[] = ["path", "sql", "shell", "url"];
  const byName = kinds.find((k) => nameWords.some((w) => NAME_WORDS[k].includes(w)));
  if (byName) return byName;
  if (schema.format === "uri" || schema.format === "url" || schema.format === "iri") return "url";
  return kinds.find((k) => DESCRIPTION[k].test(description));
}

/** The keywords that bound a string (for an array, on its items): pattern, enum, const, maxLength. */
export function constraintsOf(param: Param): string[] {
  const schema = stringSchema(param.schema) ?? param.schema;
  return ["pattern", "enum", "const", "maxLength"].filter((k) => schema[k] !== undefined);
}

export const isPathParam = (param: Param) => riskOf(param) === "path";
export const takesArray = (param: Param) =>
  param.schema.type === "array" || (Array.isArray(param.schema.type) && param.schema.type.includes("array"));

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const typeOf = (schema: Record<string, unknown>) =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;

/** A value the schema accepts, as far as a few keywords tell (const, enum, default, examples, type, bounds). */
export function sampleValue(schema: unknown, depth = 0): unknown {
  if (!isRecord(schema)) return "lens-check";
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  switch (typeOf(schema)) {
    case "integer":
    case "number": {
      const min = num(schema.minimum) ?? (num(schema.exclusiveMinimum) ?? 0) + 1;
      return Math.min(min, num(schema.maximum) ?? min);
    }
    case "boolean":
      return false;
    case "null":
      return null;
    case "array":
      return Array.from({ length: Math.min(num(schema.minItems) ?? 0, 5) }, () => sampleValue(schema.items, depth + 1));
    case "object":
      return depth > 3 ? {} : baseArguments(schema, depth + 1);
    default: {
      const text = "lens-check".padEnd(num(schema.minLength) ?? 0, "x");
      return text.slice(0, num(schema.maxLength) ?? text.length);
    }
  }
}

/** Arguments with every required parameter filled with a sample value. */
export function baseArguments(inputSchema: Record<string, unknown> | undefined, depth = 0): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const p of paramsOf(inputSchema)) if (p.required) args[p.name] = sampleValue(p.schema, depth);
  return args;
}

/** A value of another type than the one the parameter declares (undefined when it declares none, or several). */
export function wrongValue(schema: Record<string, unknown>): unknown {
  if (Array.isArray(schema.type) && schema.type.length !== 1) return undefined;
  switch (typeOf(schema)) {
    case "string":
      return 12345;
    case "integer":
    case "number":
      return "not a number";
    case "boolean":
      return "not a boolean";
    case "array":
      return "not an array";
    case "object":
      return "not an object";
    default:
      return undefined;
  }
}
