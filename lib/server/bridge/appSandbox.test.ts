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
