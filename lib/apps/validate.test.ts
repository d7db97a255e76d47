import { describe, expect, it } from "vitest";
import { appMessageProblem } from "./validate";

describe("view↔host messages against the MCP Apps schemas", () => {
  it("accepts well-formed messages and leaves MCP methods alone", () => {
    expect(
      appMessageProblem({ jsonrpc: "2.0", id: 1, method: "ui/open-link", params: { url: "https://x.example" } }),
    ).toBeUndefined();
    expect(
      appMessageProblem({ jsonrpc: "2.0", method: "ui/notifications/size-changed", params: { height: 300 } }),
    ).toBeUndefined();
    expect(appMessageProblem({ jsonrpc: "2.0", id: 2, method: "tools/call", params: {} })).toBeUndefined();
  });

  it("names what is wrong", () => {
    expect(appMessageProblem({ jsonrpc: "2.0", id: 1, method: "ui/open-link", params: {} })).toMatch(
      /^not valid MCP Apps ui\/open-link: params\.url/,
    );
    expect(appMessageProblem({ jsonrpc: "2.0", method: "ui/notifications/nope" })).toBe(
      "ui/notifications/nope is not an MCP Apps method",
    );
  });
});
