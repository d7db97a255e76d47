import type { ElicitRequestFormParams, ElicitResult } from "@modelcontextprotocol/client";

/**
 * Elicitation form mode: the restricted flat `requestedSchema` (strings with formats, numbers,
 * booleans, single and multi-select enums, defaults) as a list of fields, and the check of an answer.
 */
export interface Option {
  value: string;
  label: string;
}

export type ElicitField = { name: string; title: string; description?: string; required: boolean } & (
  | {
      kind: "text";
      format?: "email" | "uri" | "date" | "date-time";
      minLength?: number;
      maxLength?: number;
      default?: string;
    }
  | { kind: "number"; integer: boolean; minimum?: number; maximum?: number; default?: number }
  | { kind: "boolean"; default?: boolean }
  | { kind: "select"; options: Option[]; default?: string }
  | { kind: "multiselect"; options: Option[]; minItems?: number; maxItems?: number; default?: string[] }
  /** Outside the restricted schema: shown as JSON, never sent. */
  | { kind: "unsupported"; schema: unknown; reason: string }
);

export type ElicitValue = string | number | boolean | string[] | undefined;
export type ElicitValues = Record<string, ElicitValue>;

type Json = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function options(schema: Json): Option[] | undefined {
  const variants = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (Array.isArray(variants) && variants.every((o) => o && typeof o === "object" && typeof o.const === "string")) {
    return variants.map((o) => ({ value: o.const as string, label: str(o.title) ?? (o.const as string) }));
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) {
    const names = Array.isArray(schema.enumNames) ? (schema.enumNames as unknown[]) : [];
    return (schema.enum as string[]).map((value, i) => ({ value, label: str(names[i]) ?? value }));
  }
  return undefined;
}

function field(name: string, schema: Json, required: boolean): ElicitField {
  const base = { name, title: str(schema.title) ?? name, description: str(schema.description), required };
  const choices = options(schema);
  switch (schema.type) {
    case "string": {
      if (choices) return { ...base, kind: "select", options: choices, default: str(schema.default) };
      const format = str(schema.format);
      if (format !== undefined && !["email", "uri", "date", "date-time"].includes(format)) {
        return {
          ...base,
          kind: "unsupported",
          schema,
          reason: `string format "${format}" is not one elicitation allows`,
        };
      }
      return {
        ...base,
        kind: "text",
        format: format as "email" | undefined,
        minLength: num(schema.minLength),
        maxLength: num(schema.maxLength),
        default: str(schema.default),
      };
    }
    case "number":
    case "integer":
      return {
        ...base,
        kind: "number",
        integer: schema.type === "integer",
        minimum: num(schema.minimum),
        maximum: num(schema.maximum),
        default: num(schema.default),
      };
    case "boolean":
      return { ...base, kind: "boolean", default: typeof schema.default === "boolean" ? schema.default : undefined };
    case "array": {
      const items = options((schema.items ?? {}) as Json);
      if (!items) return { ...base, kind: "unsupported", schema, reason: "arrays must be multi-select enums" };
      const def =
        Array.isArray(schema.default) && schema.default.every((v) => typeof v === "string")
          ? (schema.default as string[])
          : undefined;
      return {
        ...base,
        kind: "multiselect",
        options: items,
        minItems: num(schema.minItems),
        maxItems: num(schema.maxItems),
        default: def,
      };
    }
    default:
      if (choices) return { ...base, kind: "select", options: choices, default: str(schema.default) };
      return {
        ...base,
        kind: "unsupported",
        schema,
        reason: `type ${JSON.stringify(schema.type)} is not a primitive elicitation allows`,
      };
  }
}

export function elicitationFields(requestedSchema: ElicitRequestFormParams["requestedSchema"]): ElicitField[] {
  const properties = (requestedSchema.properties ?? {}) as Record<string, Json>;
  const required = new Set(Array.isArray(requestedSchema.required) ? requestedSchema.required : []);
  return Object.entries(properties).map(([name, schema]) =>
    field(name, schema && typeof schema === "object" ? schema : {}, required.has(name)),
  );
}

