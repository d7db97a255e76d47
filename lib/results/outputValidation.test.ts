import { describe, expect, it } from "vitest";
import { validateStructured } from "./outputValidation";

const schema = {
  type: "object",
  properties: { count: { type: "integer" }, email: { type: "string", format: "email" } },
  required: ["count"],
  additionalProperties: false,
};

describe("validateStructured", () => {
  it("accepts conforming content", () => {
    expect(validateStructured(schema, { count: 3, email: "a@b.test" })).toEqual([]);
  });

  it("lists every violation with its path", () => {
    expect(validateStructured(schema, { count: "3", email: "nope", extra: 1 })).toEqual([
      { path: "(root)", message: 'must NOT have additional properties: "extra"' },
      { path: "/count", message: "must be integer" },
      { path: "/email", message: 'must match format "email"' },
    ]);
    expect(validateStructured(schema, {})).toEqual([
      { path: "(root)", message: "must have required property 'count'" },
    ]);
  });

  it("uses 2020-12 by default and draft-07 when declared", () => {
    const tuple2020 = { type: "array", prefixItems: [{ type: "string" }], items: false };
    expect(validateStructured(tuple2020, ["a", "b"])).toHaveLength(1);
    const draft07 = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "array",
      items: [{ type: "string" }],
      additionalItems: false,
    };
    expect(validateStructured(draft07, ["a"])).toEqual([]);
    expect(validateStructured(draft07, ["a", 1])).toHaveLength(1);
    const draft04 = { $schema: "http://json-schema.org/draft-04/schema#", type: "object", required: ["a"] };
    expect(validateStructured(draft04, {})).toHaveLength(1);
  });

  it("reports an uncompilable schema as one violation", () => {
    const result = validateStructured({ type: "nonsense" }, {});
    expect(result).toHaveLength(1);
    expect(result[0]?.message).toMatch(/could not be compiled/);
    expect(validateStructured({ $ref: "#/nowhere" }, {})[0]?.message).toMatch(/could not be compiled/);
    expect(validateStructured(null, {})).toHaveLength(1);
  });

  it("caches validators per schema object and tolerates a reused $id", () => {
    const a = { $id: "https://example.test/out.json", type: "object", required: ["x"] };
    const b = { $id: "https://example.test/out.json", type: "object", required: ["y"] };
    expect(validateStructured(a, { x: 1 })).toEqual([]);
    expect(validateStructured(b, { x: 1 })).toHaveLength(1);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) validateStructured(a, { x: i });
    expect(performance.now() - start).toBeLessThan(200);
  });

  it("reports content too deep to validate instead of throwing", () => {
    const recursive = { $defs: { node: { type: "array", items: { $ref: "#/$defs/node" } } }, $ref: "#/$defs/node" };
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(validateStructured(recursive, deep)).toEqual([
      { path: "(root)", message: expect.stringMatching(/^structuredContent could not be validated: .*call stack/) },
    ]);
  });
});
