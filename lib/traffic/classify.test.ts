import { describe, expect, it } from "vitest";
import { checkEnvelope } from "../inspect";
import type { Violation } from "../base";
import { classifyFrame } from "./classify";

describe("an error response without an id", () => {
  // server-everything answers a request it cannot serve (an ended session) with {"jsonrpc":"2.0","error":{…}}:
  // JSON-RPC 2.0 asks for id null, MCP's schema from 2025-11-25 on lets the id be left out.
  const raw = '{"jsonrpc":"2.0","error":{"code":-32000,"message":"Bad Request: No valid session ID provided"}}';

  it("is an error with id null, not 'not JSON-RPC'", () => {
    expect(classifyFrame(raw).rpc).toEqual({
      type: "error",
      id: null,
      code: -32000,
      message: "Bad Request: No valid session ID provided",
    });
  });

  it("breaks no envelope rule", () => {
    const out: Violation[] = [];
    expect(checkEnvelope(JSON.parse(raw), [], out)).toEqual({ type: "error", id: null });
    expect(out).toEqual([]);
  });

  it("a result without an id still is not JSON-RPC", () => {
    expect(classifyFrame('{"jsonrpc":"2.0","result":{}}').rpc.type).toBe("not-jsonrpc");
    expect(classifyFrame('{"jsonrpc":"2.0","id":{},"error":{"code":1,"message":""}}').rpc.type).toBe("not-jsonrpc");
  });
});
