import { describe, expect, it } from "vitest";
import { canonicalPath } from "./requestTarget";

describe("canonical request paths (issue 19, item 3)", () => {
  it.each([
    ["/", "/"],
    ["/api/bridge/stdio", "/api/bridge/stdio"],
    ["/api/bridge/stdio/3f2a-9c?x=/../y", "/api/bridge/stdio/3f2a-9c"],
    ["/_next/static/chunks/app-1a2b.js", "/_next/static/chunks/app-1a2b.js"],
    ["/some%20name/%C3%A9t%C3%A9", "/some name/été"],
    ["/icon.svg", "/icon.svg"],
    ["/trailing/", "/trailing/"],
    ["/.well-known/x", "/.well-known/x"],
  ])("accepts %s as %s", (target, path) => {
    expect(canonicalPath(target)).toEqual({ ok: true, path });
  });

  it.each([
    "*",
    "http://127.0.0.1:6274/api/bridge/stdio",
    "api/bridge/stdio",
    "/./api/bridge/stdio",
    "/x/../api/bridge/stdio",
    "/_next/../api/bridge/stdio",
    "/api/bridge/stdio/.",
    "/api/bridge/stdio/..",
    "/%2e/api/bridge/stdio",
    "/%2E%2E/api/bridge/stdio",
    "/.%2e/api/bridge/stdio",
    "/x/%2e%2e/api/bridge/stdio",
    "/%252e/api/bridge/stdio",
    "/%25252e%25252e/api/bridge/stdio",
    "//api/bridge/stdio",
    "/x//api/bridge/stdio",
    "/\\api/bridge/stdio",
    "/x\\..\\api/bridge/stdio",
    "/x%5c..%5capi/bridge/stdio",
    "/api%2fbridge%2fstdio",
    "/x/..%2fapi/bridge/stdio",
    "/x/..%2Fapi/bridge/stdio",
    "/%61pi/bridge/stdio",
    "/api/bridge/stdio%3f",
    "/api/bridge/stdio%23",
    "/api/bridge/stdio%00",
    "/api/bridge/stdio%",
    "/api/bridge/stdio%zz",
    "/%c0%ae%c0%ae/api/bridge/stdio",
    "/api/bridge/stdio#frag",
    "/api/bridge stdio",
  ])("refuses %s", (target) => {
    expect(canonicalPath(target)).toMatchObject({ ok: false, message: expect.stringMatching(/^bad request/) });
  });
});
