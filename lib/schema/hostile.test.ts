import { describe, expect, it } from "vitest";
import { buildFormModel } from "./build";
import { fieldErrors } from "./fieldErrors";
import { initialValue } from "./initialValue";
import { LIMITS } from "./limits";
import { as, prop } from "../testing";
import type { FieldNode } from "./types";
import { validateArguments } from "./validate";
import { variantFor } from "./variant";

/** Builds, takes a skeleton and validates it: none of it may throw, and it must be quick. */
function survive(schema: unknown, ms = 2000) {
  const t0 = performance.now();
  const model = buildFormModel(schema);
  const value = initialValue(model.root);
  const errors = validateArguments(schema, value);
  expect(performance.now() - t0).toBeLessThan(ms);
  return { ...model, value, errors };
}

/** Opens `n` lazy levels down the first path it finds. */
function descend(node: FieldNode, n: number): number {
  let cur = node;
  let levels = 0;
  for (let i = 0; i < 10_000 && levels < n; i++) {
    if (cur.kind === "ref") [cur, levels] = [cur.resolve(), levels + 1];
    else if (cur.kind === "object" && cur.properties[0]) cur = cur.properties[0].node;
    else if (cur.kind === "array") cur = cur.items;
    else break;
  }
  return levels;
}

describe("hostile schemas", () => {
  it("an invalid type becomes a JSON field with a warning", () => {
    const { root, warnings, errors } = survive({ type: 42 });
    expect(as(root, "json").reason).toMatch(/invalid type 42/);
    expect(warnings).toHaveLength(1);
    expect(errors[0]?.severity).toBe("warning");
  });

  it("non-object properties, required and enum are noted and ignored", () => {
    const { root, warnings } = survive({ type: "object", properties: "x", required: 7, additionalProperties: false });
    expect(as(root, "object").properties).toEqual([]);
    expect(warnings.join("\n")).toMatch(/'properties' is not an object/);
    expect(warnings.join("\n")).toMatch(/'required' is not an array/);
    expect(survive({ enum: "nope" }).warnings.join()).toMatch(/'enum' is not an array/);
    expect(survive([1, 2]).root.kind).toBe("json");
    expect(survive(null).root.kind).toBe("json");
  });

  it("a $ref cycle a → b → a is reported, not followed", () => {
    const { root, warnings } = survive({
      type: "object",
      properties: { x: { $ref: "#/$defs/a" } },
      $defs: { a: { $ref: "#/$defs/b" }, b: { $ref: "#/$defs/a" } },
    });
    expect(prop(root, "x").kind).toBe("json");
    expect(warnings.join()).toMatch(/cyclic \$ref/);
  });

  it("a root that is only a $ref cycle still builds", () => {
    expect(survive({ $ref: "#/$defs/a", $defs: { a: { $ref: "#/$defs/a" } } }).root.kind).toBe("json");
    expect(survive({ $ref: "#" }).root.kind).toBe("json");
  });

  it('$ref: "#" recursion is opened one level at a time', () => {
    const { root } = survive({ type: "object", properties: { child: { $ref: "#" }, name: { type: "string" } } });
    let node = root;
    for (let i = 0; i < 50; i++) node = as(prop(node, "child"), "ref").resolve();
    expect(as(node, "object").properties.map((p) => p.name)).toEqual(["child", "name"]);
  });

  it("recursive allOf and oneOf through $refs terminate", () => {
    survive({ $defs: { A: { allOf: [{ $ref: "#/$defs/A" }, { $ref: "#/$defs/A" }] } }, $ref: "#/$defs/A" });
    survive({ allOf: [{ $ref: "#" }, { $ref: "#" }], properties: { a: { type: "string" } } });
    const { root } = survive({
      $defs: { E: { oneOf: [{ $ref: "#/$defs/E" }, { type: "object", properties: { e: { $ref: "#/$defs/E" } } }] } },
      $ref: "#/$defs/E",
    });
    expect(["union", "ref", "json", "object"]).toContain(root.kind);
  });

  it("a 1 MB schema builds quickly", () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 2500; i++)
      properties[`p${i}`] = {
        type: "object",
        description: "d".repeat(300),
        properties: { a: { type: "string", enum: ["x", "y"] }, b: { type: "array", items: { type: "number" } } },
      };
    const schema = { type: "object", properties };
    expect(JSON.stringify(schema).length).toBeGreaterThan(1_000_000);
    const t0 = performance.now();
    const { root } = buildFormModel(schema);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(as(root, "object").properties).toHaveLength(2500);
  });

  it("an object with 2,000 properties builds them all", () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) properties[`f${i}`] = { type: i % 2 ? "string" : "number" };
    const { root, errors } = survive({ type: "object", properties, required: ["f0"] }, 3000);
    expect(as(root, "object").properties).toHaveLength(2000);
    expect(prop(root, "f1999").kind).toBe("string");
    expect(errors).toEqual([{ path: "/f0", message: "is required" }]);
  });

  it("1,000 levels of nesting are deferred behind lazy nodes, and can still be opened", () => {
    let schema: unknown = { type: "string" };
    for (let i = 0; i < 1000; i++) schema = { type: "object", properties: { a: schema } };
    const { root, warnings, errors } = survive(schema, 5000);
    expect(warnings.join()).toMatch(/nested deeper than/);
    expect(descend(root, 5)).toBe(5);
    // Either Ajv compiles it and the empty skeleton is valid, or it says it could not: no false errors.
    expect(errors.every((e) => e.severity === "warning")).toBe(true);
  });

  it("deep allOf and array nesting do not overflow the stack", () => {
    let all: unknown = { type: "string" };
    for (let i = 0; i < 1000; i++) all = { allOf: [all] };
    expect(survive(all, 5000).warnings.join()).toMatch(/deeper than/);
    let arr: unknown = { type: "number" };
    for (let i = 0; i < 1000; i++) arr = { type: "array", items: arr };
    expect(survive(arr, 5000).root.kind).toBe("array");
  });

  it("many union branches that each repeat the base stay within the node budget", () => {
    const variants = Array.from({ length: 60 }, (_, i) => ({
      properties: {
        [`v${i}`]: {
          oneOf: Array.from({ length: 60 }, (_, j) => ({
            type: "object",
            properties: { [`w${j}`]: { type: "string" } },
          })),
        },
      },
    }));
    const t0 = performance.now();
    const { root, warnings } = buildFormModel({
      type: "object",
      properties: { id: { type: "string" } },
      oneOf: variants,
    });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(warnings.join()).toMatch(/more than \d+ fields/);
    const u = as(root, "union");
    expect(u.variants).toHaveLength(60);
    expect(variantFor(u, { v7: { w3: "x" } })).toBe(7);
  });

  it("huge enums and bad patterns fall back safely", () => {
    const big = Array.from({ length: LIMITS.enumChoices + 1 }, (_, i) => `v${i}`);
    expect(survive({ enum: big }).root.kind).toBe("json");
    const { root, warnings } = survive({ type: "string", pattern: "([" });
    expect(warnings.join()).toMatch(/not a valid regular expression/);
    expect(fieldErrors(root, "x")).toEqual([]);
  });
});
