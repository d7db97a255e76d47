import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { rawRequest } from "./support/http";
import { exchange } from "./support/launch";
import { resolve } from "node:path";
import { AppsPage } from "./pages/apps";
import { InspectorPage } from "./pages/inspector";
import {
  NODE,
  ROOT,
  descendants,
  freePort,
  startProcess,
  waitFor,
  waitForOutput,
  type Started,
} from "./support/processes";

/** Team mode (docs/security.md §S12 and §S19, docs/team-mode.md), checked against real inspector processes. */

const SECRET = randomBytes(24).toString("hex"); // 48 characters
const PROXY_SECRET = randomBytes(24).toString("hex");
const CLEAN_ENV = {
  CI: "1",
  MCP_LENS_TEAM: "",
  MCP_LENS_TEAM_SECRET: "",
  MCP_LENS_PROXY_SECRET: "",
  MCP_LENS_STDIO_ALLOWLIST: "",
  MCP_LENS_RELAY_ALLOW: "",
};
type Inspector = Started & { port: number };

async function startTeamInspector(args: string[], env: Record<string, string>): Promise<Inspector> {
  const port = await freePort();
  const p = startProcess(
    NODE,
    [
      "--import",
      "tsx",
      "scripts/start.ts",
      "--team",
      "--port",
      String(port),
      "--no-open",
      "--no-build",
      "--no-demo",
      ...args,
    ],
    { env: { ...CLEAN_ENV, ...env } },
  );
  await waitForOutput(p, /running at/);
  return { ...p, port };
}

const basic = (password: string, user = "alice") => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const get = (inspector: Inspector, path: string, headers: Record<string, string> = {}) =>
  rawRequest(inspector.port, { path, headers: { host: `127.0.0.1:${inspector.port}`, ...headers } });
const post = (inspector: Inspector, path: string, headers: Record<string, string>, body: string) =>
  rawRequest(inspector.port, {
    method: "POST",
    path,
    headers: { host: `127.0.0.1:${inspector.port}`, "content-type": "application/json", ...headers },
    body,
    readMs: 3000,
  });
/** Any 64-hex-digit string: what a session token looks like. */
const tokenIn = (text: string) => /[0-9a-f]{64}/.exec(text)?.[0];
/** The page's token exchange in team mode: the team authentication is the proof (docs/security.md). */
const sessionToken = async (inspector: Inspector, headers: Record<string, string>) => {
  const got = await exchange(inspector.port, "none", headers);
  expect(got.status, got.body).toBe(200);
  expect(got.cookie).toBeUndefined();
  return got.token!;
};
const launch = (command: string, args: string[] = []) => JSON.stringify({ command, args, env: {} });
const relayTarget = (url: string) => ({
  "x-mcp-lens-target": encodeURIComponent(JSON.stringify({ url, method: "GET", headers: {} })),
});

