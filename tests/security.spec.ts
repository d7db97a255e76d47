import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { InspectorPage } from "./pages/inspector";
import { openBridgeStream, rawRequest } from "./support/http";
import { exchange, keyOf } from "./support/launch";
import { EVERYTHING, NODE, ROOT, alive, descendants, startInspector, waitFor } from "./support/processes";

type Inspector = Awaited<ReturnType<typeof startInspector>>;
let inspector: Inspector;

test.beforeAll(async () => {
  inspector = await startInspector();
});
test.afterAll(async () => {
  await inspector.stop();
});

const api = (path: string, headers: Record<string, string> = {}, body?: string, method = "POST") =>
  rawRequest(inspector.port, {
    method,
    path,
    headers: { host: `127.0.0.1:${inspector.port}`, ...headers },
    body,
    readMs: 1500,
  });
const withToken = (extra: Record<string, string> = {}) => ({
  "x-mcp-lens-token": inspector.token,
  "content-type": "application/json",
  ...extra,
});
const launch = (command: string, args: string[] = [], env: Record<string, string> = {}) =>
  JSON.stringify({ command, args, env });

test("§S1: a non-loopback bind is refused without the loud option", () => {
  const run = spawnSync(
    NODE,
    ["--import", "tsx", "scripts/start.ts", "--host", "0.0.0.0", "--port", "0", "--no-build", "--no-demo", "--no-open"],
    { cwd: ROOT, encoding: "utf8", timeout: 30_000 },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("Refusing to listen on 0.0.0.0");
  expect(run.stderr).toContain("--dangerously-allow-remote-bind");
});

test("§S2: the token is 256 bits, new at each start, and required on every API route", async () => {
  expect(inspector.token).toMatch(/^[0-9a-f]{64}$/);
  const other = await startInspector();
  try {
    expect(other.token).not.toBe(inspector.token);
  } finally {
    await other.stop();
  }
  const before = descendants(inspector.child.pid!).length;
  const wrongSameLength = inspector.token.replace(/^./, (c) => (c === "a" ? "b" : "a"));
  const variants: Record<string, string>[] = [
    { "content-type": "application/json" },
    { "x-mcp-lens-token": wrongSameLength, "content-type": "application/json" },
    { "x-mcp-lens-token": "short" },
  ];
  for (const headers of variants) {
    for (const path of ["/api/bridge/stdio", "/api/relay", "/api/bridge/stdio/some-id"]) {
      const res = await api(path, headers, launch("sleep", ["30"]));
      expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
    }
  }
  expect(descendants(inspector.child.pid!).length).toBe(before);
});

test("§S3: a foreign or null Origin gets 403 even with the token", async () => {
  for (const origin of ["http://evil.example", "null", `http://127.0.0.1:${inspector.port + 1}`]) {
    const res = await api("/api/bridge/stdio", withToken({ origin }), launch("sleep", ["30"]));
    expect(res.status, origin).toBe(403);
  }
  const own = await api("/api/bridge/stdio", withToken({ origin: `http://127.0.0.1:${inspector.port}` }), "{}");
  expect(own.status).toBe(400); // past the gate: the empty launch request is invalid
});

test("§S4: a foreign Host gets 403 on every route, the token page included", async () => {
  for (const path of ["/", "/api/bridge/stdio", "/_next/static/x.js", "/icon.svg"]) {
    const res = await rawRequest(inspector.port, { path, headers: { host: `evil.example:${inspector.port}` } });
    expect(res.status, path).toBe(403);
    expect(res.body).not.toContain(inspector.token);
  }
  // The token exchange too, with a valid launch key (which stays unused).
  const key = keyOf(inspector.launchUrl());
  const rebound = await exchange(inspector.port, `launch ${key}`, { host: `evil.example:${inspector.port}` });
  expect(rebound.status).toBe(403);
  expect(rebound.body).not.toContain(inspector.token);
  const page = await rawRequest(inspector.port, { path: "/", headers: { host: `localhost:${inspector.port}` } });
  expect(page.status).toBe(200);
  expect(page.body).not.toContain(inspector.token); // the page holds no token (docs/security.md)
  expect((await exchange(inspector.port, `launch ${key}`)).token).toBe(inspector.token);
});

test("§S5: no GET and no preflight-free request spawns a process or opens a connection", async () => {
  const before = descendants(inspector.child.pid!).length;
  const query = `?command=sleep&args=30&token=${inspector.token}`;
  const get = await api(`/api/bridge/stdio${query}`, { "x-mcp-lens-token": inspector.token }, undefined, "GET");
  expect(get.status).toBe(405);
  // A "simple" cross-site form POST can carry no custom header, so it has no token.
  const simple = await api(`/api/bridge/stdio${query}`, { "content-type": "text/plain" }, launch("sleep", ["30"]));
  expect(simple.status).toBe(401);
  const relayGet = await api(
    `/api/relay?url=http://127.0.0.1:1/`,
    { "x-mcp-lens-token": inspector.token },
    undefined,
    "GET",
  );
  expect(relayGet.status).toBe(405);
  expect(descendants(inspector.child.pid!).length).toBe(before);
});

test("§S6: opening a link with connection parameters starts nothing", async ({ page }) => {
  const before = descendants(inspector.child.pid!).length;
  await page.goto(inspector.launchUrl().replace("/#", "/?transport=stdio&command=sleep&args=30&connect=1#"));
  await new InspectorPage(page).expectOpen();
  await page.waitForTimeout(1000);
  expect(descendants(inspector.child.pid!).length).toBe(before);
});

test("§S7: a spawned server gets a minimal environment and no shell", async () => {
  const script = "console.log(JSON.stringify(Object.keys(process.env)))";
  const res = await api("/api/bridge/stdio", withToken(), launch(NODE, ["-e", script], { MY_SETTING: "1" }));
  const stdout = res.body
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; line?: string })
    .find((e) => e.type === "stdout");
  const keys = JSON.parse(stdout!.line!) as string[];
  expect(keys).toContain("MY_SETTING");
  expect(keys).toContain("PATH");
  expect(keys.some((k) => /MCP_LENS|TOKEN|NEXT_|npm_/i.test(k))).toBe(false);
  expect(keys.length).toBeLessThanOrEqual(8);
  const echo = await api(
    "/api/bridge/stdio",
    withToken(),
    launch("echo", ["hi; touch /tmp/mcp-lens-should-not-exist"]),
  );
  expect(echo.body).toContain("hi; touch /tmp/mcp-lens-should-not-exist");
});

