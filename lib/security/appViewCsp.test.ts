import { describe, expect, it } from "vitest";
import { appViewCsp, cleanSources } from "./appViewCsp";

describe("appViewCsp", () => {
  it("reaches nothing when nothing is declared, and never 'self'", () => {
    const csp = appViewCsp(undefined);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).toContain("sandbox allow-scripts");
    expect(csp).not.toContain("'self' ");
    expect(csp).not.toMatch(/src[^;]*'self'/);
  });

  it("puts declared domains in their directives", () => {
    const csp = appViewCsp({
      connectDomains: ["https://api.example.com", "wss://live.example.com:8443"],
      resourceDomains: ["https://*.cdn.example.com"],
    });
    expect(csp).toContain("connect-src https://api.example.com wss://live.example.com:8443");
    expect(csp).toContain("script-src 'unsafe-inline' https://*.cdn.example.com");
    expect(csp).toContain("img-src data: blob: https://*.cdn.example.com");
  });

  it("drops what is not a plain origin (keywords, paths, injections)", () => {
    const { sources, dropped } = cleanSources([
      "https://ok.example",
      "*",
      "'unsafe-eval'",
      "https://a.example; script-src *",
      "https://a.example/path",
      "javascript:alert(1)",
      42,
    ]);
    expect(sources).toEqual(["https://ok.example"]);
    expect(dropped).toHaveLength(6);
    expect(appViewCsp({ connectDomains: ["https://x.example; default-src *"] })).toContain("connect-src 'none'");
  });
});