/** A plain HTTP server on 127.0.0.1 that counts the requests reaching it. */
let upstream: Server;
let upstreamUrl = "";
let upstreamHits = 0;
test.beforeAll(async () => {
  upstream = createServer((_req, res) => {
    upstreamHits++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"reached":true}');
  });
  upstream.listen(0, "127.0.0.1");
  await once(upstream, "listening");
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}/mcp`;
});
test.afterAll(() => upstream.close());

test("team mode refuses to start without a secret of at least 32 characters, and a remote bind needs it", () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(
      NODE,
      ["--import", "tsx", "scripts/start.ts", "--port", "0", "--no-build", "--no-demo", "--no-open", ...args],
      { cwd: ROOT, encoding: "utf8", timeout: 30_000, env: { ...process.env, ...CLEAN_ENV, ...env } },
    );
  const none = run(["--team"], {});
  expect(none.status).toBe(1);
  expect(none.stderr).toMatch(/Team mode needs authentication: set MCP_LENS_TEAM_SECRET/);
  const short = run(["--team"], { MCP_LENS_TEAM_SECRET: "x".repeat(31) });
  expect(short.status).toBe(1);
  expect(short.stderr).toMatch(/at least 32/);
  const remote = run(["--host", "0.0.0.0", "--dangerously-allow-remote-bind"], { MCP_LENS_TEAM_SECRET: SECRET });
  expect(remote.status).toBe(1);
  expect(remote.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0[\s\S]*--team/);
  // Issue 19, item 5: the proxy header alone can be forged by any local client: refused, loopback or not.
  for (const host of ["127.0.0.1", "0.0.0.0"]) {
    const proxyOnly = run(
      ["--team", "--host", host, "--public-host", "lens.example.com", "--trust-proxy-header", "X-Forwarded-User"],
      {},
    );
    expect(proxyOnly.status, host).toBe(1);
    expect(proxyOnly.stderr).toMatch(/--trust-proxy-header needs MCP_LENS_PROXY_SECRET/);
  }
});

test.describe("with a shared secret and no allowlists", () => {
  let inspector: Inspector;
  test.beforeAll(async () => {
    inspector = await startTeamInspector([], { MCP_LENS_TEAM_SECRET: SECRET });
  });
  test.afterAll(async () => {
    await inspector.stop();
  });
  const wrongSameLength = SECRET.replace(/^./, (c) => (c === "a" ? "b" : "a"));

  test("every route, the page included, is 401 without the secret and 200 with it", async () => {
    for (const path of ["/", "/icon.svg", "/_next/static/x.js", "/api/relay", "/api/bridge/stdio", "/app-sandbox"]) {
      for (const authorization of [
        undefined,
        `Bearer ${wrongSameLength}`,
        basic(wrongSameLength),
        basic("", SECRET),
        "Bearer ",
      ]) {
        const res = await get(inspector, path, authorization === undefined ? {} : { authorization });
        expect(res.status, `${path} ${authorization}`).toBe(401);
        expect(tokenIn(res.body)).toBeUndefined();
      }
    }
    for (const authorization of [undefined, `Bearer ${wrongSameLength}`, basic(wrongSameLength)]) {
      const refused = await exchange(inspector.port, "none", authorization === undefined ? {} : { authorization });
      expect(refused.status, authorization).toBe(401);
      expect(refused.token).toBeUndefined();
    }
    const challenge = await get(inspector, "/");
    expect(challenge.headers["www-authenticate"]).toMatch(/^Basic realm="MCP Lens"/);
    const tokens = new Set<string>();
    for (const authorization of [basic(SECRET), basic(SECRET, ""), `Bearer ${SECRET}`]) {
      const page = await get(inspector, "/", { authorization });
      expect(page.status, authorization).toBe(200);
      expect(page.body).not.toContain(SECRET);
      tokens.add(await sessionToken(inspector, { authorization }));
    }
    expect([...tokens]).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect((await get(inspector, "/", { authorization: basic(SECRET) })).body).not.toContain([...tokens][0]);
  });

  test("the API needs the secret and the session token; stdio is refused (403) and nothing is spawned", async () => {
    const token = await sessionToken(inspector, { authorization: basic(SECRET) });
    const before = descendants(inspector.child.pid!).length;
    const noSecret = await post(inspector, "/api/bridge/stdio", { "x-mcp-lens-token": token }, launch("sleep", ["30"]));
    expect(noSecret.status).toBe(401);
    const noToken = await post(
      inspector,
      "/api/bridge/stdio",
      { authorization: basic(SECRET) },
      launch("sleep", ["30"]),
    );
    expect(noToken.status).toBe(401);
    for (const command of ["sleep", "/bin/sh", NODE]) {
      const refused = await post(
        inspector,
        "/api/bridge/stdio",
        { authorization: basic(SECRET), "x-mcp-lens-token": token },
        launch(command, ["-c", "sleep 30"]),
      );
      expect(refused.status, command).toBe(403);
      expect(JSON.parse(refused.body)).toEqual({
        error: expect.stringMatching(
          /team mode disables the stdio bridge unless an allowlist is configured \(MCP_LENS_STDIO_ALLOWLIST\)/,
        ),
      });
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(descendants(inspector.child.pid!).length).toBe(before);
  });

  test("the relay refuses a server on 127.0.0.1 and never reaches it", async () => {
    const token = await sessionToken(inspector, { authorization: `Bearer ${SECRET}` });
    const hits = upstreamHits;
    for (const url of [
      upstreamUrl,
      upstreamUrl.replace("127.0.0.1", "localhost"),
      upstreamUrl.replace("127.0.0.1", "[::ffff:127.0.0.1]"),
    ]) {
      const res = await post(
        inspector,
        "/api/relay",
        { authorization: `Bearer ${SECRET}`, "x-mcp-lens-token": token, ...relayTarget(url) },
        "",
      );
      expect(res.status, url).toBe(502);
      expect(res.headers["x-mcp-lens-relay-error"]).toBe("1");
      expect(res.body, url).toMatch(/Refused to connect.*team mode refuses unless it is in MCP_LENS_RELAY_ALLOW/);
    }
    expect(upstreamHits).toBe(hits);
  });

  test("a browser gets a Basic prompt without credentials and a working page with them", async ({ browser }) => {
    const anonymous = await browser.newContext();
    // Headless Chromium answers the Basic challenge with "no credentials" and fails the navigation.
    const denied = await (await anonymous.newPage()).goto(`http://127.0.0.1:${inspector.port}/`).then(
      (r) => String(r?.status()),
      (e: Error) => e.message,
    );
    expect(denied).toMatch(/^401$|ERR_INVALID_AUTH_CREDENTIALS/);
    await anonymous.close();
    const context = await browser.newContext({ httpCredentials: { username: "alice", password: SECRET } });
    const page = await context.newPage();
    const unauthorized: string[] = [];
    page.on("response", (r) => void (r.status() === 401 && unauthorized.push(r.url())));
    // No launch URL in team mode: the team authentication gets the page its token, on load and on reload.
    await page.goto(`http://127.0.0.1:${inspector.port}/`);
    const ui = new InspectorPage(page);
    await ui.expectOpen();
    await page.reload();
    await ui.expectOpen();
    await page.waitForLoadState("networkidle");
    expect(unauthorized).toEqual([]);
    expect(await page.content()).not.toContain(await sessionToken(inspector, { authorization: basic(SECRET) }));
    await context.close();
  });
});

