import { errorMessage, isRecord } from "../base";
import { xml } from "../checks";
import type { InspectorSession } from "../session";

type ToolOutcome = Awaited<ReturnType<InspectorSession["tools"]["call"]>>;

/**
 * `mcp-lens calls <file> <target>`: saved tool calls with assertions, for CI. The file is JSON:
 * `{ "calls": [ { "name"?, "tool", "args"?, "expect": { "isError"?, "error"?: { "code" }, "text"?,
 * "structured"?: { "<json pointer>": value } } } ] }` (a bare array of calls works too).
 */
export interface SavedCall {
  name: string;
  tool: string;
  args: unknown;
  expect: {
    isError?: boolean;
    error?: { code: number };
    text?: string;
    structured?: Record<string, unknown>;
  };
}

export interface AssertionResult {
  what: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

export interface CallReport {
  name: string;
  tool: string;
  assertions: AssertionResult[];
}

/** Reads the file's calls, or says what is wrong with it (a usage error). */
export function parseSavedCalls(text: string): SavedCall[] {
  const data: unknown = JSON.parse(text);
  const list = Array.isArray(data) ? data : isRecord(data) ? data.calls : undefined;
  if (!Array.isArray(list) || list.length === 0)
    throw new Error(`no calls: give an array "calls" of { tool, args, expect }`);
  return list.map((c: unknown, i) => {
    if (!isRecord(c) || typeof c.tool !== "string" || !c.tool) throw new Error(`call #${i + 1}: "tool" must be a name`);
    const expect = c.expect ?? {};
    if (!isRecord(expect)) throw new Error(`call #${i + 1}: "expect" must be an object`);
    if (expect.isError !== undefined && typeof expect.isError !== "boolean")
      throw new Error(`call #${i + 1}: expect.isError must be true or false`);
    if (expect.error !== undefined && !(isRecord(expect.error) && typeof expect.error.code === "number"))
      throw new Error(`call #${i + 1}: expect.error must be { "code": number }`);
    if (expect.text !== undefined && typeof expect.text !== "string")
      throw new Error(`call #${i + 1}: expect.text must be a string`);
    if (expect.structured !== undefined && !isRecord(expect.structured))
      throw new Error(`call #${i + 1}: expect.structured must map JSON pointers to values`);
    return {
      name: typeof c.name === "string" && c.name ? c.name : `${c.tool} #${i + 1}`,
      tool: c.tool,
      args: c.args ?? {},
      expect: expect as SavedCall["expect"],
    };
  });
}

/** Judges one call's outcome against its assertions; with none, a call passes when it is not an error. */
export function judgeCall(call: SavedCall, outcome: ToolOutcome): CallReport {
  const e = call.expect;
  const out: AssertionResult[] = [];
  const add = (what: string, expected: unknown, actual: unknown, ok = equal(expected, actual)) =>
    out.push({ what, ok, expected, actual });
  const result = outcome.kind === "result" ? outcome.result : undefined;
  const actualCode = outcome.kind === "protocol-error" ? outcome.code : undefined;
  const happened =
    outcome.kind === "result"
      ? `a result${result?.isError ? " with isError: true" : ""}`
      : outcome.kind === "protocol-error"
        ? `error ${outcome.code}: ${outcome.message}`
        : `${outcome.kind}: ${outcome.message}`;
  if (e.error) add("error.code", e.error.code, actualCode ?? happened, actualCode === e.error.code);
  if (e.isError !== undefined)
    add(
      "isError",
      e.isError,
      result ? result.isError === true : happened,
      result !== undefined && (result.isError === true) === e.isError,
    );
  if (e.text !== undefined) {
    const text = result ? resultText(result.content) : happened;
    add("text contains", e.text, text, result !== undefined && text.includes(e.text));
  }
  for (const [pointer, expected] of Object.entries(e.structured ?? {})) {
    const actual = result ? at(result.structuredContent, pointer) : happened;
    add(`structured ${pointer || "(whole)"}`, expected, actual, result !== undefined && equal(expected, actual));
  }
  if (out.length === 0) add("no error", "a result without isError", happened, result !== undefined && !result.isError);
  return { name: call.name, tool: call.tool, assertions: out };
}

/** The reports as text: one line per assertion, expected vs actual on a failure. */
export function callsText(reports: readonly CallReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const ok = r.assertions.every((a) => a.ok);
    lines.push(`${ok ? "PASS" : "FAIL"} ${r.name} (${r.tool})`);
    for (const a of r.assertions)
      lines.push(a.ok ? `  ok   ${a.what}` : `  FAIL ${a.what}: expected ${show(a.expected)}, got ${show(a.actual)}`);
  }
  const failed = reports.filter((r) => r.assertions.some((a) => !a.ok)).length;
  lines.push(`${reports.length - failed} of ${reports.length} calls passed.`);
  return lines.join("\n");
}

/** The reports as JUnit XML: one testcase per call, its failed assertions in the failure. */
export function callsJunit(reports: readonly CallReport[], suite: string): string {
  const failed = reports.filter((r) => r.assertions.some((a) => !a.ok));
  const cases = reports.map((r) => {
    const bad = r.assertions.filter((a) => !a.ok);
    const open = `    <testcase classname="${xml(suite)}" name="${xml(`${r.name} (${r.tool})`)}">`;
    if (!bad.length) return `${open}</testcase>`;
    const detail = bad.map((a) => `${a.what}: expected ${show(a.expected)}, got ${show(a.actual)}`).join("\n");
    return `${open}\n      <failure message="${xml(`${bad.length} assertion(s) failed`)}">${xml(detail)}</failure>\n    </testcase>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites tests="${reports.length}" failures="${failed.length}">`,
    `  <testsuite name="${xml(suite)}" tests="${reports.length}" failures="${failed.length}">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

function resultText(content: unknown): string {
  if (!Array.isArray(content)) return "";
  return content
    .map((c: unknown) => (isRecord(c) && c.type === "text" && typeof c.text === "string" ? c.text : ""))
    .filter(Boolean)
    .join("\n");
}

/** RFC 6901: "" is the whole value, "/a/0/b~1c" walks objects and arrays. */
function at(value: unknown, pointer: string): unknown {
  if (pointer === "") return value;
  if (!pointer.startsWith("/")) return undefined;
  let node = value;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isRecord(node)) node = Object.hasOwn(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  try {
    const text = JSON.stringify(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return errorMessage(value);
  }
}
