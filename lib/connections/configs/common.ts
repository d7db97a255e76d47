import { isRecord, looksSecret, type ImportOrigin, type KeyValue } from "../../base";

/** `${input:id}`, `${env:NAME}`, `${NAME}`, `${NAME:-default}`: a value the file refers to but does not hold. */
const REFERENCE = /\$\{[^}]+\}/;

export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** The fields of `entry` other than `known`, as they were. */
export function unknownFields(entry: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([k]) => !known.includes(k)));
}

export class EntryError extends Error {}

/** A list of strings, or an error naming the field. */
export function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new EntryError(`"${field}" must be a list of strings`);
  return value.map((v, i) => {
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw new EntryError(`"${field}[${i}]" must be a string`);
  });
}

export interface PairsRead {
  pairs: KeyValue[];
  refs: Record<string, string>;
  notes: string[];
}

/**
 * `{ NAME: "value" }` as key-value pairs. Environment values are all secret (never stored); a header
 * is when its name looks secret. A value that is a reference (`${input:token}`) is left empty for
 * the person to fill, and the reference kept for export.
 */
export function readPairs(value: unknown, kind: "env" | "header", field: string): PairsRead {
  const out: PairsRead = { pairs: [], refs: {}, notes: [] };
  if (value === undefined) return out;
  if (!isRecord(value)) throw new EntryError(`"${field}" must be an object of names to strings`);
  for (const [name, raw] of Object.entries(value)) {
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      throw new EntryError(`"${field}.${name}" must be a string`);
    }
    const text = String(raw);
    const secret = kind === "env" || looksSecret(name) || isReference(text);
    if (isReference(text)) {
      out.refs[`${kind}:${name}`] = text;
      out.notes.push(`${kind === "env" ? "Environment variable" : "Header"} ${name}: fill in (the file has ${text})`);
      out.pairs.push({ name, value: "", secret });
    } else {
      out.pairs.push({ name, value: text, secret });
    }
  }
  return out;
}

/** An http(s) URL, or an error. */
export function httpUrl(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new EntryError(`"${field}" must be a URL`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EntryError(`"${field}" is not a URL: ${value}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new EntryError(`"${field}" must be an http(s) URL, not ${url.protocol}`);
  }
  return value;
}

export function origin(
  shape: string,
  key: string,
  fields: Record<string, unknown>,
  refs: Record<string, string>,
  extra: Partial<ImportOrigin> = {},
): ImportOrigin {
  return { shape, key, fields, ...(Object.keys(refs).length ? { refs } : {}), ...extra };
}

/** What the exporter writes for a pair: its value, or a reference to fill in when it is a secret left out. */
export function pairValue(
  pair: KeyValue,
  kind: "env" | "header",
  placeholder: (name: string) => string,
  options: { includeSecrets?: boolean; refs?: Record<string, string> },
): string {
  const ref = options.refs?.[`${kind}:${pair.name}`];
  if (pair.secret && (!options.includeSecrets || pair.value === "")) return ref ?? placeholder(pair.name);
  if (pair.value === "" && ref) return ref;
  return pair.value;
}

/** A header name as an environment-variable-like name: `X-Api-Key` → `X_API_KEY`. */
export function variableName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
}