test.describe("behind an authenticating proxy, with allowlists", () => {
  let inspector: Inspector;
  test.beforeAll(async () => {
    inspector = await startTeamInspector(["--trust-proxy-header", "X-Forwarded-User"], {
      MCP_LENS_PROXY_SECRET: PROXY_SECRET,
      MCP_LENS_STDIO_ALLOWLIST: NODE,
      MCP_LENS_RELAY_ALLOW: "127.0.0.1",
    });
  });
  test.afterAll(async () => {
    await inspector.stop();
  });

  test("promise 11: a local client forging the user header without the proxy secret gets 401 and no token (issue 19, item 5)", async () => {
    const wrong = PROXY_SECRET.replace(/^./, (c) => (c === "a" ? "b" : "a"));
    const forged: Record<string, string>[] = [
      { "x-forwarded-user": "admin" },
      { "x-forwarded-user": "admin", "x-mcp-lens-proxy-secret": wrong },
      { "x-forwarded-user": "admin", "x-mcp-lens-proxy-secret": "" },
      { "x-forwarded-user": "admin", authorization: `Bearer ${PROXY_SECRET}` },
    ];
    const before = descendants(inspector.child.pid!).length;
    for (const headers of forged) {
      for (const path of ["/", "/icon.svg", "/api/relay"]) {
        const res = await get(inspector, path, headers);
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.body).toMatch(/not from the authenticating proxy/);
      }
      const session = await exchange(inspector.port, "none", headers);
      expect(session.status).toBe(401);
      expect(session.token).toBeUndefined();
      const spawn = await post(
        inspector,
        "/api/bridge/stdio",
        headers,
        launch(NODE, ["-e", "setTimeout(()=>{}, 30000)"]),
      );
      expect(spawn.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(descendants(inspector.child.pid!).length).toBe(before);
  });

  test("a request without a user from the proxy gets 401; with one, allow-listed stdio and relay work", async () => {
    const fromProxy = { "x-mcp-lens-proxy-secret": PROXY_SECRET };
    const anonymous: Record<string, string>[] = [
      fromProxy,
      { ...fromProxy, "x-forwarded-user": "" },
      { ...fromProxy, "x-forwarded-user": " " },
    ];
    for (const headers of anonymous) {
      expect((await get(inspector, "/", headers)).status).toBe(401);
    }
    const user = { ...fromProxy, "x-forwarded-user": "alice" };
    const page = await get(inspector, "/", user);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(PROXY_SECRET);
    const auth = { ...user, "x-mcp-lens-token": await sessionToken(inspector, user) };

    const allowed = await post(inspector, "/api/bridge/stdio", auth, launch(NODE, ["-e", "console.log('allowed')"]));
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('"line":"allowed"');
    const before = descendants(inspector.child.pid!).length;
    const other = await post(inspector, "/api/bridge/stdio", auth, launch("sh", ["-c", "sleep 30"]));
    expect(other.status).toBe(403);
    expect(other.body).toMatch(/sh is not in the stdio allowlist/);
    await new Promise((r) => setTimeout(r, 500));
    expect(descendants(inspector.child.pid!).length).toBe(before);

    const hits = upstreamHits;
    const relayed = await post(inspector, "/api/relay", { ...auth, ...relayTarget(upstreamUrl) }, "");
    expect(relayed.status).toBe(200);
    expect(JSON.parse(relayed.body)).toEqual({ reached: true });
    expect(upstreamHits).toBe(hits + 1);
    expect(await waitFor(() => descendants(inspector.child.pid!).length === 0, 5000)).toBe(true);
  });
});

test.describe("the environment a page may give an allow-listed stdio server (issue 19 item 4)", () => {
  let inspector: Inspector;
  let token = "";
  const auth = () => ({ authorization: `Bearer ${SECRET}`, "x-mcp-lens-token": token });
  test.beforeAll(async () => {
    inspector = await startTeamInspector([], {
      MCP_LENS_TEAM_SECRET: SECRET,
      MCP_LENS_STDIO_ALLOWLIST: NODE,
      MCP_LENS_STDIO_ENV_ALLOW: "API_KEY",
    });
    token = await sessionToken(inspector, { authorization: `Bearer ${SECRET}` });
  });
  test.afterAll(async () => {
    await inspector.stop();
  });
  const marker = `/tmp/mcp-lens-team-env-${process.pid}`;
  const payload = `--import=data:text/javascript,import{writeFileSync}from'node:fs';writeFileSync('${marker}','x')`;
  const launchWith = (env: Record<string, string>) =>
    JSON.stringify({ command: NODE, args: ["-e", "console.log(JSON.stringify(process.env))"], env });

  test("each bypass of the review, and each loader or interpreter hook, is refused and nothing starts", async () => {
    const before = descendants(inspector.child.pid!).length;
    const attacks: Array<[Record<string, string>, number]> = [
      [{ [`NODE_OPTIONS=${payload}//`]: "anything" }, 400],
      [{ "BASH_FUNC_echo%%": `() { touch ${marker}; }` }, 400],
      [{ "PATH=/tmp:#": "x" }, 400],
      [{ NODE_OPTIONS: payload }, 403],
      [{ LD_PRELOAD: "/tmp/x.so" }, 403],
      [{ BASH_ENV: "/tmp/x" }, 403],
      [{ PATH: "/tmp" }, 403],
      [{ OTHER_SETTING: "x" }, 403],
    ];
    for (const [env, status] of attacks) {
      const res = await post(inspector, "/api/bridge/stdio", auth(), launchWith(env));
      expect(res.status, Object.keys(env)[0]).toBe(status);
      expect(res.body).toMatch(
        /environment variable names must match|never allowed for stdio servers|not in MCP_LENS_STDIO_ENV_ALLOW/,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(descendants(inspector.child.pid!).length).toBe(before);
    expect(spawnSync("test", ["-e", marker]).status).not.toBe(0);
  });

  test("§S20: an MCP App view runs in team mode, its sandbox page behind the team authentication too", async ({
    browser,
  }) => {
    expect((await get(inspector, "/app-sandbox")).status).toBe(401);
    const context = await browser.newContext({ httpCredentials: { username: "alice", password: SECRET } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${inspector.port}/`);
    const apps = new AppsPage(page);
    await apps.tools.inspector.expectOpen();
    const server = resolve(ROOT, "node_modules/@modelcontextprotocol/server-basic-vanillajs/dist/index.js");
    await apps.tools.inspector.addConnection({
      name: "app",
      transport: "stdio",
      command: NODE,
      args: `${server} --stdio`,
    });
    await apps.tools.inspector.connect();
    await apps.tools.inspector.expectConnected();
    await apps.tools.inspector.openTab(/^Tools/);
    await apps.tools.select("get-time");
    await apps.tools.call("get-time");
    const view = apps.view("get-time");
    await expect(view.locator("code").first()).toHaveText(/\d{4}-\d{2}-\d{2}T/, { timeout: 20_000 });
    // The view is still an opaque origin that holds nothing of the inspector's.
    const frame = await apps.viewFrame();
    expect(await frame.evaluate(() => window.origin)).toBe("null");
    await context.close();
  });

  test("a listed variable is passed, on top of the minimal environment only", async () => {
    const res = await post(inspector, "/api/bridge/stdio", auth(), launchWith({ API_KEY: "k1" }));
    expect(res.status).toBe(200);
    const line = res.body
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type: string; line?: string })
      .find((e) => e.type === "stdout")!.line!;
    const env = JSON.parse(line) as Record<string, string>;
    expect(env.API_KEY).toBe("k1");
    expect(
      Object.keys(env).filter((k) => !["HOME", "LOGNAME", "PATH", "SHELL", "TERM", "USER", "API_KEY"].includes(k)),
    ).toEqual([]);
  });
});
