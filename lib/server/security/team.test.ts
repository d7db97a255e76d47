import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRequest } from "./gate";
import {
  checkTeamAuth,
  parseRelayAllow,
  relayAddressRefusal,
  resolveCommand,
  stdioAllowed,
  TEAM_STDIO_OFF,
  teamPolicyFromEnv,
  type TeamPolicy,
} from "./team";

const SECRET = "s3cret-".padEnd(40, "x");
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("team authentication (docs/security.md §S19)", () => {
  const auth = { secret: SECRET };

  it.each([
    ["missing", {}],
    ["empty", { authorization: "" }],
    ["wrong Bearer", { authorization: "Bearer nope" }],
    ["wrong Bearer of the same length", { authorization: `Bearer ${SECRET.replace(/.$/, "y")}` }],
    ["wrong Basic password of the same length", { authorization: basic("alice", SECRET.replace(/^./, "S")) }],
    ["the secret as Basic user name", { authorization: basic(SECRET, "") }],
    ["Basic without a colon", { authorization: `Basic ${Buffer.from(SECRET).toString("base64")}` }],
    ["another scheme", { authorization: `Token ${SECRET}` }],
  ])("refuses %s, with a Basic challenge", (_name, headers) => {
    const verdict = checkTeamAuth(auth, headers);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.challenge).toMatch(/^Basic realm=/);
  });

  it.each([
    ["Bearer", `Bearer ${SECRET}`],
    ["bearer (any case)", `bearer ${SECRET}`],
    ["Basic with any user name", basic("bob", SECRET)],
    ["Basic with an empty user name", basic("", SECRET)],
  ])("accepts the secret as %s", (_name, authorization) => {
    expect(checkTeamAuth(auth, { authorization })).toEqual({ ok: true });
  });

  it("accepts a secret containing a colon as a Basic password", () => {
    const secret = "a:b".padEnd(40, "z");
    expect(checkTeamAuth({ secret }, { authorization: basic("u", secret) }).ok).toBe(true);
  });

  const PROXY_SECRET = "proxy-".padEnd(40, "p");
  const fromProxy = { "x-mcp-lens-proxy-secret": PROXY_SECRET };

  it("proxy header mode: a missing or blank header is refused, a user name accepted", () => {
    const proxy = { proxy: { header: "x-forwarded-user", secret: PROXY_SECRET } };
    expect(checkTeamAuth(proxy, { ...fromProxy }).ok).toBe(false);
    expect(checkTeamAuth(proxy, { ...fromProxy, "x-forwarded-user": "  " }).ok).toBe(false);
    expect(checkTeamAuth(proxy, { ...fromProxy, "x-forwarded-user": "alice" }).ok).toBe(true);
  });

  it.each([
    ["no proxy secret (a local client forging the header: issue 19, item 5)", {}],
    ["an empty proxy secret", { "x-mcp-lens-proxy-secret": "" }],
    ["a wrong proxy secret of the same length", { "x-mcp-lens-proxy-secret": PROXY_SECRET.replace(/.$/, "q") }],
    ["the proxy secret as Bearer instead of its header", { authorization: `Bearer ${PROXY_SECRET}` }],
  ])("proxy header mode refuses a user header with %s", (_name, headers) => {
    const proxy = { proxy: { header: "x-forwarded-user", secret: PROXY_SECRET } };
    const verdict = checkTeamAuth(proxy, { "x-forwarded-user": "admin", ...headers });
    expect(verdict).toMatchObject({ ok: false, message: expect.stringMatching(/not from the authenticating proxy/) });
  });

  it("with both configured, both are required", () => {
    const both = { secret: SECRET, proxy: { header: "x-forwarded-user", secret: PROXY_SECRET } };
    expect(checkTeamAuth(both, { ...fromProxy, "x-forwarded-user": "alice" }).ok).toBe(false);
    expect(checkTeamAuth(both, { authorization: `Bearer ${SECRET}` }).ok).toBe(false);
    expect(checkTeamAuth(both, { authorization: `Bearer ${SECRET}`, "x-forwarded-user": "alice" }).ok).toBe(false);
    expect(
      checkTeamAuth(both, { ...fromProxy, authorization: `Bearer ${SECRET}`, "x-forwarded-user": "alice" }).ok,
    ).toBe(true);
  });
});