/** The form's first values: each field's default; booleans start false. */
export function initialElicitationValues(fields: ElicitField[]): ElicitValues {
  const values: ElicitValues = {};
  for (const f of fields) {
    if (f.kind === "unsupported") continue;
    if (f.kind === "boolean") values[f.name] = f.default ?? false;
    else if (f.default !== undefined) values[f.name] = f.default;
  }
  return values;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function formatError(format: string | undefined, value: string): string | undefined {
  switch (format) {
    case "email":
      return EMAIL.test(value) ? undefined : "Enter an email address.";
    case "uri":
      try {
        new URL(value);
        return undefined;
      } catch {
        return "Enter an absolute URI.";
      }
    case "date":
      return DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : "Enter a date as YYYY-MM-DD.";
    case "date-time":
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : "Enter a date and time with a zone, e.g. 2026-09-01T10:00:00Z.";
    default:
      return undefined;
  }
}

function check(f: ElicitField, value: ElicitValue): { value?: ElicitValue; error?: string } {
  switch (f.kind) {
    case "text": {
      if (typeof value !== "string") return { error: "Enter text." };
      if (f.minLength !== undefined && value.length < f.minLength)
        return { error: `At least ${f.minLength} characters.` };
      if (f.maxLength !== undefined && value.length > f.maxLength)
        return { error: `At most ${f.maxLength} characters.` };
      return { value, error: formatError(f.format, value) };
    }
    case "number": {
      const n =
        typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
      if (!Number.isFinite(n)) return { error: "Enter a number." };
      if (f.integer && !Number.isInteger(n)) return { error: "Enter a whole number." };
      if (f.minimum !== undefined && n < f.minimum) return { error: `At least ${f.minimum}.` };
      if (f.maximum !== undefined && n > f.maximum) return { error: `At most ${f.maximum}.` };
      return { value: n };
    }
    case "boolean":
      return typeof value === "boolean" ? { value } : { error: "Choose yes or no." };
    case "select":
      return typeof value === "string" && f.options.some((o) => o.value === value)
        ? { value }
        : { error: "Choose one of the options." };
    case "multiselect": {
      if (!Array.isArray(value) || !value.every((v) => f.options.some((o) => o.value === v)))
        return { error: "Choose from the options." };
      if (f.minItems !== undefined && value.length < f.minItems) return { error: `Choose at least ${f.minItems}.` };
      if (f.maxItems !== undefined && value.length > f.maxItems) return { error: `Choose at most ${f.maxItems}.` };
      return { value };
    }
    case "unsupported":
      return {};
  }
}

const isEmpty = (v: ElicitValue): boolean => v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** Check the answer; on success `content` is what an `accept` sends (empty optional fields left out). */
export function validateElicitation(
  fields: ElicitField[],
  values: ElicitValues,
):
  | { ok: true; content: Record<string, string | number | boolean | string[]> }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const content: Record<string, string | number | boolean | string[]> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.kind === "unsupported") {
      if (f.required) errors[f.name] = `Required, but ${f.reason}: this form cannot answer it.`;
      continue;
    }
    if (isEmpty(raw) && !(f.kind === "multiselect" && f.required && Array.isArray(raw))) {
      if (f.required) errors[f.name] = "Required.";
      continue;
    }
    const { value, error } = check(f, raw);
    if (error) errors[f.name] = error;
    else if (value !== undefined) content[f.name] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, content };
}

export type ElicitAction = ElicitResult["action"];

/** The result for an action: `accept` carries the validated content, decline and cancel carry none. */
export function elicitationResult(
  action: ElicitAction,
  content?: Record<string, string | number | boolean | string[]>,
): ElicitResult {
  return action === "accept" && content ? { action, content } : { action };
}
