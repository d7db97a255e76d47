import { describe, expect, it } from "vitest";
import { templateMatches } from "./templateMatch";
import { parseTemplate } from "./uriTemplate";

const matches = (template: string, uri: string) => templateMatches(parseTemplate(template), uri);

describe("templateMatches", () => {
  it("matches URIs a template can expand to, and no others", () => {
    expect(matches("demo://resource/dynamic/text/{id}", "demo://resource/dynamic/text/1")).toBe(true);
    expect(matches("demo://resource/dynamic/text/{id}", "demo://resource/dynamic/blob/1")).toBe(false);
    expect(matches("file:///{+path}{?q,lang}", "file:///a/b?q=1")).toBe(true);
    expect(matches("x://{a}/mid/{b}.json", "x://1/mid/2.json")).toBe(true);
    expect(matches("x://{a}/mid/{b}.json", "x://1/other/2.json")).toBe(false);
    expect(matches("x://fixed", "x://fixed")).toBe(true);
    expect(matches("ab{x}ba", "aba")).toBe(false);
  });
});
