/**
 * A deterministic plan to fill a tool's argument form through its controls, and the exact
 * arguments object that filling must produce. The walk uses lib/schema's model and label rule
 * (the names the form gives its controls); the expected value is computed here, independently of
 * the form's own value code, so a control that writes the wrong thing makes the comparison fail.
 *
 * Choices: required fields and every optional field at the first level of each $ref; strings honour
 * format, pattern and length (a date-time through its date and time control, in UTC); numbers sit
 * inside their bounds (integers for integer); required booleans flip from their starting value,
 * optional ones are set to false (one click on a three-state control); enums and unions take their 2nd choice; arrays get one item (two
 * for arrays of arrays); closed maps one entry; the first nullable field is set to null; a
 * recursive $ref is opened one level deeper, where only required fields are filled.
 */
// The model modules only: lib/schema/index.ts also pulls in the validator, which the walk does not need.
import { isRecord } from "../../lib/base";
import { modelFor } from "../../lib/schema";
import { labelFor, nameOf } from "../../lib/schema";
import { LIMITS } from "../../lib/schema";
import type { FieldNode, ObjectNode, Path } from "../../lib/schema";

export type Step =
  /** Type into the text, number or JSON control with this accessible name. */
  | { kind: "fill"; label: string; text: string }
  /** Choose the option whose value is `option` in the select with this name. */
  | { kind: "select"; label: string; option: string }
  | { kind: "check"; label: string; checked: boolean }
  /** Choose the radio named `option` in the radio group with this name (an optional boolean: unset / true / false). */
  | { kind: "radio"; label: string; option: string }
  /** Press the button with this name ("Add tags item", "Add env entry", "Expand head"). */
  | { kind: "click"; label: string };

/** What a control must show once the plan has run (and again after a Form → JSON → Form trip). */
export type Shown =
  { label: string; value: string } | { label: string; checked: boolean } | { label: string; radio: string };

export interface FormPlan {
  steps: Step[];
  shown: Shown[];
  expected: unknown;
}

export interface PlanOptions {
  /** Text for particular string fields, by label (paths inside a test's temp directory). */
  strings?: Readonly<Record<string, string>>;
}

const FORMATS: Record<string, string> = {
  email: "a@example.com",
  "idn-email": "a@example.com",
  uri: "https://example.com/x",
  url: "https://example.com/x",
  "uri-reference": "https://example.com/x",
  iri: "https://example.com/x",
  "date-time": "2026-01-02T03:04:05Z",
  date: "2026-01-02",
  time: "03:04:05Z",
  uuid: "123e4567-e89b-12d3-a456-426614174000",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  hostname: "example.com",
  duration: "P1D",
};

/** Tried in order for a `pattern` the generated text does not match. */
const PATTERN_CANDIDATES = [
  "12345",
  "abc",
  "ABC",
  "a1",
  "A-1",
  "x",
  "2026-01-02",
  "a@example.com",
  "https://example.com/x",
  "#ff0000",
  "+15551234567",
];

interface Walk {
  steps: Step[];
  value: unknown;
  numbers: number;
  nullDone: boolean;
  options: PlanOptions;
}

/** Where a node sits: its label, whether it is required, whether optional fields below are filled. */
interface At {
  path: Path;
  label: string;
  required: boolean;
  /** false below a recursive $ref's second level: only required fields are filled there. */
  full: boolean;
  refs: ReadonlyMap<string, number>;
  omit?: string;
}

export function planForm(schema: unknown, options: PlanOptions = {}): FormPlan {
  const root = modelFor(schema).root;
  const w: Walk = { steps: [], value: start(root, true), numbers: 0, nullDone: false, options };
  fill(w, root, { path: [], label: "", required: true, full: true, refs: new Map() });
  return { steps: w.steps, shown: shownAfter(w.steps), expected: w.value };
}

