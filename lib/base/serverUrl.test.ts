import { describe, expect, it } from "vitest";
import { readServerUrl } from "./serverUrl";

describe("readServerUrl", () => {
  it("keeps an http(s) URL as typed", () => {
    expect(readServerUrl(" http://127.0.0.1:3001/mcp ")).toEqual({ ok: true, url: "http://127.0.0.1:3001/mcp" });
    expect(readServerUrl("https://example.com/mcp")).toEqual({ ok: true, url: "https://example.com/mcp" });
  });
  it("adds http:// for a loopback host and https:// otherwise, and says so", () => {
    expect(readServerUrl("localhost:3001/mcp")).toEqual({
      ok: true,
      url: "http://localhost:3001/mcp",
      note: "No scheme given: using http://localhost:3001/mcp",
    });
    expect(readServerUrl("127.0.0.1:8080")).toMatchObject({ ok: true, url: "http://127.0.0.1:8080" });
    expect(readServerUrl("[::1]:9000/mcp")).toMatchObject({ ok: true, url: "http://[::1]:9000/mcp" });
    expect(readServerUrl("mcp.example.com/mcp")).toMatchObject({ ok: true, url: "https://mcp.example.com/mcp" });
    expect(readServerUrl("localhostile.example/mcp")).toMatchObject({ url: "https://localhostile.example/mcp" });
  });
  it("refuses other schemes and non-URLs with what to write", () => {
    expect(readServerUrl("")).toMatchObject({ ok: false, error: expect.stringMatching(/Enter the server's URL/) });
    expect(readServerUrl("javascript:alert(1)")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/"javascript:" is not one/),
    });
    expect(readServerUrl("ws://127.0.0.1:1/")).toMatchObject({ ok: false });
    expect(readServerUrl("http://")).toMatchObject({ ok: false, error: expect.stringMatching(/not a URL/) });
    expect(readServerUrl("exa mple.com")).toMatchObject({ ok: false });
  });
});
