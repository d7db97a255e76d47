import { describe, expect, it } from "vitest";
import { buildFormModel } from "./build";
import { initialValue, variantValue } from "./initialValue";
import { as, prop } from "../testing";
import { variantFor } from "./variant";

const shapes = {
  oneOf: [
    {
      type: "object",
      title: "Circle",
      properties: { type: { const: "circle" }, radius: { type: "number" } },
      required: ["type", "radius"],
    },
    { type: "object", properties: { type: { const: "square" }, side: { type: "number" } }, required: ["type", "side"] },
  ],
};

describe("unions", () => {
  it("detects a discriminating const property, at the root too", () => {
    const u = as(buildFormModel(shapes).root, "union");
    expect(u.combinator).toBe("oneOf");
    expect(u.discriminator).toBe("type");
    expect(u.variants.map((v) => [v.label, v.tag])).toEqual([
      ["Circle", "circle"],
      ["square", "square"],
    ]);
  });

  it("picks the variant by discriminator, then by shape", () => {
    const u = as(buildFormModel(shapes).root, "union");
    expect(variantFor(u, { type: "square", side: 2 })).toBe(1);
    expect(variantFor(u, { side: 2 })).toBe(1);
    expect(variantFor(u, { radius: 1 })).toBe(0);
    expect(variantFor(u, undefined)).toBe(-1);
    const scalar = as(
      buildFormModel({ anyOf: [{ type: "string" }, { type: "number" }, { type: "array", items: { type: "string" } }] })
        .root,
      "union",
    );
    expect([
      variantFor(scalar, "x"),
      variantFor(scalar, 3),
      variantFor(scalar, ["a"]),
      variantFor(scalar, true),
    ]).toEqual([0, 1, 2, -1]);
  });

  it("starts a variant with its tag set", () => {
    const u = as(buildFormModel(shapes).root, "union");
    expect(initialValue(u)).toEqual({ type: "circle" });
    expect(variantValue(u.variants[1]!.node, u.discriminator, u.variants[1]!.tag)).toEqual({ type: "square" });
  });

  it("finds tags behind $refs and uses OpenAPI discriminator mappings", () => {
    const schema = {
      type: "object",
      properties: {
        pet: {
          oneOf: [{ $ref: "#/$defs/Cat" }, { $ref: "#/$defs/Dog" }],
          discriminator: { propertyName: "kind", mapping: { feline: "#/$defs/Cat", canine: "#/$defs/Dog" } },
        },
        animal: { anyOf: [{ $ref: "#/$defs/Cat" }, { $ref: "#/$defs/Dog" }] },
      },
      $defs: {
        Cat: { type: "object", properties: { kind: { type: "string" }, lives: { type: "integer" } } },
        Dog: { type: "object", properties: { kind: { type: "string" }, bark: { type: "string" } } },
      },
    };
    const { root } = buildFormModel(schema);
    const pet = as(prop(root, "pet"), "union");
    expect(pet.discriminator).toBe("kind");
    expect(pet.variants.map((v) => [v.label, v.tag, v.node.kind])).toEqual([
      ["feline", "feline", "ref"],
      ["canine", "canine", "ref"],
    ]);
    const animal = as(prop(root, "animal"), "union");
    expect(animal.discriminator).toBeUndefined();
    expect(animal.variants.map((v) => v.label)).toEqual(["Cat", "Dog"]);
    expect(variantFor(animal, { bark: "woof" })).toBe(1);
  });

  it("applies the properties beside a oneOf to every variant", () => {
    const u = as(
      buildFormModel({
        type: "object",
        properties: { id: { type: "string" } },
        required: ["id"],
        oneOf: [{ properties: { a: { type: "number" } } }, { properties: { b: { type: "number" } } }],
      }).root,
      "union",
    );
    expect(u.variants.map((v) => as(v.node, "object").properties.map((p) => p.name))).toEqual([
      ["id", "a"],
      ["id", "b"],
    ]);
  });

  it("leaves constraint-only unions to validation, with a warning", () => {
    const { root, warnings } = buildFormModel({
      type: "object",
      properties: { a: { type: "string" }, b: { type: "string" } },
      anyOf: [{ required: ["a"] }, { required: ["b"] }],
    });
    expect(root.kind).toBe("object");
    expect(warnings.join()).toMatch(/only adds constraints/);
  });

  it("flattens a union directly inside a union into one picker", () => {
    const u = as(
      buildFormModel({
        anyOf: [{ type: ["string", "number"] }, { type: "object", title: "Obj", properties: { a: {} } }],
      }).root,
      "union",
    );
    expect(u.variants.map((v) => v.label)).toEqual(["string", "number", "Obj"]);
    expect(variantFor(u, 2)).toBe(1);
    const nested = as(
      buildFormModel({ oneOf: [{ title: "A", anyOf: [{ type: "string" }, { type: "boolean" }] }, { type: "number" }] })
        .root,
      "union",
    );
    expect(nested.variants.map((v) => v.label)).toEqual(["A › string", "A › boolean", "number"]);
  });

  it("names look-alike variants by the properties only they have, else uniquely", () => {
    const edit = {
      type: "object",
      properties: { path: { type: "string" }, body: { type: "string" } },
      required: ["path", "body"],
    };
    const u = as(
      buildFormModel({
        anyOf: [
          { ...edit, properties: { ...edit.properties, position: { type: "integer" } } },
          { ...edit, properties: { ...edit.properties, line: { type: "integer" } } },
        ],
      }).root,
      "union",
    );
    expect(u.variants.map((v) => v.label)).toEqual(["with position", "with line"]);
    const root = as(
      buildFormModel({
        type: "object",
        oneOf: [
          { properties: { byId: { type: "integer" } }, required: ["byId"] },
          { properties: { byName: { type: "string" }, exact: { type: "boolean" } }, required: ["byName"] },
        ],
      }).root,
      "union",
    );
    expect(root.variants.map((v) => v.label)).toEqual(["with byId", "with byName, exact"]);
    const subset = as(
      buildFormModel({
        anyOf: [
          { type: "object", properties: { a: {} } },
          { type: "object", properties: { a: {}, b: {} } },
          { type: "object", properties: { a: {} } },
        ],
      }).root,
      "union",
    );
    expect(subset.variants.map((v) => v.label)).toEqual(["object", "with b", "object (2)"]);
  });
});

