/** What validation reports about one frame, and how the SDK's schema issues become that. */

export type ValidationStatus = "valid" | "invalid" | "unchecked";

export interface Violation {
  /** JSON Pointer into the frame ("/result/tools/0/name"); "(root)" for the whole frame. */
  path: string;
  expected?: string;
  found?: string;
  message: string;
  /** Which layer is broken: the JSON text, the JSON-RPC envelope, or the MCP schema. */
  source: "json" | "jsonrpc" | "schema";
}

export interface FrameValidity {
  status: ValidationStatus;
  violations: Violation[];
  /** The schema revision actually checked against (the SDK's codec era). */
  schemaVersion?: string;
  /** Why a check was skipped or approximated. */
  note?: string;
}

type Segment = string | number;

export interface ZodLikeIssue {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  expected?: unknown;
  values?: unknown[];
  keys?: string[];
  errors?: readonly (readonly ZodLikeIssue[])[];
}

export function pointer(path: readonly Segment[]): string {
  if (path.length === 0) return "(root)";
  return path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** A short description of what is at a spot: a type, or a small scalar's JSON. */
export function describeFound(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "string")
    return value.length > 40 ? `string ${JSON.stringify(value.slice(0, 40))}…` : `string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let v = root;
  for (const seg of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return v;
}

/**
 * The codec reports zod's issue list as its message text (JSON). Read it back into violations,
 * located under `prefix` in the frame (`root`) and describing what is actually there.
 */
export function violationsFromCodecMessage(message: string, root: unknown, prefix: readonly Segment[]): Violation[] {
  const start = message.indexOf("[");
  let issues: ZodLikeIssue[] | undefined;
  if (start >= 0) {
    try {
      const parsed: unknown = JSON.parse(message.slice(start));
      if (Array.isArray(parsed)) issues = parsed as ZodLikeIssue[];
    } catch {
      issues = undefined;
    }
  }
  if (!issues || issues.length === 0) return [{ path: pointer(prefix), message, source: "schema" }];
  return violationsFromIssues(issues, root, prefix);
}

/** Zod issues (relative to `prefix` in the frame `root`) as violations. */
export function violationsFromIssues(
  issues: readonly ZodLikeIssue[],
  root: unknown,
  prefix: readonly Segment[],
): Violation[] {
  return issues.flatMap((issue) => fromIssue(issue, root, prefix));
}

function fromIssue(issue: ZodLikeIssue, root: unknown, prefix: readonly Segment[]): Violation[] {
  const path = [...prefix, ...(issue.path ?? []).map((k) => (typeof k === "number" ? k : String(k)))];
  // A union says only "Invalid input"; the branch that failed least says what is wrong.
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    if (best && best.length > 0) return best.flatMap((inner) => fromIssue(inner, root, path));
  }
  const violation: Violation = {
    path: pointer(path),
    message: issue.message ?? "does not match the schema",
    source: "schema",
  };
  const expected = expectedOf(issue);
  if (expected) violation.expected = expected;
  if (issue.code === "unrecognized_keys" && issue.keys) violation.found = issue.keys.join(", ");
  else violation.found = describeFound(valueAt(root, path));
  return [violation];
}

function expectedOf(issue: ZodLikeIssue): string | undefined {
  if (issue.expected === "nonoptional") return "present";
  if (typeof issue.expected === "string") return issue.expected;
  if (issue.values && issue.values.length > 0) return issue.values.map((v) => JSON.stringify(v)).join(" | ");
  return undefined;
}
