import { describe, expect, it } from "vitest";
import { buildFormModel } from "./build";
import { schemaHasDefaults, withDefaults } from "./defaults";
import { initialValue } from "./initialValue";

describe("withDefaults (what 'Send defaults' sends)", () => {
  const schema = {
    type: "object",
    properties: {
      limit: { type: "integer", default: 100 },
      sort: { enum: ["asc", "desc"], default: "asc" },
      verbose: { type: "boolean", default: false },
      given: { type: "string", default: "d" },
      filter: {
        type: "object",
        properties: {
          field: { type: "string", default: "name" },
          deep: { type: "object", properties: { x: { type: "number", default: 1 } } },
        },
      },
      rows: { type: "array", items: { type: "object", properties: { w: { type: "number", default: 2 } } } },
      pick: {
        oneOf: [
          { type: "object", properties: { kind: { const: "a" }, n: { type: "number", default: 5 } } },
          { type: "object", properties: { kind: { const: "b" } } },
        ],
      },
    },
  };
  const root = buildFormModel(schema).root;

  it("are not in the starting arguments (the server applies its own)", () => {
    expect(initialValue(schema)).toEqual({});
  });

  it("fill absent properties of present objects, recursively, and never change a present value", () => {
    const value = { given: "mine", filter: { deep: {} }, rows: [{}, { w: 7 }], pick: { kind: "a" }, extra: 1 };
    expect(withDefaults(root, value)).toEqual({
      limit: 100,
      sort: "asc",
      verbose: false,
      given: "mine",
      filter: { field: "name", deep: { x: 1 } },
      rows: [{ w: 2 }, { w: 7 }],
      pick: { kind: "a", n: 5 },
      extra: 1,
    });
    expect(value).toEqual({ given: "mine", filter: { deep: {} }, rows: [{}, { w: 7 }], pick: { kind: "a" }, extra: 1 });
  });

  it("do not create absent objects", () => {
    expect(withDefaults(root, {})).toEqual({ limit: 100, sort: "asc", verbose: false, given: "d" });
  });

  it("are found anywhere in a schema, so the option is offered only where it does something", () => {
    expect(schemaHasDefaults(schema)).toBe(true);
    expect(
      schemaHasDefaults({
        type: "object",
        properties: { a: { $ref: "#/$defs/A" } },
        $defs: { A: { type: "number", default: 1 } },
      }),
    ).toBe(true);
    expect(schemaHasDefaults({ type: "object", properties: { a: { type: "string", enum: [{ default: 1 }] } } })).toBe(
      false,
    );
  });
});
