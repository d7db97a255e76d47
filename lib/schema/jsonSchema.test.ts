import { afterEach, describe, expect, it } from "vitest";
import { compileSchema, type CompiledSchema, type SchemaError } from "./jsonSchema";
import { validateArguments } from "./validate";

function compiled(schema: unknown): CompiledSchema {
  const c = compileSchema(schema);
  if ("error" in c) throw new Error(c.error);
  return c;
}
const brief = (errors: SchemaError[]) => errors.map((e) => [e.instancePath, e.message]);

describe("eval-free validation (issue 19 item 13)", () => {
  const NativeFunction = globalThis.Function;
  afterEach(() => {
    globalThis.Function = NativeFunction;
  });

  it("never builds code: it works with the Function constructor refused, as under a CSP without 'unsafe-eval'", () => {
    globalThis.Function = function () {
      throw new EvalError("Function refused (no 'unsafe-eval')");
    } as unknown as FunctionConstructor;
    const schema = {
      type: "object",
      properties: { n: { type: "integer", minimum: 1 }, s: { type: "string", pattern: "^a+$", format: "email" } },
      required: ["n"],
    };
    expect(validateArguments(schema, { n: 0, s: "b" })).toEqual([
      { path: "/n", message: "must be >= 1" },
      { path: "/s", message: 'must match pattern "^a+$"' },
      { path: "/s", message: 'must match format "email"' },
    ]);
  });

  it("speaks Ajv's words for each keyword", () => {
    const schema = {
      type: "object",
      properties: {
        a: { type: ["string", "null"] },
        b: { enum: [1, 2] },
        c: { const: "x" },
        d: { minLength: 2, maxLength: 3 },
        e: { minItems: 3, uniqueItems: true },
        f: { exclusiveMinimum: 0, exclusiveMaximum: 5, multipleOf: 2 },
        g: { not: { type: "string" } },
        h: { contains: { const: 1 } },
        i: { minProperties: 2 },
        j: { if: { type: "string" }, then: { minLength: 3 } },
        k: false,
      },
      dependentRequired: { a: ["z"] },
    };
    expect(
      brief(
        compiled(schema).validate({
          a: 1,
          b: 3,
          c: "y",
          d: "x",
          e: [1, 1],
          f: 5,
          g: "s",
          h: [2],
          i: {},
          j: "ab",
          k: 1,
        }),
      ),
    ).toEqual([
      ["", "must have property z when property a is present"],
      ["/a", "must be string,null"],
      ["/b", "must be equal to one of the allowed values"],
      ["/c", "must be equal to constant"],
      ["/d", "must NOT have fewer than 2 characters"],
      ["/e", "must NOT have fewer than 3 items"],
      ["/e", "must NOT have duplicate items (items ## 1 and 0 are identical)"],
      ["/f", "must be < 5"],
      ["/f", "must be multiple of 2"],
      ["/g", "must NOT be valid"],
      ["/h", "must contain at least 1 valid item(s)"],
      ["/i", "must NOT have fewer than 2 properties"],
      ["/j", 'must match "then" schema'],
      ["/j", "must NOT have fewer than 3 characters"],
      ["/k", "boolean schema is false"],
    ]);
  });

  it("follows $ref, $defs, definitions, $id-relative and anchor refs, and 2019-09 recursive refs", () => {
    const s2020 = {
      $id: "https://example.test/root.json",
      $defs: { pos: { $anchor: "pos", type: "integer", minimum: 1 } },
      properties: { a: { $ref: "#pos" }, b: { $ref: "root.json#/$defs/pos" } },
    };
    expect(brief(compiled(s2020).validate({ a: 0, b: "x" }))).toEqual([
      ["/a", "must be >= 1"],
      ["/b", "must be integer"],
    ]);
    const s07 = {
      $schema: "http://json-schema.org/draft-07/schema#",
      definitions: { n: { type: "number" } },
      properties: { x: { $ref: "#/definitions/n", type: "string" } },
    };
    expect(brief(compiled(s07).validate({ x: "s" }))).toEqual([["/x", "must be number"]]); // draft-07 ignores $ref's siblings
    const s2019 = {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $recursiveAnchor: true,
      type: "object",
      properties: { kids: { type: "array", items: { $recursiveRef: "#" } }, n: { type: "number" } },
    };
    expect(brief(compiled(s2019).validate({ kids: [{ n: "x" }] }))).toEqual([["/kids/0/n", "must be number"]]);
  });

  it("draft-04 boolean exclusive bounds", () => {
    const s = {
      $schema: "http://json-schema.org/draft-04/schema#",
      type: "number",
      minimum: 1,
      exclusiveMinimum: true,
    };
    expect(brief(compiled(s).validate(1))).toEqual([["", "must be > 1"]]);
  });

  it("writes nothing into the caller's schema, and leaves the global RegExp as it was, even after a throw", () => {
    const schema = {
      type: "object",
      properties: { x: { $ref: "#/$defs/x" } },
      $defs: { x: { type: "string", pattern: "^x" } },
    };
    const before = JSON.stringify(schema);
    const c = compiled(schema);
    c.validate({ x: "y" });
    expect(JSON.stringify(schema)).toBe(before);
    const loop = compiled({ $ref: "#/$defs/a", $defs: { a: { $ref: "#/$defs/a" } } });
    expect(() => loop.validate(1)).toThrow(RangeError);
    expect(globalThis.RegExp).toBe(/x/.constructor);
    expect(new RegExp("a+").test("caa")).toBe(true);
  });

  it("reports keywords of the wrong shape, and refuses unknown types and unresolvable refs", () => {
    expect(compiled({ properties: { n: { minimum: "3", required: "x" } } }).problems).toEqual([
      "'required' at #/properties/n is not an array of names",
      "'minimum' at #/properties/n is not a number",
    ]);
    expect(compileSchema({ type: "nonsense" })).toEqual({ error: 'invalid type "nonsense" at #' });
    expect(compileSchema({ properties: { a: { $ref: "https://example.test/elsewhere.json" } } })).toEqual({
      error: "can't resolve reference https://example.test/elsewhere.json",
    });
  });

  it("keys with slashes, tildes and non-ASCII characters keep their JSON Pointer paths", () => {
    const schema = {
      properties: { "a/b": { type: "number" }, "c~d": { type: "number" }, "é x%": { type: "number" } },
      additionalProperties: false,
    };
    expect(brief(compiled(schema).validate({ "a/b": "1", "c~d": "1", "é x%": "1", "n/o": 1 }))).toEqual([
      ["/a~1b", "must be number"],
      ["/c~0d", "must be number"],
      ["/é x%", "must be number"],
      ["", "must NOT have additional properties"],
    ]);
    expect(validateArguments(schema, { "n/o": 1 })).toEqual([
      { path: "/n~1o", message: "is not allowed by the schema" },
    ]);
  });
});
