import { describe, expect, it } from "vitest";
import { validateStructured } from "../results";
import { buildFormModel } from "./build";
import { fieldErrors } from "./fieldErrors";
import { regexFor, UNCHECKED_PATTERN } from "./regex";
import { prop } from "../testing";
import { validateArguments } from "./validate";

// With a backtracking engine each of these inputs takes minutes to hours (2^60 steps), so a
// regression shows as a test that never finishes (vitest's 5 s limit), not as a timed assertion.
const EVIL = "^(a+)+$";
const evilInput = "a".repeat(60) + "!";

describe("server-supplied patterns cannot freeze the page", () => {
  it("tests an exponential pattern in linear time, with the right answers", () => {
    const re = regexFor(EVIL)!;
    expect(re.why).toBeUndefined();
    expect(re.test(evilInput)).toBe(false);
    expect(re.test("a".repeat(100_000))).toBe(true);
  });

  it("argument validation (Ajv) uses the same engine", () => {
    const schema = { type: "object", properties: { s: { type: "string", pattern: EVIL } } };
    const errors = validateArguments(schema, { s: evilInput });
    expect(errors.map((e) => [e.path, e.message])).toEqual([["/s", expect.stringContaining("must match pattern")]]);
    expect(validateArguments(schema, { s: "aaaa" })).toEqual([]);
  });

  it("keeps each pattern apart in one schema (Ajv caches compiled patterns by their text)", () => {
    const schema = {
      type: "object",
      properties: { x: { type: "string", pattern: "^a$" }, y: { type: "string", pattern: "^b$" } },
    };
    expect(validateArguments(schema, { x: "a", y: "b" })).toEqual([]);
    expect(validateArguments(schema, { x: "b", y: "a" }).map((e) => e.path)).toEqual(["/x", "/y"]);
  });

  it("patternProperties keys use it too", () => {
    const schema = {
      type: "object",
      patternProperties: { "^(x+x+)+y$": { type: "number" } },
      additionalProperties: false,
    };
    expect(validateArguments(schema, { ["x".repeat(60)]: 1 }).length).toBeGreaterThan(0);
    expect(validateArguments(schema, { xxy: 1 })).toEqual([]);
  });

  it("output validation of structuredContent (schema and content both from the server) uses it", () => {
    const schema = { type: "object", properties: { s: { type: "string", pattern: "(.*a){40}" } } };
    const violations = validateStructured(schema, { s: "a".repeat(39) + "b".repeat(40) });
    expect(violations).toEqual([{ path: "/s", message: expect.stringContaining("must match pattern") }]);
    expect(validateStructured(schema, { s: "a".repeat(40) })).toEqual([]);
  });

  it("the form's own field check uses it", () => {
    const model = buildFormModel({ type: "object", properties: { s: { type: "string", pattern: EVIL } } });
    const field = prop(model.root, "s");
    expect(fieldErrors(field, evilInput)).toEqual([`must match the pattern ${EVIL}`]);
    expect(fieldErrors(field, "aaa")).toEqual([]);
  });
});

describe("JavaScript syntax and patterns RE2 cannot run", () => {
  it("accepts ECMAScript syntax: named groups, escaped slashes, Unicode properties", () => {
    expect(regexFor("^(?<year>\\d{4})-\\d{2}$")!.test("2026-11")).toBe(true);
    expect(regexFor("^https?:\\/\\/")!.test("https://x")).toBe(true);
    expect(regexFor("^\\p{L}+$")!.test("Grüße")).toBe(true);
    expect(regexFor("^\\p{L}+$")!.test("abc1")).toBe(false);
    expect(regexFor("[A-Z]")!.test("abc D")).toBe(true); // a search, not a full match
  });

  // None of these may run in a backtracking engine: each is given an input that would keep one busy
  // for minutes (a regression shows as vitest's 5 s limit), and each is skipped with the form's note.
  const HOSTILE: [string, string][] = [
    ["^(?=a)a*a*a*a*a*a*a*a*$", "a".repeat(60) + "b"], // polynomial, no repeated group: issue 19 item 8
    ["^(?<=x?)(a|a)*$", "a".repeat(40) + "!"], // lookbehind
    ["^(a*)*\\1$", "a".repeat(40) + "!"], // back-reference to a nested quantifier
    ["^(?=(a+)+b)", "a".repeat(40) + "!"], // nested quantifiers inside a lookahead
    ["^(?!(a|aa)+$)", "a".repeat(60)], // negative lookahead around an ambiguous repetition
    ["^(\\w+)\\s*\\1*$", "ab ".repeat(2000) + "!"], // back-reference, repeated
  ];

  it.each(HOSTILE)("%s is valid but never run: skipped with a note, at once", (pattern, input) => {
    const re = regexFor(pattern)!;
    expect(re).not.toBeNull();
    expect(re.why).toBe(UNCHECKED_PATTERN);
    const t0 = performance.now();
    expect(re.test(input)).toBe(true);
    const schema = { type: "object", properties: { s: { type: "string", pattern } } };
    expect(validateArguments(schema, { s: input })).toEqual([]);
    expect(validateStructured(schema, { s: input })).toEqual([]);
    const field = prop(buildFormModel(schema).root, "s");
    expect(fieldErrors(field, input)).toEqual([]);
    expect(field.notes).toEqual([`'pattern' ${JSON.stringify(pattern)}: ${UNCHECKED_PATTERN}`]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("patternProperties keys RE2 cannot run are skipped too (every key may use them)", () => {
    const schema = {
      type: "object",
      patternProperties: { "^(?=a)a*a*a*a*a*a*a*a*$": { type: "number" } },
      additionalProperties: false,
    };
    expect(validateArguments(schema, { ["a".repeat(60) + "b"]: 1 })).toEqual([]);
    expect(buildFormModel(schema).root.notes.join(" ")).toContain("not checked here");
  });

  it("an invalid pattern is null, and Ajv reports the schema instead of throwing", () => {
    expect(regexFor("(")).toBeNull();
    const errors = validateArguments(
      { type: "object", properties: { s: { type: "string", pattern: "(" } } },
      { s: "x" },
    );
    expect(errors[0]?.severity).toBe("warning");
  });
});
