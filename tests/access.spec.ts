/**
 * Issue 19, item 1: the page no longer hands the session token to anyone local. Every attack is a
 * client on loopback without the secret (standing for another local user or program), against a
 * real inspector; docs/security.md §P1–§P6.
 */
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { mintLaunchKey, newMasterKey, openerHtml } from "../lib/server";
import { readState } from "../lib/server";
import { InspectorPage } from "./pages/inspector";
import { rawRequest } from "./support/http";
import { exchange, keyOf } from "./support/launch";
import { NODE, ROOT, descendants, startInspector, type Inspector } from "./support/processes";

let inspector: Inspector;
test.beforeAll(async () => {
  inspector = await startInspector();
});
test.afterAll(async () => {
  await inspector.stop();
});

const host = () => ({ host: `127.0.0.1:${inspector.port}` });
const freshKey = () => keyOf(inspector.launchUrl());
const spawnBody = JSON.stringify({ command: "sh", args: ["-c", "sleep 30"], env: {} });

test("promise 1: GET / without credentials (curl) serves a page with no token in it", async () => {
  for (const method of ["GET", "HEAD"]) {
    const res = await rawRequest(inspector.port, { method, path: "/", headers: host() });
    expect(res.status).toBe(200);
    expect(res.body).not.toContain(inspector.token);
    expect(res.body).not.toContain("mcp-lens-token");
  }
  // The page's static files (public/) load without credentials too: the favicon it links.
  const page = await rawRequest(inspector.port, { path: "/", headers: host() });
  expect(page.body).toMatch(/<link[^>]*rel="icon"[^>]*href="\/icon\.svg"/);
  const icon = await rawRequest(inspector.port, { path: "/icon.svg", headers: host() });
  expect(icon.status).toBe(200);
  expect(String(icon.headers["content-type"])).toContain("image/svg+xml");
  expect(icon.body).toContain("<svg");
  expect(icon.body).not.toContain(inspector.token);
});

test("promise 2: a launch key works once; a used, expired or forged key gets no token", async () => {
  const key = freshKey();
  const first = await exchange(inspector.port, `launch ${key}`);
  expect(first.status).toBe(200);
  expect(first.token).toBe(inspector.token);
  expect(first.cookie).toMatch(new RegExp(`^mcp-lens-${inspector.port}=`));

  const read = readState(inspector.stateDir, inspector.port);
  if (!read.ok) throw new Error(read.message);
  const master = read.state.master;
  const refused: [string, string, RegExp][] = [
    ["used", key, /already used/],
    ["expired", mintLaunchKey(master, Date.now() - 25 * 3600_000), /expired/],
    ["forged (another master key)", mintLaunchKey(newMasterKey()), /not valid for this MCP Lens/],
    [
      "forged (altered MAC)",
      freshKey().replace(/\.(.)/, (_m, c: string) => `.${c === "A" ? "B" : "A"}`),
      /not valid for this MCP Lens/,
    ],
    ["not a key", "1-2.3", /not a launch link/],
  ];
  for (const [name, k, message] of refused) {
    const res = await exchange(inspector.port, `launch ${k}`);
    expect(res.status, name).toBe(401);
    expect(res.body, name).toMatch(message);
    expect(res.body, name).not.toContain(inspector.token);
    expect(res.cookie, name).toBeUndefined();
  }
});

test("promise 3: the cookie alone, or the pairing alone, gets no token", async () => {
  const signedIn = await exchange(inspector.port, `launch ${freshKey()}`);
  const other = await exchange(inspector.port, `launch ${freshKey()}`);
  const cookie = signedIn.cookie!;
  const attempts: [string, string | undefined, Record<string, string>][] = [
    ["cookie, no pairing", "none", { cookie }],
    ["cookie, no auth header", undefined, { cookie }],
    ["cookie, another sign-in's pairing", `pairing ${other.pairing}`, { cookie }],
    ["pairing, no cookie", `pairing ${signedIn.pairing}`, {}],
    [
      "pairing, a cookie under another port's name",
      `pairing ${signedIn.pairing}`,
      { cookie: cookie.replace(`mcp-lens-${inspector.port}`, `mcp-lens-${inspector.port + 1}`) },
    ],
  ];
  for (const [name, auth, headers] of attempts) {
    const res = await exchange(inspector.port, auth, headers);
    expect([400, 401], name).toContain(res.status);
    expect(res.body, name).not.toContain(inspector.token);
  }
  // The cookie on a page load is no credential either.
  const page = await rawRequest(inspector.port, { path: "/", headers: { ...host(), cookie } });
  expect(page.body).not.toContain(inspector.token);
  // Both halves together: the token again.
  expect((await exchange(inspector.port, `pairing ${signedIn.pairing}`, { cookie })).token).toBe(inspector.token);
});