describe("allOf", () => {
  it("merges properties, required and constraints", () => {
    const { root, warnings } = buildFormModel({
      allOf: [
        { type: "object", properties: { a: { type: "string", minLength: 1 } }, required: ["a"] },
        { properties: { a: { maxLength: 5, minLength: 2 }, b: { type: "integer", minimum: 0 } }, required: ["b"] },
        { $ref: "#/$defs/C" },
      ],
      $defs: { C: { properties: { c: { type: "boolean" } } } },
    });
    expect(warnings).toEqual([]);
    const obj = as(root, "object");
    expect(obj.properties.map((p) => [p.name, p.required, p.node.kind])).toEqual([
      ["a", true, "string"],
      ["b", true, "number"],
      ["c", false, "boolean"],
    ]);
    expect(as(prop(root, "a"), "string")).toMatchObject({ minLength: 2, maxLength: 5 });
  });

  it("intersects types and falls back to JSON when nothing can satisfy it", () => {
    expect(
      as(buildFormModel({ allOf: [{ type: ["integer", "string"] }, { type: "number" }] }).root, "number").integer,
    ).toBe(true);
    const impossible = buildFormModel({ allOf: [{ const: 1 }, { const: 2 }] });
    expect(impossible.root.kind).toBe("json");
    expect(impossible.warnings.join()).toMatch(/different constants/);
  });

  it("names what it cannot fold", () => {
    const { warnings } = buildFormModel({ allOf: [{ type: "string", pattern: "^a" }, { pattern: "b$" }] });
    expect(warnings.join()).toMatch(/disagree on 'pattern'/);
  });
});
