import { describe, expect, it } from "vitest";
import { viewReport, withViewReporter } from "./reporter";

describe("the view reporter", () => {
  it("goes first in the head, after the doctype, keeping standards mode", () => {
    const html = withViewReporter('<!DOCTYPE html><html lang="en"><head><title>x</title></head></html>');
    expect(html.startsWith('<!DOCTYPE html><html lang="en"><head><script>')).toBe(true);
    expect(withViewReporter("<!doctype html><p>hi</p>").startsWith("<!doctype html><script>")).toBe(true);
    expect(withViewReporter("<p>hi</p>").startsWith("<script>")).toBe(true);
  });

  it("reads reports, and nothing else", () => {
    expect(
      viewReport({ mcpLens: "csp-violation", detail: { blocked: "https://x.example/a", directive: "connect-src" } }),
    ).toEqual({
      kind: "csp-violation",
      message: "CSP blocked https://x.example/a (connect-src): not among the domains the resource declares",
    });
    expect(viewReport({ mcpLens: "error", detail: { message: "boom" } })?.message).toBe("error in the view: boom");
    expect(
      viewReport({ mcpLens: "csp-violation", detail: { blocked: "eval", directive: "script-src" } })?.message,
    ).toMatch(/^CSP blocked eval \(script-src\): a view may not turn strings into code/);
    expect(viewReport({ jsonrpc: "2.0", method: "ui/initialize" })).toBeUndefined();
    expect(viewReport("text")).toBeUndefined();
  });
});