test("promise 4: the API still needs the token; cookie and pairing are no API credential, and nothing spawns", async () => {
  const signedIn = await exchange(inspector.port, `launch ${freshKey()}`);
  const before = descendants(inspector.child.pid!).length;
  const credentials = {
    cookie: signedIn.cookie!,
    "x-mcp-lens-auth": `pairing ${signedIn.pairing}`,
    "content-type": "application/json",
  };
  for (const path of ["/api/bridge/stdio", "/api/relay"]) {
    const res = await rawRequest(inspector.port, {
      method: "POST",
      path,
      headers: { ...host(), ...credentials },
      body: spawnBody,
    });
    expect(res.status, path).toBe(401);
  }
  await new Promise((r) => setTimeout(r, 300));
  expect(descendants(inspector.child.pid!).length).toBe(before);
});

test("promise 5: the exchange is refused cross-site (Origin, fetch metadata) and for a foreign Host; the key stays unused", async () => {
  const key = freshKey();
  const attempts: Record<string, string>[] = [
    { origin: "http://evil.example" },
    { origin: "null" },
    { origin: `http://127.0.0.1:${inspector.port + 1}` },
    { origin: `http://localhost:${inspector.port}`, "sec-fetch-site": "same-site" },
    { "sec-fetch-site": "cross-site" },
    { host: `evil.example:${inspector.port}` },
    { host: `127.0.0.1.nip.io:${inspector.port}` },
  ];
  for (const headers of attempts) {
    const res = await exchange(inspector.port, `launch ${key}`, headers);
    expect(res.status, JSON.stringify(headers)).toBe(403);
    expect(res.body).not.toContain(inspector.token);
  }
  // A browser's preflight for the custom header is refused, so the cross-site request is never sent.
  const preflight = await rawRequest(inspector.port, {
    method: "OPTIONS",
    path: "/api/session",
    headers: {
      ...host(),
      origin: `http://127.0.0.1:${inspector.port}`,
      "access-control-request-method": "POST",
      "access-control-request-headers": "x-mcp-lens-auth",
    },
  });
  expect(preflight.status).toBe(405);
  expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  expect(
    (
      await exchange(inspector.port, `launch ${key}`, {
        origin: `http://127.0.0.1:${inspector.port}`,
        "sec-fetch-site": "same-origin",
      })
    ).token,
  ).toBe(inspector.token);
});

