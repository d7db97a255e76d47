import { describe, expect, it } from "vitest";
import { planStart, type StartFlags } from "./teamStart";

const SECRET = "x".repeat(32);
const PROXY_SECRET = "p".repeat(32);
const flags = (over: Partial<StartFlags> = {}): StartFlags => ({
  host: "127.0.0.1",
  port: "6274",
  team: false,
  publicHost: [],
  ...over,
});
const message = (plan: ReturnType<typeof planStart>) => (plan.ok ? "" : plan.message);

describe("start options (docs/security.md §S1 and §S19)", () => {
  it("local mode on loopback needs nothing", () => {
    expect(planStart(flags(), {})).toEqual({ ok: true, extraHosts: [] });
  });

  it("a non-loopback bind without team mode is refused, even with --dangerously-allow-remote-bind", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.5"]) {
      const plan = planStart(flags({ host }), { MCP_LENS_TEAM_SECRET: SECRET });
      expect(plan.ok, host).toBe(false);
      expect(message(plan)).toContain(`Refusing to listen on ${host}`);
      expect(message(plan)).toContain("--team");
    }
  });

  it("team mode needs a secret of at least 32 characters or a proxy header", () => {
    expect(message(planStart(flags({ team: true }), {}))).toMatch(/needs authentication.*MCP_LENS_TEAM_SECRET/);
    expect(message(planStart(flags({ team: true }), { MCP_LENS_TEAM_SECRET: "x".repeat(31) }))).toMatch(
      /31 characters.*at least 32/,
    );
    expect(
      message(planStart(flags({ team: true, trustProxyHeader: "X-User" }), { MCP_LENS_TEAM_SECRET: "short" })),
    ).toMatch(/at least 32/);
    expect(planStart(flags({ team: true }), { MCP_LENS_TEAM_SECRET: SECRET })).toMatchObject({
      ok: true,
      team: { auth: { secret: SECRET } },
    });
    expect(planStart(flags(), { MCP_LENS_TEAM: "1", MCP_LENS_TEAM_SECRET: SECRET })).toMatchObject({
      ok: true,
      team: {},
    });
    expect(
      planStart(flags({ team: true, trustProxyHeader: "X-Forwarded-User" }), { MCP_LENS_PROXY_SECRET: PROXY_SECRET }),
    ).toMatchObject({ ok: true, team: { auth: { proxy: { header: "x-forwarded-user", secret: PROXY_SECRET } } } });
  });

  it("refuses a proxy header that is not one, or that the browser controls", () => {
    for (const name of ["Authorization", "X User", "x-mcp-lens-token", "X-MCP-Lens-Proxy-Secret", "x-mcp-lens-auth"]) {
      expect(
        planStart(flags({ team: true, trustProxyHeader: name }), { MCP_LENS_PROXY_SECRET: PROXY_SECRET }).ok,
        name,
      ).toBe(false);
    }
  });

  it("a proxy header needs the proxy secret (issue 19, item 5): without it any local client could send the header", () => {
    const proxied = flags({ team: true, trustProxyHeader: "X-Forwarded-User" });
    expect(message(planStart(proxied, {}))).toMatch(/--trust-proxy-header needs MCP_LENS_PROXY_SECRET/);
    expect(message(planStart(proxied, { MCP_LENS_PROXY_SECRET: "p".repeat(31) }))).toMatch(
      /MCP_LENS_PROXY_SECRET is 31 characters long/,
    );
    expect(message(planStart(proxied, { MCP_LENS_PROXY_SECRET: SECRET, MCP_LENS_TEAM_SECRET: SECRET }))).toMatch(
      /must differ/,
    );
    expect(
      message(planStart(flags({ team: true }), { MCP_LENS_TEAM_SECRET: SECRET, MCP_LENS_PROXY_SECRET: PROXY_SECRET })),
    ).toMatch(/only applies with --trust-proxy-header/);
    expect(planStart(flags(), { MCP_LENS_PROXY_SECRET: PROXY_SECRET }).ok).toBe(false);
    // With the proxy secret, a proxy on another machine may reach a non-loopback bind.
    const remote = flags({
      team: true,
      host: "0.0.0.0",
      trustProxyHeader: "X-Forwarded-User",
      publicHost: ["lens.example.com"],
    });
    expect(message(planStart(remote, {}))).toMatch(/needs MCP_LENS_PROXY_SECRET/);
    expect(planStart(remote, { MCP_LENS_PROXY_SECRET: PROXY_SECRET }).ok).toBe(true);
  });

  it("a wildcard bind in team mode needs --public-host; a specific address is its own Host", () => {
    expect(message(planStart(flags({ team: true, host: "0.0.0.0" }), { MCP_LENS_TEAM_SECRET: SECRET }))).toMatch(
      /--public-host/,
    );
    expect(
      planStart(flags({ team: true, host: "0.0.0.0", publicHost: ["Lens.Example.com", "10.0.0.5:6274"] }), {
        MCP_LENS_TEAM_SECRET: SECRET,
      }),
    ).toMatchObject({ ok: true, extraHosts: ["lens.example.com", "10.0.0.5:6274"] });
    expect(planStart(flags({ team: true, host: "10.0.0.5" }), { MCP_LENS_TEAM_SECRET: SECRET })).toMatchObject({
      ok: true,
      extraHosts: ["10.0.0.5:6274"],
    });
    expect(
      planStart(flags({ team: true, publicHost: ["https://lens.example.com/"] }), { MCP_LENS_TEAM_SECRET: SECRET }).ok,
    ).toBe(false);
  });

  it("team-only options without --team are refused rather than silently ignored", () => {
    expect(planStart(flags({ trustProxyHeader: "X-User" }), {}).ok).toBe(false);
    expect(planStart(flags({ publicHost: ["lens.example.com"] }), {}).ok).toBe(false);
  });

  it("an stdio allowlist entry that does not resolve stops the start", () => {
    expect(
      message(
        planStart(flags({ team: true }), {
          MCP_LENS_TEAM_SECRET: SECRET,
          MCP_LENS_STDIO_ALLOWLIST: "/nonexistent/server",
        }),
      ),
    ).toMatch(/no executable file found for \/nonexistent\/server/);
    expect(
      planStart(flags({ team: true }), { MCP_LENS_TEAM_SECRET: SECRET, MCP_LENS_STDIO_ALLOWLIST: process.execPath }).ok,
    ).toBe(true);
  });

  it("an environment allowlist naming an invalid or dangerous variable stops the start", () => {
    const plan = (names: string) =>
      planStart(flags({ team: true }), { MCP_LENS_TEAM_SECRET: SECRET, MCP_LENS_STDIO_ENV_ALLOW: names });
    expect(message(plan("API_KEY, NODE_OPTIONS=x"))).toMatch(
      /MCP_LENS_STDIO_ENV_ALLOW: NODE_OPTIONS=x is not an environment variable name/,
    );
    expect(message(plan("API_KEY, LD_PRELOAD, PATH"))).toMatch(
      /LD_PRELOAD, PATH can make an allowed program run other code/,
    );
    expect(plan("API_KEY, NODE_ENV").ok).toBe(true);
  });
});