describe("the gate in team mode", () => {
  const gate = { token: "t".repeat(64), port: 6274, team: { secret: SECRET }, extraHosts: ["lens.example.com"] };
  const host = "127.0.0.1:6274";

  it("the page needs authentication too, and a 401 carries the Basic challenge", () => {
    const verdict = checkRequest(gate, { url: "/", headers: { host } });
    expect(verdict).toMatchObject({
      ok: false,
      status: 401,
      headers: { "www-authenticate": expect.stringMatching(/^Basic/) },
    });
    expect(checkRequest(gate, { url: "/", headers: { host, authorization: `Bearer ${SECRET}` } }).ok).toBe(true);
    expect(checkRequest({ ...gate, team: undefined }, { url: "/", headers: { host } }).ok).toBe(true); // local mode unchanged
  });

  it("/api needs the session token as well as the team secret", () => {
    const authorization = `Bearer ${SECRET}`;
    expect(checkRequest(gate, { url: "/api/relay", headers: { host, authorization } })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(checkRequest(gate, { url: "/api/relay", headers: { host, "x-mcp-lens-token": gate.token } })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(
      checkRequest(gate, { url: "/api/relay", headers: { host, authorization, "x-mcp-lens-token": gate.token } }).ok,
    ).toBe(true);
  });

  it("a foreign Host is still 403 first; the public host works over an https proxy", () => {
    expect(
      checkRequest(gate, { url: "/", headers: { host: "evil.example", authorization: `Bearer ${SECRET}` } }),
    ).toMatchObject({ status: 403 });
    const viaProxy = {
      host: "lens.example.com",
      origin: "https://lens.example.com",
      authorization: basic("x", SECRET),
    };
    expect(checkRequest(gate, { url: "/", headers: viaProxy }).ok).toBe(true);
    expect(checkRequest(gate, { url: "/", headers: { ...viaProxy, origin: "https://evil.example" } })).toMatchObject({
      status: 403,
    });
  });
});

describe("stdio allowlist (docs/security.md §S19)", () => {
  const node = process.execPath;
  const policy = (stdioAllow: string[]): TeamPolicy => ({ stdioAllow, relayAllow: parseRelayAllow("") });

  it("is off without an allowlist", () => {
    expect(stdioAllowed(policy([]), { command: node })).toEqual({ ok: false, message: TEAM_STDIO_OFF });
  });

  it("allows the exact resolved command, also by name through the inspector's PATH", () => {
    expect(stdioAllowed(policy([node]), { command: node })).toEqual({ ok: true, command: node });
    const byName = resolveCommand("node", undefined, dirname(node));
    expect(byName).toBe(node);
    expect(stdioAllowed(policy([node]), { command: "node", env: {} }).ok).toBe(resolveCommand("node") === node);
    expect(stdioAllowed(policy([node]), { command: "./node", cwd: dirname(node) })).toEqual({
      ok: true,
      command: node,
    });
  });

  it.each([
    ["another program", "/bin/sh"],
    ["a command line in the command field", `${process.execPath} -e 1`],
    ["a shell metacharacter", `${process.execPath};sh`],
    ["a missing file", "/nonexistent/node"],
  ])("refuses %s", (_name, command) => {
    const verdict = stdioAllowed(policy([node]), { command });
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toMatch(/not in the stdio allowlist/);
  });

  it("compares paths, not link targets: a symlink to an allowed program is another command", () => {
    const link = join(mkdtempSync(join(tmpdir(), "mcp-lens-team-")), "node");
    symlinkSync(node, link);
    expect(stdioAllowed(policy([node]), { command: link }).ok).toBe(false);
  });

  it("refuses environment variables that would load other code into the allowed program, even when listed", () => {
    const names = [
      "LD_PRELOAD",
      "NODE_OPTIONS",
      "PATH",
      "DYLD_INSERT_LIBRARIES",
      "pythonpath",
      "BASH_ENV",
      "ENV",
      "SHELLOPTS",
      "PS4",
      "BASH_FUNC_x",
      "GIT_CONFIG_COUNT",
      "JAVA_TOOL_OPTIONS",
      "PERL5OPT",
      "RUBYOPT",
      "GCONV_PATH",
      "HOME",
    ];
    for (const name of names) {
      const verdict = stdioAllowed(
        { ...policy([node]), stdioEnvAllow: [name, "API_KEY"] },
        { command: node, env: { [name]: "x", API_KEY: "k" } },
      );
      expect(verdict.ok, name).toBe(false);
      expect(!verdict.ok && verdict.message, name).toMatch(/never allowed/);
    }
  });

  it("lets the page set only the environment variables the operator listed (none by default)", () => {
    const none = stdioAllowed(policy([node]), { command: node, env: { API_KEY: "x" } });
    expect(none).toEqual({
      ok: false,
      message: expect.stringMatching(/API_KEY are not in MCP_LENS_STDIO_ENV_ALLOW \(none may be set\)/),
    });
    const listed = { ...policy([node]), stdioEnvAllow: ["API_KEY", "NODE_ENV"] };
    expect(stdioAllowed(listed, { command: node, env: { API_KEY: "x", NODE_ENV: "production" } })).toEqual({
      ok: true,
      command: node,
    });
    expect(stdioAllowed(listed, { command: node, env: { api_key: "x" } })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/only API_KEY, NODE_ENV may be set/),
    });
    expect(stdioAllowed(policy([node]), { command: node, env: {} }).ok).toBe(true);
  });

  it("reads the policy from the environment only when MCP_LENS_TEAM=1", () => {
    expect(teamPolicyFromEnv({ MCP_LENS_STDIO_ALLOWLIST: node })).toBeUndefined();
    expect(teamPolicyFromEnv({ MCP_LENS_TEAM: "1" })?.stdioAllow).toEqual([]);
    expect(
      teamPolicyFromEnv({ MCP_LENS_TEAM: "1", MCP_LENS_STDIO_ALLOWLIST: `${node}, /nonexistent/x` })?.stdioAllow,
    ).toEqual([node]);
    expect(
      teamPolicyFromEnv({ MCP_LENS_TEAM: "1", MCP_LENS_STDIO_ENV_ALLOW: "API_KEY, LD_PRELOAD, A=B" })?.stdioEnvAllow,
    ).toEqual(["API_KEY"]);
  });
});

