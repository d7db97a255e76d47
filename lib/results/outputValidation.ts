import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { ajvRegExp } from "../schema/regex";

export interface Violation {
  /** JSON Pointer into structuredContent ("(root)" for the whole value, "(schema)" for the schema itself). */
  path: string;
  message: string;
}

type Compiled = ValidateFunction | { error: string };

const compiled = new WeakMap<object, Compiled>();
let ajv2020: Ajv2020 | undefined;
let ajv07: Ajv | undefined;

/**
 * Checks structuredContent against a tool's outputSchema: JSON Schema 2020-12 when `$schema`
 * says so or is absent (the MCP default), draft-07 for anything else. Validators are compiled once
 * per schema object. An uncompilable schema yields one violation saying why.
 */
export function validateStructured(outputSchema: unknown, structuredContent: unknown): Violation[] {
  if (typeof outputSchema !== "object" || outputSchema === null || Array.isArray(outputSchema)) {
    return [{ path: "(schema)", message: "The tool's outputSchema is not a JSON object, so the result cannot be validated" }];
  }
  let validate = compiled.get(outputSchema);
  if (!validate) {
    validate = compile(outputSchema as Record<string, unknown>);
    compiled.set(outputSchema, validate);
  }
  if ("error" in validate) return [{ path: "(schema)", message: `The tool's outputSchema could not be compiled: ${validate.error}` }];
  try {
    if (validate(structuredContent)) return [];
  } catch (err) {
    // e.g. content nested deeper than the stack allows
    return [{ path: "(root)", message: `structuredContent could not be validated: ${err instanceof Error ? err.message : String(err)}` }];
  }
  return (validate.errors ?? []).map(toViolation);
}

function compile(schema: Record<string, unknown>): Compiled {
  const { $schema, ...rest } = schema;
  const dialect = $schema === undefined || (typeof $schema === "string" && $schema.includes("2020-12")) ? "2020-12" : "draft-07";
  const ajv = dialect === "2020-12" ? (ajv2020 ??= withFormats(new Ajv2020(OPTIONS))) : (ajv07 ??= withFormats(new Ajv(OPTIONS)));
  // `$schema` picked the dialect above; removing it lets draft-04/06 or unusual URIs compile as draft-07.
  try {
    if (typeof rest.$id === "string") ajv.removeSchema(rest.$id);
    return ajv.compile(rest);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

// The schema and the content both come from the server: patterns run in a linear-time engine.
const OPTIONS = { strict: false, allErrors: true, validateFormats: true, code: { regExp: ajvRegExp } } as const;

function withFormats<T extends Ajv>(ajv: T): T {
  addFormats(ajv);
  return ajv;
}

function toViolation(error: ErrorObject): Violation {
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? error.keyword;
  const extra = params.additionalProperty ?? params.unevaluatedProperty ?? (error.keyword === "enum" ? params.allowedValues : undefined);
  if (extra !== undefined) message += `: ${JSON.stringify(extra)}`;
  return { path: error.instancePath || "(root)", message };
}
