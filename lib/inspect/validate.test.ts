import { describe, expect, it } from "vitest";
import type { FrameEntry } from "../traffic";
import { TrafficLog } from "../traffic";
import { FrameValidator, validateFrame } from "./validate";

const stdio = { transport: "stdio" } as const;
const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientCapabilities": {},
};

function session(protocolVersion: string | undefined) {
  const log = new TrafficLog({ schedule: () => {} });
  const validator = new FrameValidator(log, { protocolVersion: () => protocolVersion });
  const send = (direction: "outgoing" | "incoming", frame: unknown) => {
    const { entry } = log.recordFrame(direction, typeof frame === "string" ? frame : JSON.stringify(frame), stdio);
    return validator.validate(entry.seq)!;
  };
  return { log, validator, out: (f: unknown) => send("outgoing", f), in: (f: unknown) => send("incoming", f) };
}

describe("JSON-RPC defects", () => {
  it("flags invalid JSON", () => {
    const v = session("2025-11-25").in('{"jsonrpc":"2.0",');
    expect(v.status).toBe("invalid");
    expect(v.violations).toEqual([
      expect.objectContaining({ source: "json", message: expect.stringMatching(/^Invalid JSON/) }),
    ]);
  });

  it("flags a message without jsonrpc", () => {
    const v = session("2025-11-25").out({ id: 1, method: "ping" });
    expect(v.status).toBe("invalid");
    expect(v.violations[0]).toMatchObject({ path: "/jsonrpc", expected: '"2.0"', found: "missing", source: "jsonrpc" });
  });

  it("flags an id of the wrong type, in a request and in a response", () => {
    const s = session("2025-11-25");
    expect(s.out({ jsonrpc: "2.0", id: { n: 1 }, method: "ping" }).violations[0]).toMatchObject({
      path: "/id",
      expected: "string | number",
      found: "object",
    });
    expect(s.out({ jsonrpc: "2.0", id: null, method: "ping" }).violations[0]).toMatchObject({
      path: "/id",
      found: "null",
    });
    expect(s.in({ jsonrpc: "2.0", id: true, result: {} }).violations[0]).toMatchObject({
      path: "/id",
      found: "boolean true",
    });
  });

  it("flags a response to no request", () => {
    const v = session("2025-11-25").in({ jsonrpc: "2.0", id: 9, result: {} });
    expect(v.status).toBe("invalid");
    expect(v.violations).toEqual([
      expect.objectContaining({
        path: "/id",
        source: "jsonrpc",
        message: expect.stringMatching(/response to no request/),
      }),
    ]);
  });

  it("flags a request id reused while the first is pending", () => {
    const s = session("2025-11-25");
    expect(s.out({ jsonrpc: "2.0", id: 4, method: "ping" }).status).toBe("valid");
    const dup = s.out({ jsonrpc: "2.0", id: 4, method: "ping" });
    expect(dup.status).toBe("invalid");
    expect(dup.violations[0]?.message).toMatch(/duplicate request id 4/i);
  });

  it("flags a result and an error together", () => {
    const s = session("2025-11-25");
    s.out({ jsonrpc: "2.0", id: 1, method: "ping" });
    const v = s.in({ jsonrpc: "2.0", id: 1, result: {}, error: { code: 1, message: "x" } });
    expect(v.violations.map((x) => x.message)).toContainEqual(expect.stringMatching(/both "result" and "error"/));
  });

  it("checks an error's members, and accepts a well-formed one", () => {
    const s = session("2025-11-25");
    s.out({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(s.in({ jsonrpc: "2.0", id: 1, error: { code: -32601, message: "Method not found" } }).status).toBe("valid");
    s.out({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    const bad = s.in({ jsonrpc: "2.0", id: 2, error: { code: "oops", message: "x" } });
    expect(bad.violations).toEqual([
      expect.objectContaining({ path: "/error/code", found: 'string "oops"', source: "schema" }),
    ]);
  });
});

const badTools = [{ name: "no_schema" }, { name: 42, inputSchema: { type: "object" } }];

describe("schema of a tools/list result, by the method of its request", () => {
  it("legacy 2025-11-25: a tool without inputSchema and a numeric name", () => {
    const s = session("2025-11-25");
    s.out({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const v = s.in({ jsonrpc: "2.0", id: 1, result: { tools: badTools } });
    expect(v.status).toBe("invalid");
    expect(v.schemaVersion).toBe("2025-11-25");
    expect(v.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "/result/tools/0/inputSchema",
          expected: "object",
          found: "missing",
          source: "schema",
        }),
        expect.objectContaining({ path: "/result/tools/1/name", expected: "string", found: "number 42" }),
      ]),
    );
  });

  it("modern 2026-07-28: the same defects, plus what 2026 requires", () => {
    const s = session("2026-07-28");
    expect(s.out({ jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: ENVELOPE } }).status).toBe("valid");
    const v = s.in({
      jsonrpc: "2.0",
      id: 1,
      result: { resultType: "complete", ttlMs: 0, cacheScope: "private", tools: badTools },
    });
    expect(v.status).toBe("invalid");
    expect(v.schemaVersion).toBe("2026-07-28");
    expect(v.violations.map((x) => x.path)).toEqual(
      expect.arrayContaining(["/result/tools/0/inputSchema", "/result/tools/1/name"]),
    );

    s.out({ jsonrpc: "2.0", id: 2, method: "tools/list", params: { _meta: ENVELOPE } });
    const legacyShaped = s.in({ jsonrpc: "2.0", id: 2, result: { tools: [] } });
    expect(legacyShaped.violations[0]).toMatchObject({ path: "/result/resultType", found: "missing" });
  });

  it("modern 2026-07-28: a request without the _meta envelope, and a removed method", () => {
    const s = session("2026-07-28");
    const bare = s.out({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(bare.violations.map((x) => x.path)).toEqual([
      "/params/_meta/io.modelcontextprotocol~1protocolVersion",
      "/params/_meta/io.modelcontextprotocol~1clientCapabilities",
    ]);
    expect(s.out({ jsonrpc: "2.0", id: 2, method: "ping" }).violations[0]?.message).toMatch(
      /"ping" is not part of protocol 2026-07-28/,
    );
  });

  it("an older legacy version is checked against the 2025-11-25 schema, and says so", () => {
    const s = session("2024-11-05");
    s.out({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const v = s.in({ jsonrpc: "2.0", id: 1, result: { tools: badTools } });
    expect(v.status).toBe("invalid");
    expect(v.schemaVersion).toBe("2025-11-25");
    expect(v.note).toMatch(/no 2024-11-05 schema.*2025-11-25/);
  });
});

describe("handshakes and limits", () => {
  it("passes a valid initialize exchange, before the version is known", () => {
    const s = session(undefined);
    const init = { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "lens", version: "1" } };
    expect(s.out({ jsonrpc: "2.0", id: 0, method: "initialize", params: init })).toMatchObject({
      status: "valid",
      violations: [],
    });
    const result = {
      protocolVersion: "2025-11-25",
      capabilities: { tools: {} },
      serverInfo: { name: "s", version: "1" },
    };
    expect(s.in({ jsonrpc: "2.0", id: 0, result })).toMatchObject({ status: "valid", schemaVersion: "2025-11-25" });
    expect(s.out({ jsonrpc: "2.0", method: "notifications/initialized" }).status).toBe("valid");
    expect(s.out({ jsonrpc: "2.0", id: 1, method: "tools/list" })).toMatchObject({
      status: "unchecked",
      note: expect.stringMatching(/not known/),
    });
  });

  it("passes a valid server/discover exchange", () => {
    const s = session(undefined);
    expect(s.out({ jsonrpc: "2.0", id: "p", method: "server/discover", params: { _meta: ENVELOPE } }).status).toBe(
      "valid",
    );
    const result = {
      resultType: "complete",
      supportedVersions: ["2026-07-28"],
      capabilities: {},
      ttlMs: 0,
      cacheScope: "private",
    };
    expect(s.in({ jsonrpc: "2.0", id: "p", result })).toMatchObject({ status: "valid", schemaVersion: "2026-07-28" });
  });

  it("leaves extension methods unchecked and rejects batches after 2025-03-26", () => {
    const s = session("2025-11-25");
    expect(s.out({ jsonrpc: "2.0", id: 1, method: "acme/thing" }).status).toBe("unchecked");
    const batch = s.out([{ jsonrpc: "2.0", id: 2, method: "ping" }]);
    expect(batch.violations[0]?.message).toMatch(/batches were removed/);
    expect(session("2025-03-26").out([{ jsonrpc: "2.0", id: 2, method: "ping" }]).status).toBe("valid");
  });

  it("skips schema checks above the size limit and for cut frames, but keeps JSON-RPC facts", () => {
    const log = new TrafficLog({ schedule: () => {}, frameLimit: 200 });
    const big = log.recordFrame(
      "incoming",
      JSON.stringify({ jsonrpc: "2.0", id: 3, result: { pad: "x".repeat(500) } }),
      stdio,
    ).entry;
    const v = validateFrame(big, log.entries, { protocolVersion: "2025-11-25" });
    expect(v.status).toBe("invalid"); // a response to no request, known without parsing
    expect(v.note).toMatch(/cut/);
    const mid = log.recordFrame("outgoing", JSON.stringify({ jsonrpc: "2.0", id: 5, method: "ping" }), stdio).entry;
    expect(validateFrame(mid, log.entries, { protocolVersion: "2025-11-25", maxBytes: 10 })).toMatchObject({
      status: "unchecked",
      note: expect.stringMatching(/limit/),
    });
  });

  it("caches by seq and redoes a frame when the version becomes known", () => {
    let version: string | undefined;
    const log = new TrafficLog({ schedule: () => {} });
    const validator = new FrameValidator(log, { protocolVersion: () => version });
    const req: FrameEntry = log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', stdio).entry;
    const first = validator.validate(req.seq);
    expect(first?.status).toBe("unchecked");
    expect(validator.validate(req.seq)).toBe(first);
    version = "2025-11-25";
    expect(validator.validate(req.seq)?.status).toBe("valid");
    log.event("connecting", "info", "not a frame");
    expect(validator.validate(1)).toBeUndefined();
  });
});
