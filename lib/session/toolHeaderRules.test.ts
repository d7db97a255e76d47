import { describe, expect, it } from "vitest";
import { setAsideInvalidHeaders } from "./toolHeaderRules";

const schema = (properties: Record<string, unknown>) => ({ type: "object", properties });

describe("tools with invalid SEP-2243 x-mcp-header annotations", () => {
  it("sets an invalid tool aside with its reason and keeps its place, the valid ones stay listed", () => {
    const good = { name: "valid_tool", inputSchema: schema({ r: { type: "string", "x-mcp-header": "Region" } }) };
    const bad = { name: "bad", inputSchema: schema({ v: { type: "string", "x-mcp-header": "My Region" } }) };
    const out = setAsideInvalidHeaders({ valid: [bad, good], invalid: [] }, 10, 2);
    expect(out.valid).toEqual([good]);
    expect(out.invalid).toHaveLength(1);
    expect(out.invalid[0]).toMatchObject({ index: 10, label: "bad" });
    expect(out.invalid[0]!.violations[0]!.path).toBe("/inputSchema/properties/v/x-mcp-header");
    expect(out.invalid[0]!.violations[0]!.message).toContain("SEP-2243");
  });
});