test("§S8: disconnect stops the server and its grandchildren", async () => {
  // sh starts a grandchild and waits: both must go.
  const res = await rawRequest(inspector.port, {
    method: "POST",
    path: "/api/bridge/stdio",
    headers: { host: `127.0.0.1:${inspector.port}`, ...withToken() },
    body: launch("sh", ["-c", "sleep 300 & wait"]),
    readMs: 800,
  });
  const spawned = JSON.parse(res.body.split("\n")[0]!) as { id: string; pid: number };
  // The stream above was cut, which is a page going away: the group must be stopped.
  const stopped = await waitFor(() => !alive(spawned.pid) && descendants(inspector.child.pid!).length === 0, 8000);
  expect(stopped).toBe(true);
});

test("§S8: DELETE (disconnect) stops the server and its grandchildren, and waits for them", async () => {
  const headers = { host: `127.0.0.1:${inspector.port}`, ...withToken() };
  const stream = openBridgeStream(inspector.port, headers, launch("sh", ["-c", "sleep 300 & wait"]));
  const { id } = await stream.first;
  await waitFor(() => descendants(inspector.child.pid!).length >= 2, 5000);
  const pids = descendants(inspector.child.pid!);
  expect(pids.length).toBeGreaterThanOrEqual(2); // sh and its sleep
  const del = await rawRequest(inspector.port, {
    method: "DELETE",
    path: `/api/bridge/stdio/${id}`,
    headers: { host: headers.host, "x-mcp-lens-token": inspector.token },
  });
  expect(del.status).toBe(204);
  expect(pids.filter(alive)).toEqual([]);
  stream.close();
});

test("§S8: closing the page stops its servers", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: inspector.url });
  const page = await context.newPage();
  const ui = new InspectorPage(page);
  await ui.open(inspector.launchUrl());
  await ui.addConnection({ transport: "stdio", command: NODE, args: `${EVERYTHING} stdio`, protocol: "2025-11-25" });
  await ui.connect();
  await ui.expectConnected();
  expect(descendants(inspector.child.pid!).length).toBeGreaterThan(0);
  await page.close();
  await context.close();
  expect(await waitFor(() => descendants(inspector.child.pid!).length === 0, 8000)).toBe(true);
});

