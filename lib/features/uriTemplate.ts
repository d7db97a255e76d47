/**
 * RFC 6570 URI templates, levels 1-4, written for hostile input: one left-to-right scan to parse,
 * one pass per value to expand, no regular expressions. (The SDK's own UriTemplate had a ReDoS,
 * CVE-2026-0621, so it is not used.) Errors never throw: an erroneous expression is kept as
 * written in the output, as RFC 6570 section 3 asks, and reported.
 */

export type Operator = "" | "+" | "#" | "." | "/" | ";" | "?" | "&";

export interface VarSpec {
  /** The variable name as written (may hold dots and %XX triplets). */
  name: string;
  explode: boolean;
  /** `{var:3}`: at most this many characters of a string value. */
  prefix?: number;
}

export type TemplatePart =
  | { kind: "literal"; text: string }
  | { kind: "expression"; operator: Operator; vars: VarSpec[]; raw: string }
  /** Kept as written in the output. */
  | { kind: "invalid"; raw: string };

export interface TemplateError {
  /** Index in the template where the problem starts. */
  at: number;
  message: string;
}

/** One field for a template form: a variable, how it is expanded, where it first appears. */
export interface TemplateVariable {
  name: string;
  operator: Operator;
  explode: boolean;
  prefix?: number;
}

export interface ParsedTemplate {
  template: string;
  parts: TemplatePart[];
  /** Each variable once, in order of first appearance. */
  variables: TemplateVariable[];
  errors: TemplateError[];
}

/** A variable's value: a string (numbers and booleans as text), a list, or an associative array. */
export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[]
  | Readonly<Record<string, string | number | boolean>>;

/** Templates longer than this are refused rather than parsed (a real one is a few hundred characters). */
export const MAX_TEMPLATE_LENGTH = 64 * 1024;
const MAX_PREFIX = 9999;

interface OpSpec {
  first: string;
  sep: string;
  named: boolean;
  ifemp: string;
  reserved: boolean;
}

// RFC 6570 appendix A.
const OPS: Record<Operator, OpSpec> = {
  "": { first: "", sep: ",", named: false, ifemp: "", reserved: false },
  "+": { first: "", sep: ",", named: false, ifemp: "", reserved: true },
  "#": { first: "#", sep: ",", named: false, ifemp: "", reserved: true },
  ".": { first: ".", sep: ".", named: false, ifemp: "", reserved: false },
  "/": { first: "/", sep: "/", named: false, ifemp: "", reserved: false },
  ";": { first: ";", sep: ";", named: true, ifemp: "", reserved: false },
  "?": { first: "?", sep: "&", named: true, ifemp: "=", reserved: false },
  "&": { first: "&", sep: "&", named: true, ifemp: "=", reserved: false },
};

const isOperator = (c: string): c is Exclude<Operator, ""> => c in OPS && c !== "";

/** Enough to show what is wrong; a hostile template could otherwise produce one per character. */
const MAX_ERRORS = 20;

export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  const push = (part: TemplatePart): void => {
    const last = parts[parts.length - 1];
    if (part.kind === "invalid" && last?.kind === "invalid") last.raw += part.raw;
    else parts.push(part);
  };
  const fail = (at: number, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ at, message });
  };
  if (template.length > MAX_TEMPLATE_LENGTH) {
    return {
      template,
      parts: [{ kind: "invalid", raw: template }],
      variables: [],
      errors: [{ at: 0, message: `template longer than ${MAX_TEMPLATE_LENGTH} characters` }],
    };
  }
  // Cached next positions keep the scan linear on inputs like "{{{{…" or "}}}}…".
  const nextOpen = finder(template, "{");
  const nextClose = finder(template, "}");
  let i = 0;
  while (i < template.length) {
    const open = nextOpen(i);
    const close = nextClose(i);
    if (close !== -1 && (open === -1 || close < open)) {
      // A stray "}" in a literal: keep it, report it, carry on.
      if (close > i) push({ kind: "literal", text: template.slice(i, close) });
      push({ kind: "invalid", raw: "}" });
      fail(close, "unmatched '}'");
      i = close + 1;
      continue;
    }
    if (open === -1) {
      push({ kind: "literal", text: template.slice(i) });
      break;
    }
    if (open > i) push({ kind: "literal", text: template.slice(i, open) });
    const end = nextClose(open + 1);
    const reopen = nextOpen(open + 1);
    if (end === -1 || (reopen !== -1 && reopen < end)) {
      const stop = reopen === -1 ? template.length : reopen;
      push({ kind: "invalid", raw: template.slice(open, stop) });
      fail(open, "unclosed '{'");
      i = stop;
      continue;
    }
    const raw = template.slice(open, end + 1);
    const parsed = parseExpression(template.slice(open + 1, end));
    if (typeof parsed === "string") {
      push({ kind: "invalid", raw });
      fail(open, parsed);
    } else {
      push({ kind: "expression", operator: parsed.operator, vars: parsed.vars, raw });
    }
    i = end + 1;
  }
  return { template, parts, variables: collectVariables(parts), errors };
}

