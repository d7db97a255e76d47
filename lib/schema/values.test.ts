import { describe, expect, it } from "vitest";
import { buildFormModel } from "./build";
import { fieldErrors } from "./fieldErrors";
import { constraintSummary } from "./describe";
import { emptyValue, initialValue } from "./initialValue";
import { pointer, pointerSegments } from "./pointer";
import { as, deepFreeze, prop } from "../testing";
import { validateArguments } from "./validate";
import { arrayMove, arrayRemove, freshKey, getAt, renameKey, setAt } from "./values";

describe("paths", () => {
  it("are JSON Pointers, escaped both ways", () => {
    expect(pointer([])).toBe("");
    expect(pointer(["a/b", "c~d", 0])).toBe("/a~1b/c~0d/0");
    expect(pointerSegments("/a~1b/c~0d/0")).toEqual(["a/b", "c~d", "0"]);
  });
});

describe("getAt / setAt", () => {
  const value = deepFreeze({
    location: { city: "Oslo", extra: { keep: [1, 2] } },
    tags: ["a", "b"],
    unknown: { deep: true },
  });

  it("reads values at paths, undefined when missing", () => {
    expect(getAt(value, ["location", "city"])).toBe("Oslo");
    expect(getAt(value, ["tags", 1])).toBe("b");
    expect(getAt(value, ["tags", "1"])).toBeUndefined();
    expect(getAt(value, ["nope", "x"])).toBeUndefined();
  });

  it("sets immutably, sharing and preserving everything it does not touch", () => {
    const next = setAt(value, ["location", "city"], "Bergen") as typeof value;
    expect(next.location.city).toBe("Bergen");
    expect(value.location.city).toBe("Oslo");
    expect(next.location.extra).toBe(value.location.extra);
    expect(next.unknown).toBe(value.unknown);
    expect(next.tags).toBe(value.tags);
    expect(Object.keys(next)).toEqual(Object.keys(value));
  });

  it("removes keys with undefined and creates missing containers", () => {
    expect(setAt(value, ["location", "city"], undefined)).toEqual({
      ...value,
      location: { extra: value.location.extra },
    });
    expect(setAt(undefined, ["a", 0, "b"], 1)).toEqual({ a: [{ b: 1 }] });
    // Clearing inside an array keeps every item (issue 11, item 4): only arrayRemove removes one.
    expect(setAt(["x", "y"], [1], undefined)).toEqual(["x", null]);
    expect(setAt(["x", "y"], [0], undefined)).toEqual([null, "y"]);
    expect(setAt({ a: [[1, 2]] }, ["a", 0, 1], undefined)).toEqual({ a: [[1, null]] });
  });

  it("round-trips through JSON text unchanged", () => {
    const edited = setAt(value, ["tags", 2], "c");
    expect(JSON.parse(JSON.stringify(edited))).toEqual(edited);
    expect(JSON.stringify(setAt(value, ["location", "city"], "Oslo"))).toBe(JSON.stringify(value));
  });

  it("moves, removes and renames without touching the input", () => {
    const arr = deepFreeze([1, 2, 3]);
    expect(arrayMove(arr, 0, 2)).toEqual([2, 3, 1]);
    expect(arrayMove(arr, 0, 5)).toEqual([1, 2, 3]);
    expect(arrayRemove(arr, 1)).toEqual([1, 3]);
    const obj = deepFreeze({ a: 1, b: 2, c: 3 });
    expect(Object.keys(renameKey(obj, "b", "z"))).toEqual(["a", "z", "c"]);
    expect(renameKey(obj, "b", "c")).toBe(obj);
    expect(freshKey(obj)).toBe("");
    expect(freshKey({ "": 1, key2: 1 })).toBe("key3");
  });
});

describe("initialValue", () => {
  const schema = {
    type: "object",
    properties: {
      name: { type: "string" },
      count: { type: "integer", default: 3 },
      flag: { type: "boolean" },
      mode: { const: "fast" },
      opts: { type: "object", properties: { deep: { type: "boolean" } }, required: ["deep"] },
      list: { type: "array", items: { type: "string" } },
      optional: { type: "object", properties: { x: { type: "string", default: "d" } } },
    },
    required: ["name", "flag", "mode", "opts", "list"],
  };

  it("fills the required skeleton, never inventing optional values or text, nor sending optional defaults", () => {
    // `count` is optional: its default 3 is shown as a placeholder, not sent (issue 11, item 5).
    expect(initialValue(buildFormModel(schema).root)).toEqual({
      flag: false,
      mode: "fast",
      opts: { deep: false },
      list: [],
    });
  });

  it("starts a required field with its default: it must be sent, and the schema suggests that value", () => {
    expect(
      initialValue({
        type: "object",
        properties: { n: { type: "integer", default: 3 }, s: { type: "string", default: "x" } },
        required: ["n"],
      }),
    ).toEqual({ n: 3 });
  });

  it("accepts a schema as well as a node", () => {
    expect(initialValue(schema)).toEqual(initialValue(buildFormModel(schema).root));
  });
});

