import { describe, expect, it } from "vitest";
import { firstErrorLine, stripAnsi } from "./ansi";

describe("stripAnsi", () => {
  it("removes colours, cursor moves and OSC links, keeps the text", () => {
    expect(stripAnsi("\u001b[2mdim\u001b[22m \u001b[31;1mred\u001b[0m")).toBe("dim red");
    expect(stripAnsi("\u001b]8;;https://x.test\u0007link\u001b]8;;\u0007 \u001b[2K\u001b[1G")).toBe("link ");
    expect(stripAnsi("plain [2m text")).toBe("plain [2m text");
  });
});

describe("firstErrorLine", () => {
  it("finds the line that matters in a crash's stderr", () => {
    const lines = [
      "node:internal/modules/cjs/loader:1228",
      "  throw err;",
      "\u001b[31mError: Cannot find module '/x/y.js'\u001b[39m",
      "Require stack:",
      "Node.js v20.20.2",
    ];
    expect(firstErrorLine(lines)).toBe(2);
    expect(firstErrorLine(["all good", "listening"])).toBe(-1);
  });
});