/** indexOf from a position that only moves forward, without rescanning the same text. */
function finder(s: string, ch: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || (found >= from && found !== -2)) return found;
    found = s.indexOf(ch, from);
    return found;
  };
}

function parseExpression(body: string): { operator: Operator; vars: VarSpec[] } | string {
  let operator: Operator = "";
  let rest = body;
  const first = body[0];
  if (first !== undefined && isOperator(first)) {
    operator = first;
    rest = body.slice(1);
  } else if (first === "=" || first === "," || first === "!" || first === "@" || first === "|") {
    return `operator '${first}' is reserved`;
  }
  if (rest === "") return "empty expression";
  const vars: VarSpec[] = [];
  for (const spec of rest.split(",")) {
    const v = parseVarSpec(spec);
    if (typeof v === "string") return v;
    vars.push(v);
  }
  return { operator, vars };
}

function parseVarSpec(spec: string): VarSpec | string {
  let name = spec;
  let explode = false;
  let prefix: number | undefined;
  if (spec.endsWith("*")) {
    explode = true;
    name = spec.slice(0, -1);
  } else {
    const colon = spec.indexOf(":");
    if (colon !== -1) {
      name = spec.slice(0, colon);
      const digits = spec.slice(colon + 1);
      if (digits.length < 1 || digits.length > 4 || digits[0] === "0" || !allDigits(digits))
        return `invalid prefix ':${digits.slice(0, 8)}' (1 to ${MAX_PREFIX})`;
      prefix = Number(digits);
    }
  }
  const problem = varnameProblem(name);
  return problem ? problem : { name, explode, ...(prefix !== undefined && { prefix }) };
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded. */
function varnameProblem(name: string): string | undefined {
  if (name === "") return "empty variable name";
  let prevDot = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 46 /* . */) {
      if (prevDot) return `invalid variable name '${clip(name)}'`;
      prevDot = true;
      continue;
    }
    prevDot = false;
    if (c === 37 /* % */) {
      if (!isHex(name.charCodeAt(i + 1)) || !isHex(name.charCodeAt(i + 2)))
        return `invalid %-escape in variable name '${clip(name)}'`;
      i += 2;
    } else if (!(isAlnum(c) || c === 95)) {
      return `invalid character '${name[i]}' in variable name '${clip(name)}'`;
    }
  }
  return prevDot ? `invalid variable name '${clip(name)}'` : undefined;
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

function collectVariables(parts: TemplatePart[]): TemplateVariable[] {
  const seen = new Set<string>();
  const out: TemplateVariable[] = [];
  for (const part of parts) {
    if (part.kind !== "expression") continue;
    for (const v of part.vars) {
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      out.push({
        name: v.name,
        operator: part.operator,
        explode: v.explode,
        ...(v.prefix !== undefined && { prefix: v.prefix }),
      });
    }
  }
  return out;
}

export interface Expansion {
  uri: string;
  errors: TemplateError[];
}

/** Expand a template (or an already parsed one) with the given values. */
export function expandTemplate(
  template: string | ParsedTemplate,
  values: Readonly<Record<string, TemplateValue>>,
): Expansion {
  const parsed = typeof template === "string" ? parseTemplate(template) : template;
  let uri = "";
  for (const part of parsed.parts) {
    if (part.kind === "literal") uri += encode(part.text, true);
    else if (part.kind === "invalid") uri += part.raw;
    else uri += expandExpression(OPS[part.operator], part.vars, values);
  }
  return { uri, errors: parsed.errors };
}

