import { describe, expect, it } from "vitest";
import { buildFormModel } from "./build";
import { initialValue } from "./initialValue";
import { as, prop } from "../testing";

const tree = {
  type: "object",
  properties: { root: { $ref: "#/$defs/Node" }, color: { $ref: "#/$defs/Color" } },
  $defs: {
    Node: {
      type: "object",
      title: "Tree node",
      properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/Node" } } },
      required: ["label"],
    },
    Color: { enum: ["red", "green"] },
  },
};

describe("$ref", () => {
  it("keeps refs lazy, one level per resolve()", () => {
    const { root } = buildFormModel(tree);
    const ref = as(prop(root, "root"), "ref");
    expect(ref).toMatchObject({ ref: "#/$defs/Node", target: "Node", title: "Tree node" });
    const node = as(ref.resolve(), "object");
    const items = as(as(node.properties[1]!.node, "array").items, "ref");
    expect(items.ref).toBe("#/$defs/Node");
    expect(items.resolve()).toBe(ref.resolve());
  });

  it("inlines refs to leaf schemas", () => {
    expect(as(prop(buildFormModel(tree).root, "color"), "enum").choices).toHaveLength(2);
  });

  it("resolves draft-07 definitions, $ref siblings and the root", () => {
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      properties: { a: { $ref: "#/definitions/A", description: "outer" }, self: { $ref: "#" } },
      definitions: { A: { type: "object", description: "inner", properties: { x: { type: "number" } } } },
    };
    const { root } = buildFormModel(schema);
    const a = as(prop(root, "a"), "ref");
    expect(a.description).toBe("outer");
    expect(as(a.resolve(), "object").description).toBe("outer");
    const self = as(prop(root, "self"), "ref");
    expect(as(self.resolve(), "object").properties.map((p) => p.name)).toEqual(["a", "self"]);
  });

  it("resolves anchors and $id-relative refs", () => {
    const { root } = buildFormModel({
      $id: "https://example.com/tool.json",
      type: "object",
      properties: { a: { $ref: "#thing" }, b: { $ref: "https://example.com/tool.json#/$defs/T" } },
      $defs: { T: { $anchor: "thing", type: "object", properties: { v: { type: "string" } } } },
    });
    expect(as(as(prop(root, "a"), "ref").resolve(), "object").properties[0]!.name).toBe("v");
    expect(as(as(prop(root, "b"), "ref").resolve(), "object").properties[0]!.name).toBe("v");
  });

  it("shows the root object even when the schema puts it behind a $ref", () => {
    const { root } = buildFormModel({
      $ref: "#/definitions/Args",
      definitions: { Args: { type: "object", properties: { q: { type: "string" } } } },
    });
    expect(as(root, "object").properties[0]!.name).toBe("q");
  });

  it("turns unresolvable refs into JSON fields with a warning", () => {
    const { root, warnings } = buildFormModel({
      type: "object",
      properties: { a: { $ref: "#/$defs/missing" }, b: { $ref: "https://elsewhere.example/s.json" } },
    });
    expect(prop(root, "a").kind).toBe("json");
    expect(prop(root, "b").kind).toBe("json");
    expect(warnings).toHaveLength(2);
  });

  it("builds a bounded skeleton for required recursive refs", () => {
    const { root } = buildFormModel({ type: "object", properties: { next: { $ref: "#" } }, required: ["next"] });
    let v = initialValue(root) as Record<string, unknown>;
    let depth = 0;
    while (v && typeof v === "object" && "next" in v) [v, depth] = [v.next as Record<string, unknown>, depth + 1];
    expect(depth).toBeGreaterThan(3);
    expect(depth).toBeLessThan(20);
  });
});

describe("keywords the form does not render", () => {
  it("keeps not, if/then/else, dependentSchemas and unknown keywords as notes and warnings", () => {
    const { root, warnings } = buildFormModel({
      type: "object",
      properties: { a: { type: "string", not: { const: "x" } }, b: { type: "number", "x-unit": "cm" } },
      if: { properties: { a: { const: "y" } } },
      then: { required: ["b"] },
      dependentSchemas: { a: { required: ["b"] } },
    });
    expect(root.notes.join()).toMatch(/if\/then\/else/);
    expect(root.notes.join()).toMatch(/dependentSchemas/);
    expect(prop(root, "a").notes.join()).toMatch(/'not'/);
    expect(prop(root, "b").notes.join()).toMatch(/unknown keyword "x-unit"/);
    expect(warnings.join("\n")).toMatch(/\/a: 'not'/);
  });

  it("uses a JSON field for any-value and false schemas", () => {
    const { root, warnings } = buildFormModel({ type: "object", properties: { any: {}, yes: true, no: false } });
    expect(["any", "yes", "no"].map((n) => prop(root, n).kind)).toEqual(["json", "json", "json"]);
    expect(as(prop(root, "no"), "json").reason).toMatch(/no value/);
    expect(warnings).toHaveLength(1);
  });
});
