import { compileSchema, draftOf, type CompiledSchema, type SchemaError } from "../schema";
import { errorMessage } from "../base";

export interface Violation {
  /** JSON Pointer into structuredContent ("(root)" for the whole value, "(schema)" for the schema itself). */
  path: string;
  message: string;
}

type Compiled = CompiledSchema | { error: string };

const compiled = new WeakMap<object, Compiled>();

/**
 * Checks structuredContent against a tool's outputSchema: JSON Schema 2020-12 when `$schema`
 * says so or is absent (the MCP default), draft-04 when named, draft-07 for anything else. The
 * validator interprets the schema (no generated code, no 'unsafe-eval'), its patterns in the
 * linear-time engine; schema and content both come from the server. Prepared once per schema
 * object. An unusable schema yields one violation saying why. Violations are listed by path.
 */
export function validateStructured(outputSchema: unknown, structuredContent: unknown): Violation[] {
  if (typeof outputSchema !== "object" || outputSchema === null || Array.isArray(outputSchema)) {
    return [
      { path: "(schema)", message: "The tool's outputSchema is not a JSON object, so the result cannot be validated" },
    ];
  }
  let validator = compiled.get(outputSchema);
  if (!validator) {
    validator = compile(outputSchema as Record<string, unknown>);
    compiled.set(outputSchema, validator);
  }
  if ("error" in validator)
    return [{ path: "(schema)", message: `The tool's outputSchema could not be compiled: ${validator.error}` }];
  let errors: SchemaError[];
  try {
    errors = validator.validate(structuredContent);
  } catch (err) {
    // e.g. content nested deeper than the stack allows
    return [{ path: "(root)", message: `structuredContent could not be validated: ${errorMessage(err)}` }];
  }
  return errors
    .map(toViolation)
    .sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function compile(schema: Record<string, unknown>): Compiled {
  const declared = schema.$schema;
  const draft =
    declared === undefined || (typeof declared === "string" && declared.includes("2020-12"))
      ? "2020-12"
      : draftOf(schema) === "4"
        ? "4"
        : "7";
  const c = compileSchema(schema, draft);
  if ("error" in c) return c;
  // Like a meta-schema check: a keyword of the wrong shape makes the schema unusable here.
  return c.problems[0] ? { error: c.problems[0] } : c;
}

const rank = (path: string) => (path === "(root)" ? 0 : 1);

function toViolation(error: SchemaError): Violation {
  const params = error.params;
  let message = error.message;
  const extra =
    params.additionalProperty ??
    params.unevaluatedProperty ??
    (error.keyword === "enum" ? params.allowedValues : undefined);
  if (extra !== undefined) message += `: ${JSON.stringify(extra)}`;
  return { path: error.instancePath || "(root)", message };
}
