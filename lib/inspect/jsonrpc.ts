/** JSON-RPC 2.0 envelope checks: the layer under MCP, the same in every protocol version. */
import type { FrameEntry, RpcInfo } from "../traffic";
import { describeFound, pointer, type Violation } from "../base";

export type Envelope =
  | { type: "request"; method: string; id: string | number }
  | { type: "notification"; method: string }
  | { type: "result" | "error"; id: string | number | null }
  | { type: "broken" };

type Segment = string | number;

const isId = (id: unknown): id is string | number =>
  typeof id === "string" || (typeof id === "number" && Number.isFinite(id));

/** Check one message (a frame, or a batch member at `at`) and say what it is. */
export function checkEnvelope(message: unknown, at: readonly Segment[], out: Violation[]): Envelope {
  const push = (path: Segment[], v: Omit<Violation, "path" | "source">) =>
    out.push({ path: pointer([...at, ...path]), source: "jsonrpc", ...v });
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    push([], {
      expected: "object",
      found: describeFound(message),
      message: "A JSON-RPC message must be a JSON object",
    });
    return { type: "broken" };
  }
  const m = message as Record<string, unknown>;
  if (!("jsonrpc" in m)) {
    push(["jsonrpc"], {
      expected: '"2.0"',
      found: "missing",
      message: 'No "jsonrpc" member: every JSON-RPC 2.0 message must carry "jsonrpc": "2.0"',
    });
  } else if (m.jsonrpc !== "2.0") {
    push(["jsonrpc"], {
      expected: '"2.0"',
      found: describeFound(m.jsonrpc),
      message: '"jsonrpc" must be exactly the string "2.0"',
    });
  }
  if ("method" in m) {
    if (typeof m.method !== "string") {
      push(["method"], {
        expected: "string",
        found: describeFound(m.method),
        message: "The method name must be a string",
      });
      return { type: "broken" };
    }
    if (!("id" in m)) return { type: "notification", method: m.method };
    if (!isId(m.id)) {
      push(["id"], {
        expected: "string | number",
        found: describeFound(m.id),
        message: "A request id must be a string or a number (MCP forbids null)",
      });
      return { type: "broken" };
    }
    return { type: "request", method: m.method, id: m.id };
  }
  const hasResult = "result" in m;
  const hasError = "error" in m;
  if (hasResult && hasError) {
    push([], {
      message: 'A response carries both "result" and "error"; it must carry exactly one',
      found: "result and error",
    });
    return { type: "broken" };
  }
  if (!hasResult && !hasError) {
    push([], {
      message: 'Neither a request (no "method") nor a response (no "result" or "error")',
      found: describeFound(m),
    });
    return { type: "broken" };
  }
  // An error may carry id null, or (MCP's schema from 2025-11-25 on) no id at all.
  const idOk = isId(m.id) || (hasError && (m.id === null || !("id" in m)));
  if (!idOk) {
    push(["id"], {
      expected: hasError ? "string | number | null" : "string | number",
      found: describeFound(m.id),
      message: "A response id must be the id of the request it answers (a string or a number)",
    });
    return { type: "broken" };
  }
  return { type: hasResult ? "result" : "error", id: (m.id ?? null) as string | number | null };
}

/** What the log found while pairing (no request, second response, duplicate id), as a violation. */
export function pairingViolation(entry: FrameEntry): Violation | undefined {
  if (!entry.problem) return undefined;
  const path = entry.rpc.type === "batch" ? "(root)" : "/id";
  return { path, message: capitalize(entry.problem), source: "jsonrpc" };
}

/** For a frame too large (or too cut) to parse: what the log's head-only classification knows. */
export function violationsFromRpc(rpc: RpcInfo): Violation[] {
  switch (rpc.type) {
    case "invalid-json":
      return [{ path: "(root)", message: `Invalid JSON: ${rpc.reason}`, source: "json" }];
    case "not-jsonrpc":
      return rpc.reason === "frame too large to inspect"
        ? []
        : [{ path: "(root)", message: `Not JSON-RPC: ${rpc.reason}`, source: "jsonrpc" }];
    case "batch":
      return rpc.items.flatMap((item, i) =>
        violationsFromRpc(item).map((v) => ({ ...v, path: v.path === "(root)" ? `/${i}` : `/${i}${v.path}` })),
      );
    default:
      return [];
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
