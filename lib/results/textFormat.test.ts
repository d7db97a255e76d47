import { describe, expect, it } from "vitest";
import { JSON_PRETTY_LIMIT } from "./limits";
import { analyzeText, looksLikeMarkdown } from "./textFormat";

describe("analyzeText", () => {
  it("pretty-prints JSON objects and arrays", () => {
    expect(analyzeText(' {"a":[1,2]} ')).toEqual({ kind: "json", pretty: '{\n  "a": [\n    1,\n    2\n  ]\n}' });
    expect(analyzeText("[1]")).toEqual({ kind: "json", pretty: "[\n  1\n]" });
  });

  it("does not parse large JSON eagerly", () => {
    const big = `[${"1,".repeat(JSON_PRETTY_LIMIT)}1]`;
    expect(analyzeText(big)).toEqual({ kind: "large-json" });
  });

  it("falls back when JSON does not parse or is a bare scalar", () => {
    expect(analyzeText("{not json}").kind).toBe("plain");
    expect(analyzeText("42").kind).toBe("plain");
  });

  it("detects markdown, and plain text", () => {
    expect(analyzeText("# Title\n\ntext").kind).toBe("markdown");
    expect(analyzeText("- a\n- b").kind).toBe("markdown");
    expect(analyzeText("see [docs](https://x.test)").kind).toBe("markdown");
    expect(analyzeText("Hello world. The sum is 2 * 3.").kind).toBe("plain");
    expect(analyzeText("def __init__(self): pass").kind).toBe("plain");
  });

  it("lets a mime type decide", () => {
    expect(analyzeText("# not markdown", "text/plain").kind).toBe("plain");
    expect(analyzeText("plain", "text/markdown").kind).toBe("markdown");
    expect(analyzeText('{"a":1}', "application/json; charset=utf-8").kind).toBe("json");
    expect(analyzeText("{bad", "application/json").kind).toBe("plain");
  });

  it("survives JSON nested 100,000 levels", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(["plain", "large-json", "json"]).toContain(analyzeText(deep).kind);
  });

  it("sniffs markdown quickly on hostile text", () => {
    const start = performance.now();
    looksLikeMarkdown("[".repeat(2_000_000));
    looksLikeMarkdown("`".repeat(2_000_000));
    expect(performance.now() - start).toBeLessThan(500);
  });
});