test("promise 6: in a browser, the launch URL opens the app and leaves the address; reload and a second tab work; another browser gets only the way in", async ({
  browser,
}) => {
  const url = inspector.launchUrl();
  const context = await browser.newContext();
  const page = await context.newPage();
  const ui = new InspectorPage(page);
  await ui.open(url);
  await expect.poll(() => page.url()).toBe(`${inspector.url}/`);
  // No history entry keeps the key: back is the blank start page, forward the cleaned URL.
  await page.goBack();
  expect(page.url()).toBe("about:blank");
  await page.goForward();
  expect(page.url()).toBe(`${inspector.url}/`);
  await ui.expectOpen();
  expect(await page.content()).not.toContain(inspector.token);

  await page.reload();
  await ui.expectOpen();
  const second = await context.newPage();
  await second.goto(`${inspector.url}/`);
  await new InspectorPage(second).expectOpen();
  // The token is only in memory: not in the page, storage or cookies the page can read.
  const readable = await second.evaluate(() =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
      html: document.documentElement.outerHTML,
    }),
  );
  expect(readable).not.toContain(inspector.token);
  expect(readable).not.toContain(`mcp-lens-${inspector.port}=`); // HttpOnly

  // Another browser profile with the same (used) URL, or none, is told how to get in.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  // The old `?token=` form is no way in either.
  const targets: [string, RegExp][] = [
    [url, /already used/],
    [`${inspector.url}/`, /no launch key/],
    [`${inspector.url}/?token=${inspector.token}`, /no launch key/],
  ];
  for (const [target, reason] of targets) {
    await strangerPage.goto(target);
    await expect(strangerPage.getByRole("heading", { name: "This page needs its launch link" })).toBeVisible();
    await expect(strangerPage.getByText("npm start -- --print-url", { exact: true })).toBeVisible();
    await expect(strangerPage.getByRole("region", { name: "How to open MCP Lens" }).getByRole("alert")).toHaveText(
      reason,
    );
    await expect(strangerPage.getByRole("complementary", { name: "Connections" })).toHaveCount(0);
    // (the third URL carries the token itself, which the page may echo)
    if (!target.includes("?token=")) expect(await strangerPage.content()).not.toContain(inspector.token);
  }
  await stranger.close();
  await context.close();
});

test("promise 3 in a browser: another program on another port of 127.0.0.1 receives the cookie, and it gets it nowhere", async ({
  browser,
}) => {
  // The other program: records the Cookie header the browser sends it (cookies ignore ports).
  let received = "";
  const other: Server = createServer((req, res) => {
    received = req.headers.cookie ?? received;
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>other</title>");
  });
  other.listen(0, "127.0.0.1");
  await once(other, "listening");
  const otherPort = (other.address() as { port: number }).port;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new InspectorPage(page).open(inspector.launchUrl());
    await page.goto(`http://127.0.0.1:${otherPort}/`);
    expect(received).toMatch(new RegExp(`mcp-lens-${inspector.port}=`));
    // Its page cannot read the inspector's localStorage (another origin): no pairing there.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe("{}");
    // With the stolen cookie: no token from the exchange or the page.
    for (const auth of ["none", "pairing AAAA", undefined]) {
      const res = await exchange(inspector.port, auth, { cookie: received });
      expect(res.body).not.toContain(inspector.token);
    }
    expect(
      (await rawRequest(inspector.port, { path: "/", headers: { ...host(), cookie: received } })).body,
    ).not.toContain(inspector.token);
    await context.close();
  } finally {
    other.close();
  }
});

test("promise 6: npm start -- --print-url mints a working one-time URL for the running inspector, and fails clearly when none runs", async ({
  browser,
}) => {
  const print = (port: number) =>
    spawnSync(NODE, ["--import", "tsx", "scripts/start.ts", "--print-url", "--port", String(port)], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, MCP_LENS_STATE_DIR: inspector.stateDir },
    });
  const run = print(inspector.port);
  expect(run.status, run.stderr).toBe(0);
  const url = run.stdout.trim();
  expect(url).toMatch(
    new RegExp(`^http://127\\.0\\.0\\.1:${inspector.port}/#k=\\d+-[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}$`),
  );
  const context = await browser.newContext();
  await new InspectorPage(await context.newPage()).open(url);
  await context.close();
  expect((await exchange(inspector.port, `launch ${keyOf(url)}`)).status).toBe(401); // used by the browser

  const none = print(inspector.port + 1);
  expect(none.status).toBe(1);
  expect(none.stderr).toContain(`no MCP Lens is running on port ${inspector.port + 1}`);
  expect(none.stderr).toContain(`--print-url --port ${inspector.port}`);
});

test("promise 6: the browser opener's redirect file leads to the app (the key never on a command line)", async ({
  page,
}) => {
  const file = join(inspector.stateDir, "opener-test.html");
  writeFileSync(file, openerHtml(inspector.launchUrl()), { mode: 0o600 });
  await page.goto(`file://${file}`);
  await new InspectorPage(page).expectOpen();
  expect(page.url()).toBe(`${inspector.url}/`);
});