function expandExpression(op: OpSpec, vars: VarSpec[], values: Readonly<Record<string, TemplateValue>>): string {
  let out = "";
  let first = true;
  for (const spec of vars) {
    const value = Object.hasOwn(values, spec.name) ? values[spec.name] : undefined;
    const expanded = expandVar(op, spec, value);
    if (expanded === undefined) continue;
    out += (first ? op.first : op.sep) + expanded;
    first = false;
  }
  return out;
}

function expandVar(op: OpSpec, spec: VarSpec, value: TemplateValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  const enc = (s: string): string => encode(s, op.reserved);
  const named = (s: string, empty: boolean): string => (op.named ? spec.name + (empty ? op.ifemp : "=") : "") + s;
  if (typeof value !== "object") {
    let s = String(value);
    if (spec.prefix !== undefined) s = prefixOf(s, spec.prefix);
    return named(enc(s), s === "");
  }
  const pairs: [string | undefined, string][] = Array.isArray(value)
    ? (value as readonly unknown[]).map((v) => [undefined, String(v)])
    : Object.entries(value).map(([k, v]) => [k, String(v)]);
  if (pairs.length === 0) return undefined; // an empty list or associative array is undefined
  if (!spec.explode) {
    const joined = pairs.map(([k, v]) => (k === undefined ? enc(v) : `${enc(k)},${enc(v)}`)).join(",");
    return named(joined, joined === "");
  }
  return pairs
    .map(([k, v]) => {
      if (k !== undefined) return `${enc(k)}${op.named && v === "" ? op.ifemp : "="}${enc(v)}`;
      return op.named ? `${spec.name}${v === "" ? op.ifemp : "="}${enc(v)}` : enc(v);
    })
    .join(op.sep);
}

/** The first n Unicode characters (code points, not UTF-16 units). */
function prefixOf(s: string, n: number): string {
  let count = 0;
  let i = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

const RESERVED = ":/?#[]@!$&'()*+,;=";
const HEX = "0123456789ABCDEF";
const pct = (byte: number): string => `%${HEX[byte >> 4]}${HEX[byte & 15]}`;

/** What each ASCII character becomes, for unreserved-only (U) and reserved (U+R) expansion. */
const ASCII: Record<"u" | "r", string[]> = { u: [], r: [] };
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const unreserved = isAlnum(c) || ch === "-" || ch === "." || ch === "_" || ch === "~";
  ASCII.u[c] = unreserved ? ch : pct(c);
  ASCII.r[c] = unreserved || RESERVED.includes(ch) ? ch : pct(c);
}

/**
 * Percent-encode everything outside the allowed set: unreserved characters, plus (for `+`, `#`
 * and literals) reserved ones and existing %XX triplets. UTF-8; a lone surrogate becomes U+FFFD.
 */
function encode(s: string, allowReserved: boolean): string {
  const table = allowReserved ? ASCII.r : ASCII.u;
  let out = "";
  let run = 0; // start of the current run of characters that stay as they are
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const mapped = table[c]!;
      if (mapped.length === 1) {
        i++;
        continue;
      }
      if (allowReserved && c === 37 && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
        i += 3;
        continue;
      }
      out += s.slice(run, i) + mapped;
      run = ++i;
      continue;
    }
    out += s.slice(run, i);
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      i += 2;
    } else {
      if (c >= 0xd800 && c <= 0xdfff) cp = 0xfffd;
      i++;
    }
    run = i;
    if (cp < 0x800) out += pct(0xc0 | (cp >> 6)) + pct(0x80 | (cp & 63));
    else if (cp < 0x10000) out += pct(0xe0 | (cp >> 12)) + pct(0x80 | ((cp >> 6) & 63)) + pct(0x80 | (cp & 63));
    else
      out +=
        pct(0xf0 | (cp >> 18)) + pct(0x80 | ((cp >> 12) & 63)) + pct(0x80 | ((cp >> 6) & 63)) + pct(0x80 | (cp & 63));
  }
  return run === 0 ? s : out + s.slice(run);
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
