import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseRelayAllow, resolveCommand, type TeamPolicy } from "../security/team";
import { RELAY_ERROR_HEADER, RELAY_TARGET_HEADER } from "../../base";
import { registry } from "./registry";
import { relay, relayWith, type Lookup } from "./relay";
import { spawnStdio } from "./stdioRoutes";

afterEach(() => vi.unstubAllEnvs());

const launchRequest = (command: string, args: string[] = []) =>
  new Request("http://127.0.0.1/api/bridge/stdio", { method: "POST", body: JSON.stringify({ command, args }) });

/** The NDJSON events of a spawn response, read until the server exits. */
async function events(res: Response): Promise<Array<{ type: string; line?: string; pid?: number }>> {
  const text = await res.text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string });
}

describe("stdio bridge in team mode (docs/security.md §S19)", () => {
  const marker = join(mkdtempSync(join(tmpdir(), "mcp-lens-team-")), "spawned");
  const touch = resolveCommand("touch")!;

  it("refuses every spawn with 403 when no allowlist is configured, and starts nothing", async () => {
    vi.stubEnv("MCP_LENS_TEAM", "1");
    vi.stubEnv("MCP_LENS_STDIO_ALLOWLIST", "");
    const before = registry().processes.size;
    const res = await spawnStdio(launchRequest(touch, [marker]));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: expect.stringMatching(/team mode disables the stdio bridge unless an allowlist is configured/),
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(marker)).toBe(false);
    expect(registry().processes.size).toBe(before);
  });

  it("refuses a command that is not on the allowlist", async () => {
    vi.stubEnv("MCP_LENS_TEAM", "1");
    vi.stubEnv("MCP_LENS_STDIO_ALLOWLIST", process.execPath);
    for (const command of [touch, "touch", `${process.execPath} ${touch}`]) {
      const res = await spawnStdio(launchRequest(command, [marker]));
      expect(res.status, command).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/not in the stdio allowlist/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("starts an allow-listed command", async () => {
    vi.stubEnv("MCP_LENS_TEAM", "1");
    vi.stubEnv("MCP_LENS_STDIO_ALLOWLIST", `/nonexistent/x, ${process.execPath}`);
    const res = await spawnStdio(
      launchRequest(process.execPath, ["-e", "console.log('hello from the allowed server')"]),
    );
    expect(res.status).toBe(200);
    const list = await events(res);
    expect(list[0]).toMatchObject({ type: "spawned" });
    expect(list).toContainEqual({ type: "stdout", line: "hello from the allowed server" });
  });

  it("local mode is unchanged: no allowlist needed", async () => {
    const res = await spawnStdio(launchRequest(process.execPath, ["-e", "console.log('local')"]));
    expect(res.status).toBe(200);
    expect(await events(res)).toContainEqual({ type: "stdout", line: "local" });
  });
});

describe("the relay in team mode (docs/security.md §S12)", () => {
  let server: Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"reached":true}');
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => server.close());

  const team = (allow = ""): TeamPolicy => ({ stdioAllow: [], relayAllow: parseRelayAllow(allow) });
  const request = (url: string, signal?: AbortSignal) =>
    new Request("http://127.0.0.1/api/relay", {
      method: "POST",
      signal,
      headers: { [RELAY_TARGET_HEADER]: encodeURIComponent(JSON.stringify({ url, method: "GET", headers: {} })) },
    });
  const realLookup: Lookup = (host, opts, cb) => void import("node:dns").then((dns) => dns.lookup(host, opts, cb));

  it("refuses loopback in every spelling, after DNS resolution too", async () => {
    const before = hits;
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://localhost:${port}/`,
      `http://127.1:${port}/`,
    ]) {
      const res = await relayWith(request(url), realLookup, team());
      expect(res.status, url).toBe(502);
      expect(res.headers.get(RELAY_ERROR_HEADER)).toBe("1");
      expect(await res.text(), url).toMatch(/Refused to connect.*loopback.*team mode refuses/);
    }
    expect(hits).toBe(before);
  });

  it("reads the policy from the environment (the route handler path)", async () => {
    vi.stubEnv("MCP_LENS_TEAM", "1");
    vi.stubEnv("MCP_LENS_RELAY_ALLOW", "");
    const res = await relay(request(`http://127.0.0.1:${port}/`));
    expect(res.status).toBe(502);
    vi.stubEnv("MCP_LENS_RELAY_ALLOW", "127.0.0.0/8");
    expect((await relay(request(`http://127.0.0.1:${port}/`))).status).toBe(200);
  });

  it("lets allow-listed hosts and ranges through", async () => {
    expect((await relayWith(request(`http://127.0.0.1:${port}/`), realLookup, team("127.0.0.1"))).status).toBe(200);
    expect((await relayWith(request(`http://localhost:${port}/`), realLookup, team("localhost"))).status).toBe(200);
    expect(
      (await relayWith(request(`http://127.0.0.1:${port}/`), realLookup, team("10.0.0.0/8, localhost"))).status,
    ).toBe(502);
  });

  it("pins the checked address: a resolver answering public, then private, never reaches the private server", async () => {
    const before = hits;
    const answers = ["192.0.2.10", "127.0.0.1"]; // TEST-NET-1 (public, unreachable here), then loopback
    let calls = 0;
    const rebinding: Lookup = (_host, _opts, cb) => cb(null, [{ address: answers[Math.min(calls++, 1)]!, family: 4 }]);
    // Checked as public, so the relay connects; a check-then-connect relay would do a second lookup and reach 127.0.0.1.
    const first = await relayWith(request(`http://rebind.test:${port}/`, AbortSignal.timeout(700)), rebinding, team());
    expect(first.status).toBe(502);
    expect(await first.text()).not.toMatch(/Refused to connect/);
    expect(calls).toBe(1);
    expect(hits).toBe(before);
    // The next connection resolves to loopback: checked, and refused.
    const second = await relayWith(request(`http://rebind.test:${port}/`), rebinding, team());
    expect(second.status).toBe(502);
    expect(await second.text()).toMatch(/rebind\.test resolves to a loopback address/);
    expect(hits).toBe(before);
  });

  it("refuses when any of several answers is private", async () => {
    const mixed: Lookup = (_host, _opts, cb) =>
      cb(null, [
        { address: "192.0.2.10", family: 4 },
        { address: "::ffff:10.0.0.1", family: 6 },
      ]);
    const res = await relayWith(request(`http://mixed.test:${port}/`), mixed, team());
    expect(await res.text()).toMatch(/mixed\.test resolves to a private address \(10\.0\.0\.0\/8\)/);
  });
});
