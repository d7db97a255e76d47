import { describe, expect, it } from "vitest";
import { buildFormModel } from "./build";
import { as, prop } from "../testing";

describe("buildFormModel: objects and scalars", () => {
  const schema = {
    type: "object",
    properties: {
      query: {
        type: "string",
        title: "Query",
        description: "What to search",
        examples: ["cats"],
        minLength: 1,
        maxLength: 50,
        pattern: "^[a-z]+$",
      },
      limit: { type: "integer", minimum: 1, maximum: 100, default: 10, multipleOf: 1 },
      ratio: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
      exact: { type: "boolean", deprecated: true },
      when: { type: "string", format: "date-time", readOnly: true },
      location: {
        type: "object",
        properties: { city: { type: "string" }, zip: { type: "string" } },
        required: ["city"],
      },
    },
    required: ["query"],
  };

  it("turns properties into typed fields with their constraints and annotations", () => {
    const { root, warnings } = buildFormModel(schema);
    expect(warnings).toEqual([]);
    const obj = as(root, "object");
    expect(obj.properties.map((p) => [p.name, p.required, p.node.kind])).toEqual([
      ["query", true, "string"],
      ["limit", false, "number"],
      ["ratio", false, "number"],
      ["exact", false, "boolean"],
      ["when", false, "string"],
      ["location", false, "object"],
    ]);
    const query = as(prop(root, "query"), "string");
    expect(query).toMatchObject({
      title: "Query",
      description: "What to search",
      examples: ["cats"],
      minLength: 1,
      maxLength: 50,
      pattern: "^[a-z]+$",
    });
    expect(as(prop(root, "limit"), "number")).toMatchObject({
      integer: true,
      minimum: 1,
      maximum: 100,
      hasDefault: true,
      default: 10,
    });
    expect(as(prop(root, "ratio"), "number")).toMatchObject({
      integer: false,
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
    });
    expect(prop(root, "exact").deprecated).toBe(true);
    expect(as(prop(root, "when"), "string")).toMatchObject({ format: "date-time", readOnly: true });
    const location = as(prop(root, "location"), "object");
    expect(location.properties.map((p) => [p.name, p.required])).toEqual([
      ["city", true],
      ["zip", false],
    ]);
  });

  it("reads draft-04 boolean exclusive bounds", () => {
    const n = as(buildFormModel({ type: "number", minimum: 0, exclusiveMinimum: true }).root, "number");
    expect(n).toMatchObject({ minimum: undefined, exclusiveMinimum: 0 });
  });

  it("infers the type from type-specific keywords", () => {
    expect(buildFormModel({ properties: { a: { type: "string" } } }).root.kind).toBe("object");
    expect(buildFormModel({ minLength: 2 }).root.kind).toBe("string");
    expect(buildFormModel({}).root.kind).toBe("json");
  });

  it("keeps required names that have no property schema", () => {
    const obj = as(
      buildFormModel({ type: "object", properties: {}, required: ["token"], additionalProperties: false }).root,
      "object",
    );
    expect(obj.properties).toHaveLength(1);
    expect(obj.properties[0]).toMatchObject({ name: "token", required: true });
    expect(obj.properties[0]!.node.kind).toBe("json");
  });

  it("detects the dialect", () => {
    expect(buildFormModel({ type: "object" }).dialect).toBe("2020-12");
    expect(buildFormModel({ $schema: "http://json-schema.org/draft-07/schema#", type: "object" }).dialect).toBe(
      "draft-07",
    );
    expect(buildFormModel({ $schema: "https://json-schema.org/draft/2019-09/schema" }).dialect).toBe("2019-09");
  });
});

