import type { RpcInfo, RequestId } from "./entry";
import { errorMessage } from "../base";

export { utf8Length } from "../base";

/** Decide what a raw frame is. Never throws: bad input becomes `invalid-json` or `not-jsonrpc`. */
export function classifyFrame(raw: string): { rpc: RpcInfo; value?: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { rpc: { type: "invalid-json", reason: errorMessage(error) } };
  }
  return { rpc: classifyValue(value), value };
}

export function classifyValue(value: unknown): RpcInfo {
  if (Array.isArray(value)) {
    if (value.length === 0) return { type: "not-jsonrpc", reason: "empty batch" };
    return { type: "batch", items: value.map(classifyValue) };
  }
  if (typeof value !== "object" || value === null) {
    return { type: "not-jsonrpc", reason: `a JSON ${value === null ? "null" : typeof value}, not an object` };
  }
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== "2.0") return { type: "not-jsonrpc", reason: 'missing "jsonrpc": "2.0"' };
  const hasId = "id" in m;
  if (typeof m.method === "string") {
    const subject = subjectOf(m.method, m.params);
    if (!hasId)
      return subject === undefined
        ? { type: "notification", method: m.method }
        : { type: "notification", method: m.method, subject };
    if (!isId(m.id)) return { type: "not-jsonrpc", reason: "request id must be a string or a number" };
    return subject === undefined
      ? { type: "request", id: m.id, method: m.method }
      : { type: "request", id: m.id, method: m.method, subject };
  }
  if ("result" in m && "error" in m) return { type: "not-jsonrpc", reason: "has both result and error" };
  if ("result" in m) {
    if (!isId(m.id)) return { type: "not-jsonrpc", reason: "response id must be a string or a number" };
    return { type: "result", id: m.id };
  }
  if ("error" in m) {
    const e = m.error as Record<string, unknown> | null;
    if (typeof e !== "object" || e === null || typeof e.code !== "number") {
      return { type: "not-jsonrpc", reason: "error must be an object with a numeric code" };
    }
    // MCP's schema (2025-11-25 on) lets an error response leave out its id, as when the request could not be read.
    if (m.id !== undefined && m.id !== null && !isId(m.id))
      return { type: "not-jsonrpc", reason: "error id must be a string, a number or null" };
    return {
      type: "error",
      id: (m.id ?? null) as RequestId | null,
      code: e.code,
      message: typeof e.message === "string" ? e.message : "",
    };
  }
  return { type: "not-jsonrpc", reason: "neither a request, a notification nor a response" };
}

const SUBJECT_LIMIT = 200;

/**
 * What a message is about, when its method names one: the tool of `tools/call`, the prompt of
 * `prompts/get`, the resource of `resources/read`, `resources/subscribe`, `resources/unsubscribe` and
 * `notifications/resources/updated`, the prompt or resource a `completion/complete` completes.
 */
export function subjectOf(method: string, params: unknown): string | undefined {
  if (typeof params !== "object" || params === null) return undefined;
  const p = params as Record<string, unknown>;
  let subject: unknown;
  switch (method) {
    case "tools/call":
    case "prompts/get":
      subject = p.name;
      break;
    case "resources/read":
    case "resources/subscribe":
    case "resources/unsubscribe":
    case "notifications/resources/updated":
      subject = p.uri;
      break;
    case "completion/complete": {
      const ref = p.ref as Record<string, unknown> | null | undefined;
      subject = ref?.name ?? ref?.uri;
      break;
    }
  }
  return typeof subject === "string" && subject !== "" ? subject.slice(0, SUBJECT_LIMIT) : undefined;
}

function isId(id: unknown): id is RequestId {
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id));
}

/** A one-word label for lists and filters. */
export function rpcLabel(rpc: RpcInfo): string {
  switch (rpc.type) {
    case "request":
    case "notification":
      return rpc.method;
    case "result":
      return "result";
    case "error":
      return `error ${rpc.code}`;
    case "batch":
      return `batch of ${rpc.items.length}`;
    case "invalid-json":
      return "invalid JSON";
    case "not-jsonrpc":
      return "not JSON-RPC";
  }
}