describe("fieldErrors", () => {
  const { root } = buildFormModel({
    type: "object",
    properties: {
      s: { type: "string", minLength: 2, maxLength: 3, pattern: "^[a-z]+$" },
      mail: { type: "string", format: "email" },
      n: { type: "integer", minimum: 1, exclusiveMaximum: 10, multipleOf: 2 },
      f: { type: "number", multipleOf: 0.1 },
      list: { type: "array", minItems: 1, maxItems: 2, uniqueItems: true },
      choice: { enum: ["a", "b"] },
      maybe: { type: ["string", "null"], minLength: 2 },
    },
  });

  it("checks a field's own constraints", () => {
    expect(fieldErrors(prop(root, "s"), "A")).toEqual([
      "must be at least 2 characters",
      "must match the pattern ^[a-z]+$",
    ]);
    expect(fieldErrors(prop(root, "s"), "abcd")).toEqual(["must be at most 3 characters"]);
    expect(fieldErrors(prop(root, "mail"), "nope")).toEqual(["must be a valid email"]);
    expect(fieldErrors(prop(root, "mail"), "a@b.co")).toEqual([]);
    expect(fieldErrors(prop(root, "n"), 1.5)).toEqual(["must be an integer", "must be a multiple of 2"]);
    expect(fieldErrors(prop(root, "n"), 10)).toEqual(["must be < 10"]);
    expect(fieldErrors(prop(root, "n"), 0)).toEqual(["must be ≥ 1"]);
    expect(fieldErrors(prop(root, "f"), 0.3)).toEqual([]);
    expect(fieldErrors(prop(root, "list"), [])).toEqual(["must have at least 1 items"]);
    expect(
      fieldErrors(prop(root, "list"), [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ]),
    ).toEqual(["items must be unique"]);
    expect(fieldErrors(prop(root, "choice"), "c")).toEqual(["must be one of the listed choices"]);
    expect(fieldErrors(prop(root, "maybe"), null)).toEqual([]);
    expect(fieldErrors(prop(root, "maybe"), "x")).toEqual(["must be at least 2 characters"]);
  });

  it("reports type mismatches and nothing for absent values", () => {
    expect(fieldErrors(prop(root, "s"), 3)).toEqual(["must be a string, not integer"]);
    expect(fieldErrors(as(root, "object"), [])).toEqual(["must be an object, not array"]);
    expect(fieldErrors(prop(root, "s"), undefined)).toEqual([]);
  });
});

describe("emptyValue and constraintSummary", () => {
  it("gives added rows a value of the right type", () => {
    const { root } = buildFormModel({
      type: "object",
      properties: {
        s: { type: "string" },
        n: { type: "integer", minimum: 5 },
        u: { anyOf: [{ type: "string" }, { type: "null" }] },
        j: {},
      },
    });
    expect(["s", "n", "u", "j"].map((k) => emptyValue(prop(root, k)))).toEqual(["", 5, null, null]);
    expect(constraintSummary(prop(root, "n"))).toBe("integer, ≥ 5");
    expect(constraintSummary(prop(root, "s"))).toBeUndefined();
  });
});

describe("the model leaves schemas and values alone", () => {
  const schema = deepFreeze({
    type: "object",
    properties: {
      name: { type: "string" },
      pet: { oneOf: [{ $ref: "#/$defs/Cat" }, { $ref: "#/$defs/Dog" }] },
      both: { allOf: [{ properties: { a: { type: "string" } } }, { properties: { b: { type: "number" } } }] },
      maybe: { anyOf: [{ type: "string" }, { type: "null" }] },
    },
    $defs: {
      Cat: { type: "object", properties: { kind: { const: "cat" } } },
      Dog: { type: "object", properties: { kind: { const: "dog" } } },
    },
  });

  it("builds, resolves and validates a frozen schema without writing to it", () => {
    const { root } = buildFormModel(schema);
    const pet = as(prop(root, "pet"), "union");
    for (const v of pet.variants) if (v.node.kind === "ref") v.node.resolve();
    expect(validateArguments(schema, { name: 1 })).toEqual([{ path: "/name", message: "must be string" }]);
  });

  it("keeps properties the schema does not know when another field is edited", () => {
    const value = deepFreeze({ name: "x", pet: { kind: "cat", whiskers: 12 }, unknown: { nested: [1, { a: null }] } });
    const edited = setAt(value, ["pet", "kind"], "dog");
    expect(edited).toEqual({ name: "x", pet: { kind: "dog", whiskers: 12 }, unknown: { nested: [1, { a: null }] } });
    expect(JSON.parse(JSON.stringify(edited))).toEqual(edited);
    expect(value.pet.kind).toBe("cat");
  });
});
