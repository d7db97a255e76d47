import { describe, expect, it } from "vitest";
import { appSandboxPage } from "./appSandbox";

describe("the MCP App sandbox page (docs/security.md §S20)", () => {
  it("holds no secret and reaches nothing when the resource declares nothing", () => {
    const page = appSandboxPage("/app-sandbox");
    expect(page.headers["content-security-policy"]).toContain("connect-src 'none'");
    expect(page.headers["content-security-policy"]).toContain("sandbox allow-scripts");
    expect(page.body).not.toMatch(/token|nonce/i);
  });

  it("builds its CSP header from the declared domains, refusing injections", () => {
    const csp = { connectDomains: ["https://api.example.com", "https://x.example; script-src *"] };
    const page = appSandboxPage(`/app-sandbox?csp=${encodeURIComponent(JSON.stringify(csp))}`);
    expect(page.headers["content-security-policy"]).toContain("connect-src https://api.example.com;");
    expect(page.headers["content-security-policy"]).not.toContain("script-src *");
  });

  it("treats a broken csp query as nothing declared", () => {
    const page = appSandboxPage("/app-sandbox?csp=%7Bnot-json");
    expect(page.headers["content-security-policy"]).toContain("connect-src 'none'");
  });
});

describe("a view declaring the inspector's own origin", () => {
  it("gets none of it: its port on any loopback name, a wildcard port or a wildcard host", () => {
    const declared = {
      connectDomains: [
        "http://127.0.0.1:6405",
        "http://localhost:6405",
        "ws://[::1]:6405",
        "http://127.0.0.1:*",
        "http://*.example.com:6405",
        "http://127.0.0.1:7000",
        "https://api.example.com",
      ],
      resourceDomains: ["http://127.0.0.1:6405"],
    };
    const page = appSandboxPage(`/app-sandbox?csp=${encodeURIComponent(JSON.stringify(declared))}`, "127.0.0.1:6405");
    const csp = page.headers["content-security-policy"]!;
    expect(csp).toContain("connect-src http://127.0.0.1:7000 https://api.example.com;");
    expect(csp).not.toContain(":6405");
    expect(csp).toContain("script-src 'unsafe-inline';");
  });

  it("on a named host too, and on port 80 when none is given", () => {
    const declared = { connectDomains: ["http://lens.example", "https://lens.example", "http://other.example"] };
    const page = appSandboxPage(`/app-sandbox?csp=${encodeURIComponent(JSON.stringify(declared))}`, "lens.example");
    expect(page.headers["content-security-policy"]).toContain("connect-src https://lens.example http://other.example;");
  });
});
