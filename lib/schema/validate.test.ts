import { describe, expect, it } from "vitest";
import { validateArguments } from "./validate";

describe("validateArguments", () => {
  const schema = {
    type: "object",
    properties: {
      query: { type: "string", minLength: 1 },
      "a/b": { type: "number" },
      location: {
        type: "object",
        properties: { city: { type: "string" } },
        required: ["city"],
        additionalProperties: false,
      },
      tags: { type: "array", items: { type: "string", format: "email" } },
    },
    required: ["query"],
  };

  it("returns nothing for valid arguments", () => {
    expect(validateArguments(schema, { query: "x", location: { city: "Oslo" } })).toEqual([]);
  });

  it("puts errors on the fields they are about, as JSON Pointers", () => {
    const errors = validateArguments(schema, { "a/b": "x", location: { zip: 1 }, tags: ["ok@x.io", "bad"] });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "/query", message: "is required" },
        { path: "/a~1b", message: "must be number" },
        { path: "/location/city", message: "is required" },
        { path: "/location/zip", message: "is not allowed by the schema" },
        { path: "/tags/1", message: 'must match format "email"' },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it("reports only the closest branch of a failed union", () => {
    const pets = {
      type: "object",
      properties: { pet: { anyOf: [{ $ref: "#/$defs/Cat" }, { $ref: "#/$defs/Dog" }] } },
      $defs: {
        Cat: {
          type: "object",
          properties: { kind: { const: "cat" }, lives: { type: "integer" } },
          required: ["kind", "lives"],
        },
        Dog: {
          type: "object",
          properties: { kind: { const: "dog" }, bark: { type: "string" } },
          required: ["kind", "bark"],
        },
      },
    };
    expect(validateArguments(pets, { pet: { kind: "cat", lives: "x" } })).toEqual([
      { path: "/pet/lives", message: "must be integer" },
    ]);
    const inline = {
      oneOf: [{ type: "string" }, { type: "object", properties: { a: { type: "number" } }, required: ["a"] }],
    };
    expect(validateArguments(inline, { a: "x" })).toEqual([{ path: "/a", message: "must be number" }]);
  });

  it("uses the dialect $schema names", () => {
    const tuple07 = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "array",
      items: [{ type: "number" }],
      additionalItems: false,
    };
    expect(validateArguments(tuple07, [1, 2]).map((e) => e.path)).toEqual([""]);
    expect(validateArguments(tuple07, [1])).toEqual([]);
    const tuple2020 = { type: "array", prefixItems: [{ type: "number" }], items: false };
    expect(validateArguments(tuple2020, ["x", 2]).map((e) => e.path)).toEqual(["/0", ""]);
    const draft04 = {
      $schema: "http://json-schema.org/draft-04/schema#",
      type: "object",
      properties: { n: { type: "number" } },
    };
    expect(validateArguments(draft04, { n: "x" })).toEqual([{ path: "/n", message: "must be number" }]);
  });

  it("caches the compiled validator per schema object", () => {
    const s = { type: "object", properties: { big: { type: "string" } } };
    validateArguments(s, {});
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) validateArguments(s, { big: "x" });
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it("turns an uncompilable schema into a warning, never an exception", () => {
    const bad = validateArguments({ type: 42 }, {});
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ path: "", severity: "warning" });
    expect(bad[0]!.message).toMatch(/could not be compiled/);
    const odd = validateArguments({ type: "object", properties: { n: { type: "number", minimum: "3" } } }, { n: "x" });
    expect(odd.some((e) => e.severity === "warning")).toBe(true);
    expect(validateArguments("nope", {})[0]!.severity).toBe("warning");
    expect(validateArguments({ type: "string", format: "color" }, "red")).toEqual([]);
  });
});