function fill(w: Walk, node: FieldNode, at: At): void {
  if (node.readOnly) return;
  const { label } = at;
  switch (node.kind) {
    case "string": {
      const text = w.options.strings?.[label] ?? stringFor(node, label);
      if (node.format === "date-time") {
        // The date and time control takes the local part; the offset is chosen beside it.
        const [, local, offset] = /^(.*?)(Z|[+-]\d{2}:\d{2})$/.exec(text) ?? [];
        if (local === undefined || offset === undefined)
          throw new Error(`${nameOf(label)}: ${text} is not an RFC 3339 date-time`);
        w.steps.push({ kind: "select", label: `${nameOf(label)} time zone`, option: offset });
        w.steps.push({ kind: "fill", label: nameOf(label), text: local });
        return set(w, at.path, text);
      }
      w.steps.push({ kind: "fill", label: nameOf(label), text });
      return set(w, at.path, text);
    }
    case "number": {
      const n = numberFor(node, w.numbers++);
      w.steps.push({ kind: "fill", label: nameOf(label), text: String(n) });
      return set(w, at.path, n);
    }
    case "boolean": {
      if (!at.required) {
        w.steps.push({ kind: "radio", label: nameOf(label), option: "false" });
        return set(w, at.path, false);
      }
      const next = getAt(w.value, at.path) !== true;
      w.steps.push({ kind: "check", label: nameOf(label), checked: next });
      return set(w, at.path, next);
    }
    case "enum": {
      const i = node.choices.length > 1 ? 1 : 0;
      w.steps.push({ kind: "select", label: nameOf(label), option: String(i) });
      return set(w, at.path, clone(node.choices[i]!.value));
    }
    case "object":
      return fillObject(w, node, at);
    case "map": {
      if (node.open) return;
      return addEntry(w, node, at);
    }
    case "array": {
      const existing = arrayAt(w.value, at.path).length;
      const count = Math.max(node.items.kind === "array" ? 2 : 1, (node.minItems ?? 0) - existing);
      for (let k = 0; k < count; k++) {
        const i = existing + k;
        if (node.maxItems !== undefined && i >= node.maxItems) break;
        w.steps.push({ kind: "click", label: `Add ${nameOf(label)} item` });
        set(w, [...at.path, i], fresh(node.items));
        fill(w, node.items, {
          ...at,
          path: [...at.path, i],
          label: labelFor.item(label, i),
          required: true,
          omit: undefined,
        });
      }
      return;
    }
    case "tuple":
      node.prefix.forEach((p, i) =>
        fill(w, p, {
          ...at,
          path: [...at.path, i],
          label: labelFor.position(label, i),
          required: i < (node.minItems ?? 0),
          omit: undefined,
        }),
      );
      return;
    case "union": {
      const i = node.variants.length > 1 ? 1 : 0;
      const variant = node.variants[i]!;
      w.steps.push({ kind: "select", label: labelFor.variant(label), option: String(i) });
      const inner = variant.node.kind === "ref" ? variant.node.resolve() : variant.node;
      set(w, at.path, chosenVariant(inner, node.discriminator, variant.tag, getAt(w.value, at.path)));
      return fill(w, inner, { ...at, ...(node.discriminator ? { omit: node.discriminator } : {}) });
    }
    case "nullable":
      if (!w.nullDone) {
        w.nullDone = true;
        w.steps.push({ kind: "check", label: labelFor.isNull(label), checked: true });
        return set(w, at.path, null);
      }
      return fill(w, node.inner, at);
    case "ref": {
      const key = node.ref ?? `deferred:${node.target}`;
      const level = (at.refs.get(key) ?? 0) + 1;
      const refs = new Map(at.refs).set(key, level);
      if (getAt(w.value, at.path) === undefined) w.steps.push({ kind: "click", label: `Expand ${nameOf(label)}` });
      return fill(w, node.resolve(), { ...at, refs, full: at.full && level <= 1 });
    }
    case "json": {
      const v = jsonSample(node.schema);
      w.steps.push({ kind: "fill", label: nameOf(label), text: JSON.stringify(v, null, 2) });
      return set(w, at.path, v);
    }
  }
}

function fillObject(w: Walk, node: ObjectNode, at: At): void {
  if (node.properties.length > LIMITS.renderedProperties)
    throw new Error(`${nameOf(at.label)}: more properties than the form shows at once; the plan does not page`);
  for (const p of node.properties) {
    if (p.name === at.omit) continue;
    if (!p.required && !at.full) continue;
    fill(w, p.node, {
      ...at,
      path: [...at.path, p.name],
      label: labelFor.property(at.label, p.name),
      required: p.required,
      omit: undefined,
    });
  }
  if (node.rest && !node.rest.open && at.full) addEntry(w, node.rest, at);
}

