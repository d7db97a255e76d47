import { describe, expect, it } from "vitest";
import { checkRequest } from "./gate";

const TOKEN = "a".repeat(64);
const gate = { token: TOKEN, port: 6274 };
const host = "127.0.0.1:6274";
const check = (method: string, url: string, headers: Record<string, string> = {}) =>
  checkRequest(gate, { method, url, headers: { host, ...headers } });

describe("the gate in local mode", () => {
  it("serves the page and its assets without the token, and nothing under /api", () => {
    expect(check("GET", "/")).toEqual({ ok: true, route: "app", path: "/" });
    expect(check("HEAD", "/_next/static/x.js")).toMatchObject({ ok: true });
    for (const path of ["/api", "/api/", "/api/relay", "/api/bridge/stdio/x"])
      expect(check("GET", path), path).toMatchObject({ ok: false, status: 401 });
    expect(check("GET", "/api/relay", { "x-mcp-lens-token": TOKEN })).toMatchObject({ ok: true, path: "/api/relay" });
  });

  it("requires the token on every request that is not GET or HEAD, whatever its path (issue 19, item 3)", () => {
    for (const method of ["POST", "DELETE"]) {
      for (const path of ["/", "/x", "/_next/data", "/API/bridge/stdio", "/icon.svg"]) {
        expect(check(method, path), `${method} ${path}`).toMatchObject({ ok: false, status: 401 });
        expect(check(method, path, { "x-mcp-lens-token": TOKEN }), `${method} ${path}`).toMatchObject({ ok: true });
      }
    }
  });

  it.each([
    "/./api/bridge/stdio",
    "/x/../api/bridge/stdio",
    "/%2e/api/bridge/stdio",
    "/_next/../api/bridge/stdio",
    "//api/bridge/stdio",
    "/\\api\\bridge\\stdio",
    "/api%2fbridge%2fstdio",
    "/%252e/api/bridge/stdio",
    "http://127.0.0.1:6274/api/bridge/stdio",
  ])("refuses the non-canonical %s with 400, even with the token", (url) => {
    expect(check("POST", url)).toMatchObject({ ok: false, status: 400 });
    expect(check("POST", url, { "x-mcp-lens-token": TOKEN })).toMatchObject({ ok: false, status: 400 });
    expect(check("GET", url)).toMatchObject({ ok: false, status: 400 });
  });

  it("decides on the decoded path: an escaped letter does not hide /api", () => {
    // Refused as non-canonical; were it accepted, the decoded path would still be /api/… and need the token.
    expect(check("GET", "/%61pi/relay")).toMatchObject({ ok: false, status: 400 });
    expect(check("GET", "/api/bridge/stdio/%C3%A9")).toMatchObject({ ok: false, status: 401 });
  });

  it.each(["OPTIONS", "TRACE", "PUT", "PATCH", "CONNECT", "PROPFIND", "FOO"])(
    "answers %s with 405 and Allow (issue 19, item 13)",
    (method) => {
      expect(check(method, "/")).toMatchObject({
        ok: false,
        status: 405,
        headers: { allow: "GET, HEAD, POST, DELETE" },
      });
      expect(check(method, "/api/bridge/stdio", { "x-mcp-lens-token": TOKEN })).toMatchObject({
        ok: false,
        status: 405,
      });
    },
  );

  it("OPTIONS * gets 405, another method with * gets 400", () => {
    expect(check("OPTIONS", "*")).toMatchObject({ ok: false, status: 405 });
    expect(check("GET", "*")).toMatchObject({ ok: false, status: 400 });
  });

  it("the token exchange is POST only, needs no token, and refuses cross-site fetch metadata", () => {
    expect(check("POST", "/api/session")).toEqual({ ok: true, route: "session", path: "/api/session" });
    expect(
      check("POST", "/api/session", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:6274" }),
    ).toMatchObject({ ok: true, route: "session" });
    expect(check("GET", "/api/session")).toMatchObject({ ok: false, status: 405 });
    for (const site of ["cross-site", "same-site", "none"])
      expect(check("POST", "/api/session", { "sec-fetch-site": site }), site).toMatchObject({ ok: false, status: 403 });
    expect(check("POST", "/api/session", { origin: "http://127.0.0.1:6275" })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(check("POST", "/api/session", { origin: "null" })).toMatchObject({ ok: false, status: 403 });
    expect(
      checkRequest(gate, { method: "POST", url: "/api/session", headers: { host: "evil.example:6274" } }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(check("POST", "/./api/session")).toMatchObject({ ok: false, status: 400 });
  });
});
