import { describe, expect, it } from "vitest";
import { validateStructured } from "../results/outputValidation";
import { buildFormModel } from "./build";
import { fieldErrors } from "./fieldErrors";
import { POLYNOMIAL_INPUT_LIMIT, regexFor, repeatsQuantifiedGroup } from "./regex";
import { prop } from "./testing";
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
    const schema = { type: "object", properties: { x: { type: "string", pattern: "^a$" }, y: { type: "string", pattern: "^b$" } } };
    expect(validateArguments(schema, { x: "a", y: "b" })).toEqual([]);
    expect(validateArguments(schema, { x: "b", y: "a" }).map((e) => e.path)).toEqual(["/x", "/y"]);
  });

  it("patternProperties keys use it too", () => {
    const schema = { type: "object", patternProperties: { "^(x+x+)+y$": { type: "number" } }, additionalProperties: false };
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

  it("lookahead without repeated groups: checked by the browser's engine up to a length", () => {
    const re = regexFor("^(?=.*\\d).{8,}$")!;
    expect(re.why).toContain(String(POLYNOMIAL_INPUT_LIMIT));
    expect(re.test("abcdefgh")).toBe(false);
    expect(re.test("abcdefg1")).toBe(true);
    expect(re.test("x".repeat(POLYNOMIAL_INPUT_LIMIT + 1))).toBe(true); // not checked: too long
  });

  it("back-references work", () => {
    const re = regexFor("^(\\w)\\1$")!;
    expect([re.test("aa"), re.test("ab")]).toEqual([true, false]);
  });

  it("a backtracking-only pattern that repeats a quantified group is not run at all, and says so", () => {
    const re = regexFor("^(?=(a+)+b)")!;
    expect(re.why).toContain("not checked");
    expect(re.test(evilInput)).toBe(true);
    const model = buildFormModel({ type: "object", properties: { s: { type: "string", pattern: "^(?=(a+)+b)" } } });
    expect(prop(model.root, "s").notes.join(" ")).toContain("not checked here");
  });

  it("an invalid pattern is null, and Ajv reports the schema instead of throwing", () => {
    expect(regexFor("(")).toBeNull();
    const errors = validateArguments({ type: "object", properties: { s: { type: "string", pattern: "(" } } }, { s: "x" });
    expect(errors[0]?.severity).toBe("warning");
  });

  it("spots repeated quantified groups", () => {
    for (const p of ["(a+)+", "(a|b)*", "(?:x\\d*){2,}", "((a)b*)+", "(a?)+"]) expect(repeatsQuantifiedGroup(p), p).toBe(true);
    for (const p of ["(a+)", "(ab)+", "[(a+)]+", "\\(a+\\)+", "(a|b)?", "(?=.*\\d)"]) expect(repeatsQuantifiedGroup(p), p).toBe(false);
  });
});