/** "Add <name> entry", then the new row's key and value. */
function addEntry(w: Walk, map: Extract<FieldNode, { kind: "map" }>, at: At): void {
  const obj = objectAt(w.value, at.path);
  const index = Object.keys(obj).filter((k) => !map.declared.includes(k)).length;
  const key = entryKey(map, obj);
  const valueNode = valueNodeOf(map, key);
  if (!valueNode) return;
  w.steps.push({ kind: "click", label: `Add ${nameOf(at.label)} entry` });
  w.steps.push({ kind: "fill", label: labelFor.mapKey(at.label, index), text: key });
  set(w, [...at.path, key], fresh(valueNode));
  fill(w, valueNode, {
    ...at,
    path: [...at.path, key],
    label: labelFor.mapValue(at.label, index),
    required: true,
    omit: undefined,
  });
}

function entryKey(map: Extract<FieldNode, { kind: "map" }>, obj: Record<string, unknown>): string {
  const taken = (k: string) => Object.hasOwn(obj, k) || map.declared.includes(k);
  const candidates = ["k1", "k2", ...PATTERN_CANDIDATES];
  const ok = (k: string) => !taken(k) && valueNodeOf(map, k) !== null;
  const key = candidates.find(ok);
  if (key === undefined) throw new Error(`no key for the map at ${JSON.stringify(map.patterns.map((p) => p.pattern))}`);
  return key;
}

function valueNodeOf(map: Extract<FieldNode, { kind: "map" }>, key: string): FieldNode | null {
  for (const p of map.patterns) if (new RegExp(p.pattern, "u").test(key)) return p.node;
  return map.additional;
}

function stringFor(node: Extract<FieldNode, { kind: "string" }>, label: string): string {
  let text = (node.format && FORMATS[node.format]) || `v:${nameOf(label)}`;
  const min = node.minLength ?? 0;
  if (text.length < min) text = text.padEnd(min, "x");
  if (node.maxLength !== undefined && text.length > node.maxLength) text = text.slice(0, node.maxLength);
  if (node.pattern !== undefined) {
    const re = new RegExp(node.pattern, "u");
    if (!re.test(text)) {
      const fit = PATTERN_CANDIDATES.find(
        (c) => re.test(c) && c.length >= min && (node.maxLength === undefined || c.length <= node.maxLength),
      );
      if (fit === undefined)
        throw new Error(`${nameOf(label)}: no sample string matches /${node.pattern}/; add one to PATTERN_CANDIDATES`);
      text = fit;
    }
  }
  if (text === "") throw new Error(`${nameOf(label)}: maxLength 0 leaves nothing to type`);
  return text;
}

/** A number inside the bounds, different per field (k counts number fields). */
function numberFor(node: Extract<FieldNode, { kind: "number" }>, k: number): number {
  const lo = node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + (node.integer ? 1 : 0.5) : node.minimum;
  const hi = node.exclusiveMaximum !== undefined ? node.exclusiveMaximum - (node.integer ? 1 : 0.5) : node.maximum;
  const step = node.multipleOf ?? (node.integer ? 1 : undefined);
  let n = step !== undefined ? step * (2 + k) : 2.5 + k;
  if (node.integer) n = Math.round(n);
  if ((lo !== undefined && n < lo) || (hi !== undefined && n > hi)) {
    // Out of bounds: the middle of the range (or just inside its open end), on a step.
    n = lo !== undefined && hi !== undefined ? (lo + hi) / 2 : lo !== undefined ? lo + 1 : hi! - 1;
    if (step !== undefined) n = Math.ceil(n / step) * step;
    if (node.integer) n = Math.ceil(n);
  }
  return n;
}

/** A value for a field edited as JSON text, of the schema's type when it names one. */
function jsonSample(schema: unknown): unknown {
  const type = isRecord(schema) ? (Array.isArray(schema.type) ? schema.type[0] : schema.type) : undefined;
  switch (type) {
    case "string":
      return "json text";
    case "number":
    case "integer":
      return 7;
    case "boolean":
      return true;
    case "array":
      return ["json item"];
    case "null":
      return null;
    default:
      return { json: ["any", 1, true] };
  }
}

/**
 * The value a field starts with, as the form documents it (lib/schema/initialValue.ts): nothing for
 * optional fields, even with a default (shown as a placeholder, not sent: the server applies its
 * own); for required fields their default, else the smallest skeleton (required properties, empty
 * arrays and maps, false, a sole constant, the first variant).
 */
