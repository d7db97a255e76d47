import { toArgumentErrors } from "./argumentErrors";
import { compileSchema, type CompiledSchema } from "./jsonSchema";
import type { ArgumentError } from "./types";
import { errorMessage } from "../base";

interface Compiled {
  schema?: CompiledSchema;
  /** Why the schema is not (fully) checked. */
  warning?: string;
}

const cache = new WeakMap<object, Compiled>();

/**
 * Validates tool arguments (2020-12 unless `$schema` names draft-07, 2019-09 or draft-04), with an
 * interpreting validator: no generated code, so the page needs no 'unsafe-eval' (./jsonSchema.ts).
 * Paths are JSON Pointers, as the form uses. Prepared once per schema object. A schema that cannot
 * be used yields a warning entry, never an exception.
 */
export function validateArguments(schema: unknown, value: unknown): ArgumentError[] {
  const compiled = compiledFor(schema);
  const out: ArgumentError[] = compiled.warning ? [{ path: "", message: compiled.warning, severity: "warning" }] : [];
  if (!compiled.schema) return out;
  try {
    return [...out, ...toArgumentErrors(compiled.schema.validate(value === undefined ? {} : value))];
  } catch (e) {
    return [...out, { path: "", message: `validation failed: ${errorMessage(e)}`, severity: "warning" }];
  }
}

function compiledFor(schema: unknown): Compiled {
  if (typeof schema !== "object" || schema === null) {
    if (typeof schema === "boolean") return compile(schema);
    return { warning: "the input schema is not a JSON object; arguments are not checked" };
  }
  let hit = cache.get(schema);
  if (!hit) {
    hit = compile(schema);
    cache.set(schema, hit);
  }
  return hit;
}

function compile(schema: object | boolean): Compiled {
  const compiled = compileSchema(schema);
  if ("error" in compiled)
    return { warning: `the input schema could not be compiled (${short(compiled.error)}); arguments are not checked` };
  const problem = compiled.problems[0];
  return problem
    ? {
        schema: compiled,
        warning: `the input schema is not valid JSON Schema (${short(problem)}); arguments are checked as far as possible`,
      }
    : { schema: compiled };
}

function short(message: string): string {
  return message.length > 200 ? message.slice(0, 199) + "…" : message;
}