describe("buildFormModel: arrays and tuples", () => {
  it("builds arrays of scalars, objects and arrays", () => {
    const { root } = buildFormModel({
      type: "object",
      properties: {
        tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 5, uniqueItems: true },
        people: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
        grid: { type: "array", items: { type: "array", items: { type: "number" } } },
        anything: { type: "array" },
      },
    });
    expect(as(prop(root, "tags"), "array")).toMatchObject({
      minItems: 1,
      maxItems: 5,
      uniqueItems: true,
      items: { kind: "string" },
    });
    expect(as(as(prop(root, "people"), "array").items, "object").properties[0]!.name).toBe("name");
    expect(as(as(as(prop(root, "grid"), "array").items, "array").items, "number").integer).toBe(false);
    expect(as(prop(root, "anything"), "array").items.kind).toBe("json");
  });

  it("reads prefixItems (2020-12) as a tuple with rest items", () => {
    const t = as(
      buildFormModel({
        type: "array",
        prefixItems: [{ type: "number" }, { type: "string" }],
        items: { type: "boolean" },
      }).root,
      "tuple",
    );
    expect(t.prefix.map((p) => p.kind)).toEqual(["number", "string"]);
    expect(t.rest?.kind).toBe("boolean");
    expect(t.restDeclared).toBe(true);
    expect(
      as(buildFormModel({ type: "array", prefixItems: [{ type: "number" }], items: false }).root, "tuple").rest,
    ).toBeNull();
  });

  it("reads items-as-array (draft-07) as a tuple with additionalItems", () => {
    const { root, warnings } = buildFormModel({
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "array",
      items: [{ type: "number" }, { type: "number" }],
      additionalItems: false,
    });
    const t = as(root, "tuple");
    expect(t.prefix).toHaveLength(2);
    expect(t.rest).toBeNull();
    expect(warnings).toEqual([]);
  });

  it("notes draft-07 tuple syntax in a 2020-12 schema but still shows a tuple", () => {
    const { root, warnings } = buildFormModel({ type: "array", items: [{ type: "number" }] });
    expect(root.kind).toBe("tuple");
    expect(warnings.join()).toMatch(/draft-07 syntax/);
  });
});

describe("buildFormModel: enum, const and nullable", () => {
  it("turns enum and const into choices", () => {
    expect(as(buildFormModel({ enum: ["a", 1, null, { x: 1 }] }).root, "enum").choices.map((c) => c.label)).toEqual([
      "a",
      "1",
      "null",
      '{"x":1}',
    ]);
    expect(as(buildFormModel({ const: "fixed" }).root, "enum").choices).toEqual([{ value: "fixed", label: "fixed" }]);
  });

  it("turns a oneOf of titled constants into labelled choices", () => {
    const e = as(
      buildFormModel({
        oneOf: [
          { const: "s", title: "Small" },
          { const: "l", title: "Large" },
        ],
      }).root,
      "enum",
    );
    expect(e.choices).toEqual([
      { value: "s", label: "Small" },
      { value: "l", label: "Large" },
    ]);
  });

  it("wraps type lists with null, OpenAPI nullable and anyOf-with-null", () => {
    for (const schema of [
      { type: ["string", "null"] },
      { type: "string", nullable: true },
      { anyOf: [{ type: "string" }, { type: "null" }] },
    ]) {
      const n = as(buildFormModel(schema).root, "nullable");
      expect(n.inner.kind).toBe("string");
    }
  });

  it("keeps the outer description and a null default on the nullable, not the inner field", () => {
    const n = as(
      buildFormModel({ anyOf: [{ type: "integer" }, { type: "null" }], default: null, description: "Page" }).root,
      "nullable",
    );
    expect(n).toMatchObject({ hasDefault: true, default: null, description: "Page" });
    expect(n.inner.hasDefault).toBe(false);
  });

  it("gives nullable enums a null choice", () => {
    expect(
      as(buildFormModel({ anyOf: [{ enum: ["a", "b"] }, { type: "null" }] }).root, "enum").choices.map((c) => c.value),
    ).toEqual(["a", "b", null]);
    expect(
      as(buildFormModel({ type: ["string", "null"], enum: ["a", null] }).root, "enum").choices.map((c) => c.value),
    ).toEqual(["a", null]);
  });

  it("makes a union of several non-null types", () => {
    const u = as(buildFormModel({ type: ["string", "number", "null"] }).root, "nullable");
    const inner = as(u.inner, "union");
    expect(inner.combinator).toBe("type");
    expect(inner.variants.map((v) => [v.label, v.node.kind])).toEqual([
      ["string", "string"],
      ["number", "number"],
    ]);
  });
});

describe("buildFormModel: maps", () => {
  it("turns schema-valued additionalProperties into a map node", () => {
    const m = as(buildFormModel({ type: "object", additionalProperties: { type: "number" } }).root, "map");
    expect(m.additional?.kind).toBe("number");
    expect(m.open).toBe(false);
  });

  it("keeps patternProperties and a rest map beside declared properties", () => {
    const o = as(
      buildFormModel({
        type: "object",
        properties: { name: { type: "string" } },
        patternProperties: { "^x-": { type: "string" } },
        additionalProperties: false,
      }).root,
      "object",
    );
    expect(o.rest).toMatchObject({ kind: "map", additional: null, declared: ["name"] });
    expect(o.rest!.patterns.map((p) => [p.pattern, p.node.kind])).toEqual([["^x-", "string"]]);
  });

  it("treats an object without properties as an open map, and closed objects as having no rest", () => {
    expect(as(buildFormModel({ type: "object" }).root, "map").open).toBe(true);
    expect(
      as(buildFormModel({ type: "object", properties: { a: {} }, additionalProperties: false }).root, "object").rest,
    ).toBeNull();
  });
});