function start(node: FieldNode, required: boolean, refs: number = LIMITS.skeletonRefs): unknown {
  if (!required) return undefined;
  if (node.hasDefault) return clone(node.default);
  switch (node.kind) {
    case "boolean":
      return false;
    case "enum":
      return node.choices.length === 1 ? clone(node.choices[0]!.value) : undefined;
    case "object": {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        const v = start(p.node, p.required, refs);
        if (v !== undefined) out[p.name] = v;
      }
      return out;
    }
    case "map":
      return {};
    case "array":
      return [];
    case "tuple": {
      const out: unknown[] = [];
      for (let i = 0; i < (node.minItems ?? 0) && i < node.prefix.length; i++) {
        const v = start(node.prefix[i]!, true, refs);
        if (v === undefined) break;
        out.push(v);
      }
      return out;
    }
    case "union": {
      const first = node.variants[0];
      if (!first) return undefined;
      return withTag(start(first.node, true, refs), node.discriminator, first.tag);
    }
    case "nullable":
      return start(node.inner, true, refs);
    case "ref":
      return refs > 0 ? start(node.resolve(), true, refs - 1) : undefined;
    default:
      return undefined;
  }
}

/** What a just-added item or entry holds before it is filled. */
function fresh(node: FieldNode): unknown {
  const v = start(node, true);
  if (v !== undefined) return v;
  switch (node.kind) {
    case "string":
      return "";
    case "number":
      return node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 0);
    case "enum":
      return clone(node.choices[0]?.value ?? null);
    case "ref":
      return fresh(node.resolve());
    default:
      return null;
  }
}

/** A newly chosen variant: its skeleton with the tag, keeping typed properties it also declares. */
function chosenVariant(node: FieldNode, discriminator: string | undefined, tag: unknown, before: unknown): unknown {
  let next = withTag(start(node, true), discriminator, tag);
  if (next === undefined) next = fresh(node);
  if (isRecord(next) && isRecord(before) && node.kind === "object") {
    const names = new Set(node.properties.map((p) => p.name));
    next = {
      ...next,
      ...Object.fromEntries(Object.entries(before).filter(([k]) => k !== discriminator && names.has(k))),
    };
  }
  return next;
}

function withTag(v: unknown, discriminator: string | undefined, tag: unknown): unknown {
  if (discriminator === undefined || tag === undefined) return v;
  return { [discriminator]: clone(tag), ...(isRecord(v) ? v : {}), [discriminator]: clone(tag) };
}

/** The last state each control was put in by the steps. */
function shownAfter(steps: Step[]): Shown[] {
  const out = new Map<string, Shown>();
  for (const s of steps) {
    if (s.kind === "fill") out.set(s.label, { label: s.label, value: s.text });
    else if (s.kind === "select") out.set(s.label, { label: s.label, value: s.option });
    else if (s.kind === "check") out.set(s.label, { label: s.label, checked: s.checked });
    else if (s.kind === "radio") out.set(s.label, { label: s.label, radio: s.option });
  }
  return [...out.values()];
}

// Plain JSON values edited at paths; new keys go last, as in the form.

function set(w: Walk, path: Path, next: unknown): void {
  w.value = setIn(w.value, path, next);
}

function setIn(root: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [seg, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof seg === "number") {
    const arr = Array.isArray(root) ? root.slice() : [];
    while (arr.length < seg) arr.push(null);
    arr[seg] = setIn(arr[seg], rest, next);
    return arr;
  }
  const obj: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  obj[seg] = setIn(obj[seg], rest, next);
  return obj;
}

function getAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) {
    if (typeof seg === "number") cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isRecord(cur) && Object.hasOwn(cur, seg) ? cur[seg] : undefined;
  }
  return cur;
}

function arrayAt(root: unknown, path: Path): unknown[] {
  const v = getAt(root, path);
  return Array.isArray(v) ? v : [];
}

function objectAt(root: unknown, path: Path): Record<string, unknown> {
  const v = getAt(root, path);
  return isRecord(v) ? v : {};
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * Paths where `actual` holds a different JSON type than `expected` ("5" for 5, {} for []), so a
 * failure names the field even when the whole-object comparison is long.
 */
export function typeMismatches(expected: unknown, actual: unknown, at = ""): string[] {
  const te = jsonType(expected);
  const ta = jsonType(actual);
  if (te !== ta)
    return [`${at || "/"}: expected ${te}, sent ${ta}${ta === "undefined" ? "" : ` (${JSON.stringify(actual)})`}`];
  if (Array.isArray(expected) && Array.isArray(actual))
    return expected.flatMap((v, i) => typeMismatches(v, actual[i], `${at}/${i}`));
  if (isRecord(expected) && isRecord(actual))
    return Object.keys(expected).flatMap((k) => typeMismatches(expected[k], actual[k], `${at}/${k}`));
  return [];
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}
