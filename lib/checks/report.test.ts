import { describe, expect, it } from "vitest";
import { checksMarkdown } from "./report";
import type { CheckResult } from "./spotCheck";

const result = (over: Partial<CheckResult>): CheckResult => ({
  id: "x",
  title: "A check",
  page: "tools",
  specUrl: "https://modelcontextprotocol.io/specification/2025-11-25/server/tools",
  expected: "error -32602 (Invalid params)",
  level: "must",
  verdict: "pass",
  observed: 'error -32602 "ok"',
  ...over,
});

describe("checks report", () => {
  it("summarises and lists every check as a Markdown table row with its spec link", () => {
    const md = checksMarkdown(
      [
        result({}),
        result({ id: "y", verdict: "fail", observed: "error -32603" }),
        result({ id: "z", verdict: "skipped", level: "should", observed: "stdio only" }),
      ],
      {
        server: { name: "everything", version: "2.0.0" },
        protocolVersion: "2025-11-25",
        transport: "stdio",
        at: "2026-11-26T03:00:00.000Z",
      },
    );
    expect(md).toContain("## MCP spot check: everything 2.0.0");
    expect(md).toContain("Protocol 2025-11-25 over stdio, checked by MCP Lens on 2026-11-26T03:00:00.000Z.");
    expect(md).toContain("1 passed, 1 failed, 0 warnings, 1 skipped.");
    expect(md).toContain(
      "| FAIL | A check | required | `error -32602 (Invalid params)` | `error -32603` | [section](https://modelcontextprotocol.io/specification/2025-11-25/server/tools) |",
    );
    expect(md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Verdict"))).toHaveLength(3);
  });

  it("keeps a server's text from breaking the table", () => {
    const md = checksMarkdown([result({ observed: 'error 1 "a|b\nc `x`"' })], {
      transport: "stdio",
      at: "t",
      server: { name: "evil|name\n## x", version: "1" },
    });
    const row = md.split("\n").find((l) => l.startsWith("| pass"))!;
    expect(row).toContain("`error 1 \"a\\|b c 'x'\"`");
    expect(md).toContain("## MCP spot check: evil\\|name ## x 1");
    expect(md.split("\n").filter((l) => l.startsWith("## "))).toHaveLength(1);
  });
});
