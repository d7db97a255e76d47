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
    if (!hasId) return { type: "notification", method: m.method };
    if (!isId(m.id)) return { type: "not-jsonrpc", reason: "request id must be a string or a number" };
    return { type: "request", id: m.id, method: m.method };
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