test("§S8: SIGTERM and SIGINT stop the inspector and every server it started", async () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const own = await startInspector();
    const headers = {
      host: `127.0.0.1:${own.port}`,
      "x-mcp-lens-token": own.token,
      "content-type": "application/json",
    };
    // Keep two servers running (the streams stay open while the inspector lives).
    void rawRequest(own.port, {
      method: "POST",
      path: "/api/bridge/stdio",
      headers,
      body: launch("sh", ["-c", "sleep 300 & wait"]),
      readMs: 20_000,
    }).catch(() => {});
    void rawRequest(own.port, {
      method: "POST",
      path: "/api/bridge/stdio",
      headers,
      body: launch(NODE, [EVERYTHING, "stdio"]),
      readMs: 20_000,
    }).catch(() => {});
    await waitFor(() => descendants(own.child.pid!).length >= 3, 8000);
    const pids = descendants(own.child.pid!);
    expect(pids.length).toBeGreaterThanOrEqual(3);
    own.child.kill(signal);
    await waitFor(() => own.child.exitCode !== null, 10_000);
    expect(await waitFor(() => pids.every((p) => !alive(p)), 5000), `${signal} left ${pids.filter(alive)}`).toBe(true);
  }
});

test("§S9: oversized bodies get 413, oversized lines end the connection, spawns are capped", async () => {
  const big = "x".repeat(4 * 1024 * 1024 + 10);
  const res = await api(
    "/api/relay",
    {
      ...withToken(),
      "x-mcp-lens-target": encodeURIComponent(JSON.stringify({ url: "http://127.0.0.1:9/", method: "POST" })),
    },
    big,
  );
  expect(res.status).toBe(413);
  const huge = await rawRequest(inspector.port, {
    method: "POST",
    path: "/api/bridge/stdio",
    headers: { host: `127.0.0.1:${inspector.port}`, ...withToken() },
    body: launch(NODE, ["-e", "process.stdout.write('x'.repeat(17*1024*1024)+'\\n'); setInterval(()=>{}, 1000)"]),
    readMs: 10_000,
  });
  expect(huge.body).toContain("exceeded 16 MiB");
  expect(await waitFor(() => descendants(inspector.child.pid!).length === 0, 8000)).toBe(true);
});

test("§S9: live stdio servers are capped per inspector (429)", async () => {
  const headers = { host: `127.0.0.1:${inspector.port}`, ...withToken() };
  const streams = Array.from({ length: 64 }, () =>
    rawRequest(inspector.port, {
      method: "POST",
      path: "/api/bridge/stdio",
      headers,
      body: launch("sleep", ["300"]),
      readMs: 6000,
    }),
  );
  await waitFor(() => descendants(inspector.child.pid!).length >= 64, 5000);
  const over = await api("/api/bridge/stdio", withToken(), launch("sleep", ["300"]));
  expect(over.status).toBe(429);
  await Promise.all(streams); // the streams end: every process is stopped
  expect(await waitFor(() => descendants(inspector.child.pid!).length === 0, 10_000)).toBe(true);
});

test("§S16: the page sends a nonce-based CSP, frame-ancestors 'self' and nosniff", async () => {
  const res = await rawRequest(inspector.port, { path: "/", headers: { host: `127.0.0.1:${inspector.port}` } });
  const csp = String(res.headers["content-security-policy"]);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = await rawRequest(inspector.port, { path: "/", headers: { host: `127.0.0.1:${inspector.port}` } });
  expect(String(again.headers["content-security-policy"])).not.toContain(nonce!); // new at each request
  const api = await rawRequest(inspector.port, {
    path: "/api/relay",
    headers: { host: `127.0.0.1:${inspector.port}` },
  });
  expect(api.headers["x-content-type-options"]).toBe("nosniff");
});

test("§S10: errors carry no stack traces or secrets", async () => {
  const bad = await api("/api/bridge/stdio", withToken(), "{not json");
  expect(bad.status).toBe(400);
  const relayBad = await api("/api/relay", { ...withToken(), "x-mcp-lens-target": "%E0%A4%A" }, "");
  expect(relayBad.status).toBe(400);
  const unreachable = await api(
    "/api/relay",
    {
      ...withToken(),
      "x-mcp-lens-target": encodeURIComponent(JSON.stringify({ url: "http://127.0.0.1:9/mcp", method: "POST" })),
    },
    "{}",
  );
  expect(unreachable.status).toBe(502);
  for (const r of [bad, relayBad, unreachable]) {
    expect(r.body).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/);
    expect(r.body).not.toContain(inspector.token);
  }
});
