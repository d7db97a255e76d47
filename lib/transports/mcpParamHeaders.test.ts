import { describe, expect, it } from "vitest";
import { encodeHeaderValue, mcpParamHeaders, scanHeaderDeclarations } from "./mcpParamHeaders";

const schema = (properties: Record<string, unknown>) => ({ type: "object", properties });

describe("SEP-2243 x-mcp-header", () => {
  it("mirrors annotated primitives, omits null and unannotated, Base64 for unsafe strings", () => {
    const scan = scanHeaderDeclarations(
      schema({
        region: { type: "string", "x-mcp-header": "Region" },
        priority: { type: "integer", "x-mcp-header": "Priority" },
        verbose: { type: "boolean", "x-mcp-header": "Verbose" },
        text: { type: "string", "x-mcp-header": "Text" },
        query: { type: "string" },
        nested: { type: "object", properties: { id: { type: "string", "x-mcp-header": "Id" } } },
      }),
    );
    expect(scan.valid).toBe(true);
    if (!scan.valid) return;
    const headers = mcpParamHeaders(scan.declarations, {
      region: "us-west1",
      priority: 42,
      verbose: null,
      text: "Hello, 世界",
      query: "SELECT 1",
      nested: { id: "a b" },
    });
    expect(headers).toEqual({
      "Mcp-Param-Region": "us-west1",
      "Mcp-Param-Priority": "42",
      "Mcp-Param-Text": `=?base64?${Buffer.from("Hello, 世界").toString("base64")}?=`,
      "Mcp-Param-Id": "a b",
    });
    expect(encodeHeaderValue(" padded ")).toBe(`=?base64?${Buffer.from(" padded ").toString("base64")}?=`);
    expect(encodeHeaderValue("line1\nline2")).toMatch(/^=\?base64\?/);
    expect(encodeHeaderValue("true")).toBe("true");
  });

  it.each([
    ["empty", { v: { type: "string", "x-mcp-header": "" } }],
    ["object", { v: { type: "object", "x-mcp-header": "Data" } }],
    ["number", { v: { type: "number", "x-mcp-header": "Score" } }],
    ["space", { v: { type: "string", "x-mcp-header": "My Region" } }],
    ["colon", { v: { type: "string", "x-mcp-header": "Region:Primary" } }],
    ["non-ASCII", { v: { type: "string", "x-mcp-header": "Région" } }],
    [
      "duplicate",
      { a: { type: "string", "x-mcp-header": "MyField" }, b: { type: "string", "x-mcp-header": "myfield" } },
    ],
    ["under items", { v: { type: "array", items: { type: "string", "x-mcp-header": "Item" } } }],
  ])("rejects an invalid declaration (%s)", (_, properties) => {
    expect(scanHeaderDeclarations(schema(properties)).valid).toBe(false);
  });
});