describe("relay addresses in team mode (docs/security.md §S12)", () => {
  const team = (allow = ""): TeamPolicy => ({ stdioAllow: [], relayAllow: parseRelayAllow(allow) });
  const PRIVATE = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.2",
    "100.64.0.1",
    "100.127.255.254",
    "0.0.0.0",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "0:0:0:0:0:ffff:c0a8:0101",
  ];

  it.each(PRIVATE)("refuses %s in team mode, allows it in local mode", (address) => {
    expect(relayAddressRefusal(team(), "host.test", address)).toMatch(/team mode refuses|unspecified/);
    if (address !== "0.0.0.0") expect(relayAddressRefusal(undefined, "host.test", address)).toBeUndefined();
  });

  it.each([
    "93.184.216.34",
    "172.32.0.1",
    "100.128.0.1",
    "11.0.0.1",
    "2606:4700::1",
    "::ffff:93.184.216.34",
    "fe00::1",
  ])("allows the public address %s", (address) => {
    expect(relayAddressRefusal(team(), "host.test", address)).toBeUndefined();
  });

  it("allow-lists by CIDR, single address or host name", () => {
    const policy = team("10.0.0.0/8, 127.0.0.1, internal.corp, fd00::/8");
    expect(relayAddressRefusal(policy, "x.test", "10.9.9.9")).toBeUndefined();
    expect(relayAddressRefusal(policy, "x.test", "::ffff:10.9.9.9")).toBeUndefined();
    expect(relayAddressRefusal(policy, "x.test", "127.0.0.1")).toBeUndefined();
    expect(relayAddressRefusal(policy, "x.test", "127.0.0.2")).toMatch(/loopback/);
    expect(relayAddressRefusal(policy, "INTERNAL.corp", "192.168.5.5")).toBeUndefined();
    expect(relayAddressRefusal(policy, "x.test", "192.168.5.5")).toMatch(/192\.168/);
    expect(relayAddressRefusal(policy, "x.test", "fd00::5")).toBeUndefined();
    expect(relayAddressRefusal(policy, "x.test", "fc00::5")).toMatch(/unique-local/);
  });

  it("never allows link-local or metadata addresses, whatever the allowlist says", () => {
    const policy = team("169.254.0.0/16, metadata.google.internal, fe80::/10, ::/0, 0.0.0.0/0");
    for (const address of ["169.254.169.254", "::ffff:169.254.169.254", "fe80::1", "fd00:ec2::254"]) {
      expect(relayAddressRefusal(policy, "metadata.google.internal", address), address).toBeDefined();
      expect(relayAddressRefusal(undefined, "metadata.google.internal", address), address).toBeDefined();
    }
  });
});
