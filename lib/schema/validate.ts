import Ajv, { type Options, type ValidateFunction } from "ajv";
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { toArgumentErrors } from "./ajvErrors";
import { dialectOf, SchemaDocument } from "./document";
import { isRecord } from "./pointer";
import { ajvRegExp } from "./regex";
import type { ArgumentError, Dialect } from "./types";

interface Compiled {
  validate?: ValidateFunction;
  doc: SchemaDocument;
  /** Why the schema is not (fully) checked. */
  warning?: string;
}

const cache = new WeakMap<object, Compiled>();
// No code optimisation pass: it costs more than it saves for one-off tool schemas. No console output.
// Patterns come from the server, so they run in a linear-time engine (see ./regex).
const OPTIONS: Options = { strict: false, allErrors: true, code: { optimize: false, regExp: ajvRegExp }, logger: false };
const shared = new Map<string, Ajv>();

/**
 * Validates tool arguments with Ajv (2020-12 unless `$schema` names draft-07 or 2019-09; draft-04/06
 * are read as draft-07). Paths are JSON Pointers, as the form uses. Compiled once per schema object.
 * A schema Ajv cannot compile yields a warning entry, never an exception.
 */
export function validateArguments(schema: unknown, value: unknown): ArgumentError[] {
  const compiled = compiledFor(schema);
  const out: ArgumentError[] = compiled.warning ? [{ path: "", message: compiled.warning, severity: "warning" }] : [];
  if (!compiled.validate) return out;
  try {
    if (compiled.validate(value === undefined ? {} : value)) return out;
  } catch (e) {
    return [...out, { path: "", message: `validation failed: ${e instanceof Error ? e.message : String(e)}`, severity: "warning" }];
  }
  return [...out, ...toArgumentErrors(compiled.validate.errors ?? [], compiled.doc)];
}

function compiledFor(schema: unknown): Compiled {
  if (typeof schema !== "object" || schema === null) {
    if (typeof schema === "boolean") return compile(schema);
    return { doc: new SchemaDocument(schema), warning: "the input schema is not a JSON object; arguments are not checked" };
  }
  let hit = cache.get(schema);
  if (!hit) {
    hit = compile(schema);
    cache.set(schema, hit);
  }
  return hit;
}

function compile(schema: object | boolean): Compiled {
  const doc = new SchemaDocument(schema);
  const dialect = dialectOf(schema);
  // `$schema` chose the dialect; without it draft-04/06 and unknown meta-schema URIs still compile.
  const body = isRecord(schema) && "$schema" in schema ? withoutKey(schema, "$schema") : schema;
  const first = tryCompile(instance(dialect, true, true), body);
  if ("validate" in first) return { validate: first.validate, doc };
  // Retry in a fresh instance (duplicate $ids) and without meta-schema checks (non-standard schemas).
  const lax = tryCompile(instance(dialect, false, false), body);
  if ("validate" in lax) return { validate: lax.validate, doc, warning: `the input schema is not valid JSON Schema (${short(first.error)}); arguments are checked as far as possible` };
  return { doc, warning: `the input schema could not be compiled (${short(lax.error)}); arguments are not checked` };
}

function tryCompile(ajv: Ajv, body: object | boolean): { validate: ValidateFunction } | { error: string } {
  try {
    if (isRecord(body) && typeof body.$id === "string") ajv.removeSchema(body.$id);
    return { validate: ajv.compile(body) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function instance(dialect: Dialect, validateSchema: boolean, reuse: boolean): Ajv {
  const key = `${dialect}:${validateSchema}`;
  const existing = reuse ? shared.get(key) : undefined;
  if (existing) return existing;
  const options = { ...OPTIONS, validateSchema };
  const ajv = dialect === "2020-12" ? new Ajv2020(options) : dialect === "2019-09" ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv);
  if (reuse) shared.set(key, ajv);
  return ajv;
}

function withoutKey(schema: Record<string, unknown>, key: string): Record<string, unknown> {
  const out = { ...schema };
  delete out[key];
  return out;
}

function short(message: string): string {
  return message.length > 200 ? message.slice(0, 199) + "…" : message;
}

