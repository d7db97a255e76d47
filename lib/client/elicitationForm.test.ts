import { describe, expect, it } from "vitest";
import { elicitationFields, elicitationResult, initialElicitationValues, validateElicitation } from "./elicitationForm";
import { urlElicitationView } from "./elicitationUrl";

const schema = {
  type: "object" as const,
  properties: {
    name: { type: "string", title: "Name", minLength: 2, maxLength: 5 },
    site: { type: "string", format: "uri" },
    when: { type: "string", format: "date-time" },
    age: { type: "integer", minimum: 0, maximum: 150 },
    ratio: { type: "number", default: 0.5 },
    ok: { type: "boolean" },
    color: { type: "string", enum: ["r", "g"], enumNames: ["Red", "Green"], default: "g" },
    size: {
      type: "string",
      oneOf: [
        { const: "s", title: "Small" },
        { const: "l", title: "Large" },
      ],
    },
    tags: { type: "array", items: { type: "string", enum: ["a", "b", "c"] }, maxItems: 2 },
    blob: { type: "object" },
  },
  required: ["name", "age"],
} as never;

describe("elicitation form", () => {
  const fields = elicitationFields(schema);

  it("models each allowed field kind and keeps the rest as unsupported", () => {
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["name", "text", true],
      ["site", "text", false],
      ["when", "text", false],
      ["age", "number", true],
      ["ratio", "number", false],
      ["ok", "boolean", false],
      ["color", "select", false],
      ["size", "select", false],
      ["tags", "multiselect", false],
      ["blob", "unsupported", false],
    ]);
    expect(fields.find((f) => f.name === "color")).toMatchObject({
      options: [
        { value: "r", label: "Red" },
        { value: "g", label: "Green" },
      ],
    });
    expect(fields.find((f) => f.name === "size")).toMatchObject({
      options: [
        { value: "s", label: "Small" },
        { value: "l", label: "Large" },
      ],
    });
    expect(initialElicitationValues(fields)).toEqual({ ratio: 0.5, ok: false, color: "g" });
  });

  it("checks every constraint and names the field", () => {
    const result = validateElicitation(fields, {
      name: "x",
      site: "no uri",
      when: "2026-01-01",
      age: "1.5",
      ok: "yes" as never,
      color: "blue",
      size: "l",
      tags: ["a", "b", "c"],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "At least 2 characters.",
        site: "Enter an absolute URI.",
        when: expect.stringContaining("date and time"),
        age: "Enter a whole number.",
        ok: "Choose yes or no.",
        color: "Choose one of the options.",
        tags: "Choose at most 2.",
      },
    });
    expect(validateElicitation(fields, {})).toMatchObject({
      ok: false,
      errors: { name: "Required.", age: "Required." },
    });
  });

  it("sends typed content, leaving empty optional fields out", () => {
    const result = validateElicitation(fields, {
      ...initialElicitationValues(fields),
      name: "Ada",
      age: "36",
      site: "",
      when: "2026-09-01T10:00:00Z",
      tags: [],
    });
    expect(result).toEqual({
      ok: true,
      content: { name: "Ada", age: 36, ratio: 0.5, ok: false, color: "g", when: "2026-09-01T10:00:00Z" },
    });
    if (result.ok)
      expect(elicitationResult("accept", result.content)).toEqual({ action: "accept", content: result.content });
    expect(elicitationResult("decline", { a: 1 })).toEqual({ action: "decline" });
    expect(elicitationResult("cancel")).toEqual({ action: "cancel" });
  });

  it("refuses to accept when a required field is outside the restricted schema", () => {
    const f = elicitationFields({
      type: "object",
      properties: { x: { type: "string", format: "hostname" } },
      required: ["x"],
    } as never);
    expect(validateElicitation(f, { x: "a" })).toMatchObject({
      ok: false,
      errors: { x: expect.stringContaining("hostname") },
    });
  });
});

describe("URL elicitation view", () => {
  it("offers only http(s) URLs as links", () => {
    expect(urlElicitationView({ message: "m", url: "https://auth.example.com/x?y=1", elicitationId: "e" })).toEqual({
      message: "m",
      url: "https://auth.example.com/x?y=1",
      href: "https://auth.example.com/x?y=1",
      host: "auth.example.com",
      elicitationId: "e",
      blocked: undefined,
    });
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "not a url"]) {
      const view = urlElicitationView({ message: "m", url });
      expect(view.href).toBeUndefined();
      expect(view.blocked).toMatch(/http/);
    }
  });
});
