/**
 * Issue 19, items 3 and 13, against a real inspector: a path Next.js would normalise or decode into
 * /api never gets past the gate, every request that is not GET or HEAD needs the token whatever its
 * path, odd methods are answered by the gate (not Next), and every answer carries the security
 * headers. docs/security.md §P7–§P10.
 */
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rawRequest, type RawResponse } from "./support/http";
import { descendants, startInspector, waitFor, type Inspector } from "./support/processes";

let inspector: Inspector;
test.beforeAll(async () => {
  inspector = await startInspector();
});
test.afterAll(async () => {
  await inspector.stop();
});

const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  rawRequest(inspector.port, {
    method,
    path,
    headers: { host: `127.0.0.1:${inspector.port}`, "content-type": "application/json", ...headers },
    body,
    readMs: 1500,
  });

/** Every way of writing /api/bridge/stdio that a gate testing the raw URL would miss. */
const VARIANTS = [
  "/./api/bridge/stdio",
  "/x/../api/bridge/stdio",
  "/%2e/api/bridge/stdio",
  "/%2E/api/bridge/stdio",
  "/.%2e/api/bridge/stdio",
  "/x/%2e%2e/api/bridge/stdio",
  "/_next/../api/bridge/stdio",
  "/_next/static/../../api/bridge/stdio",
  "/api/./bridge/stdio",
  "/api/bridge/./stdio",
  "/api/x/../bridge/stdio",
  "//api/bridge/stdio",
  "/x//../api/bridge/stdio",
  "/api//bridge/stdio",
  "/\\api\\bridge\\stdio",
  "/x\\..\\api/bridge/stdio",
  "/x%5c..%5capi/bridge/stdio",
  "/x%5C..%5Capi/bridge/stdio",
  "/api%2fbridge%2fstdio",
  "/x/..%2fapi/bridge/stdio",
  "/x/..%2Fapi%2Fbridge%2Fstdio",
  "/%252e/api/bridge/stdio",
  "/x/%252e%252e/api/bridge/stdio",
  "/x/..%252fapi/bridge/stdio",
  "/%c0%ae/api/bridge/stdio",
  "/%61pi/bridge/stdio",
  "/api/bridge/stdio%00",
  "/api/bridge/%73tdio",
  "*",
];

test("promise 7: a dot-segment, encoded or backslash path to the stdio bridge is refused (400) and runs nothing, token or not", async () => {
  const marker = join(mkdtempSync(join(tmpdir(), "mcp-lens-gate-")), "spawned");
  const body = JSON.stringify({ command: "/bin/sh", args: ["-c", `touch ${marker}; sleep 30`], env: {} });
  const before = descendants(inspector.child.pid!).length;
  for (const path of VARIANTS) {
    const noToken = await send("POST", path, {}, body);
    expect(noToken.status, `POST ${path}`).toBe(400);
    expect(noToken.headers["cache-control"], path).toBe("no-store");
    const withToken = await send("POST", path, { "x-mcp-lens-token": inspector.token }, body);
    expect(withToken.status, `POST ${path} with the token`).toBe(400);
    const get = await send("GET", path);
    expect(get.status, `GET ${path}`).toBe(400);
  }
  await new Promise((r) => setTimeout(r, 500));
  expect(existsSync(marker)).toBe(false);
  expect(descendants(inspector.child.pid!).length).toBe(before);
  // The canonical path with the token does run it: the marker proves the check above could fail.
  const real = await send("POST", "/api/bridge/stdio", { "x-mcp-lens-token": inspector.token }, body);
  expect(real.status).toBe(200);
  expect(existsSync(marker)).toBe(true);
  // Its stream was cut: the bridge stops it (the next test counts processes).
  expect(await waitFor(() => descendants(inspector.child.pid!).length === 0, 10_000)).toBe(true);
});

test("promise 8: every request that is not GET or HEAD needs the token, whatever its path", async () => {
  const marker = join(mkdtempSync(join(tmpdir(), "mcp-lens-gate-")), "spawned");
  const body = JSON.stringify({ command: "/bin/sh", args: ["-c", `touch ${marker}; sleep 30`], env: {} });
  await waitFor(() => descendants(inspector.child.pid!).length === 0, 10_000);
  const before = descendants(inspector.child.pid!).length;
  for (const method of ["POST", "DELETE"]) {
    for (const path of [
      "/",
      "/x",
      "/API/bridge/stdio",
      "/Api/relay",
      "/_next/static/x.js",
      "/icon.svg",
      "/api",
      "/api/",
      "/api/bridge/stdio/",
      "/api/bridge/stdio/x",
      "/api/unknown",
    ]) {
      const res = await send(method, path, { "next-action": "x", "x-middleware-subrequest": "middleware" }, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  }
  await new Promise((r) => setTimeout(r, 300));
  expect(existsSync(marker)).toBe(false);
  expect(descendants(inspector.child.pid!).length).toBe(before);
});

test("promise 9: OPTIONS (also OPTIONS *) and other odd methods get 405 from the gate, never a 500", async () => {
  for (const [method, path] of [
    ["OPTIONS", "*"],
    ["OPTIONS", "/"],
    ["OPTIONS", "/api/bridge/stdio"],
    ["OPTIONS", "/api/session"],
    ["TRACE", "/"],
    ["PUT", "/api/bridge/stdio"],
    ["PATCH", "/api/relay"],
    ["PROPFIND", "/"],
    ["MKCOL", "/x"],
  ] as const) {
    const res = await send(method, path, {
      "x-mcp-lens-token": inspector.token,
      origin: `http://127.0.0.1:${inspector.port}`,
      "access-control-request-method": "POST",
    });
    expect(res.status, `${method} ${path}`).toBe(405);
    expect(res.headers.allow, `${method} ${path}`).toBe("GET, HEAD, POST, DELETE");
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    expectSecurityHeaders(res, `${method} ${path}`);
  }
  const star = await send("GET", "*");
  expect(star.status).toBe(400);
});

test("promise 10: every answer carries the security headers; API answers and errors are not stored", async () => {
  const token = { "x-mcp-lens-token": inspector.token };
  const answers: [string, Promise<RawResponse>, boolean][] = [
    ["page", send("GET", "/"), false],
    ["icon", send("GET", "/icon.svg"), false],
    ["unknown page (Next 404)", send("GET", "/no-such-page"), false],
    ["gate 400", send("GET", "/./x"), true],
    ["gate 401", send("POST", "/api/relay"), true],
    ["gate 403", send("GET", "/", { origin: "http://evil.example" }), true],
    ["gate 405", send("OPTIONS", "/"), true],
    ["session 401", send("POST", "/api/session", { "x-mcp-lens-auth": "none" }), true],
    ["session 400", send("POST", "/api/session"), true],
    ["route 400 (bad JSON)", send("POST", "/api/bridge/stdio", token, "{not json"), true],
    ["route 404 (no such stdio id)", send("POST", "/api/bridge/stdio/nope", token, "{}"), true],
    ["route 405 (GET on a POST route)", send("GET", "/api/bridge/stdio", token), true],
    ["unknown API route (Next 404)", send("GET", "/api/nothing-here", token), true],
    [
      "relay 502",
      send(
        "POST",
        "/api/relay",
        {
          ...token,
          "x-mcp-lens-target": encodeURIComponent(JSON.stringify({ url: "http://127.0.0.1:9/mcp", method: "POST" })),
        },
        "{}",
      ),
      true,
    ],
  ];
  // A stream keeps its own cache-control (no-transform: nothing may buffer or compress it).
  const stream = await send(
    "POST",
    "/api/bridge/stdio",
    token,
    JSON.stringify({ command: "echo", args: ["x"], env: {} }),
  );
  expectSecurityHeaders(stream, "stdio stream");
  expect(stream.headers["cache-control"]).toBe("no-cache, no-transform");
  expect(stream.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  for (const [name, pending, api] of answers) {
    const res = await pending;
    expectSecurityHeaders(res, name);
    if (api) {
      expect(res.headers["cache-control"], name).toMatch(/(^|, )no-store(,|$)/);
      expect(res.headers["content-security-policy"], name).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
      expect(res.body, name).not.toMatch(/\n\s+at |node:internal/);
    }
  }
});

function expectSecurityHeaders(res: RawResponse, where: string): void {
  expect(res.headers["x-content-type-options"], where).toBe("nosniff");
  expect(res.headers["x-frame-options"], where).toBe("SAMEORIGIN");
  expect(res.headers["referrer-policy"], where).toBe("no-referrer");
  expect(res.headers["content-security-policy"], where).toMatch(/frame-ancestors '(self|none)'/);
}

/** A WebSocket upgrade sent as written; the status it gets (101 when it is upgraded). */
function upgrade(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest({
      host: "127.0.0.1",
      port: inspector.port,
      path,
      headers: {
        host: `127.0.0.1:${inspector.port}`,
        origin: `http://127.0.0.1:${inspector.port}`,
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        "sec-websocket-protocol": `mcp-lens.v1, token.${inspector.token}`,
        ...headers,
      },
    });
    req.once("upgrade", (res, socket) => (socket.destroy(), done(res.statusCode ?? 0)));
    req.once("response", (res) => (res.resume(), done(res.statusCode ?? 0)));
    req.once("error", fail);
    req.end();
  });
}

test("a WebSocket upgrade passes the same gate: Host, Origin, token in the subprotocol, canonical path; Next.js gets none", async () => {
  expect(await upgrade("/api/bridge/stdio/ws")).toBe(101);
  expect(await upgrade("/api/bridge/stdio/ws", { host: `evil.example:${inspector.port}` })).toBe(403);
  expect(await upgrade("/api/bridge/stdio/ws", { origin: "http://evil.example" })).toBe(403);
  expect(await upgrade("/api/bridge/stdio/ws", { "sec-fetch-site": "cross-site" })).toBe(403);
  expect(await upgrade("/api/bridge/stdio/ws", { "sec-websocket-protocol": "mcp-lens.v1" })).toBe(401);
  expect(
    await upgrade("/api/bridge/stdio/ws", {
      "sec-websocket-protocol": "mcp-lens.v1",
      "x-mcp-lens-token": inspector.token,
    }),
  ).toBe(401);
  // The relay's channel, behind the same gate.
  const relay = (extra: Record<string, string> = {}) =>
    upgrade("/api/relay/ws", { "sec-websocket-protocol": `mcp-lens.relay.v1, token.${inspector.token}`, ...extra });
  expect(await relay()).toBe(101);
  expect(await relay({ host: `evil.example:${inspector.port}` })).toBe(403);
  expect(await relay({ origin: "http://evil.example" })).toBe(403);
  expect(await relay({ "sec-fetch-site": "cross-site" })).toBe(403);
  expect(await relay({ "sec-websocket-protocol": "mcp-lens.relay.v1" })).toBe(401);
  expect(await relay({ "sec-websocket-protocol": `mcp-lens.v1, token.${inspector.token}` })).toBe(400);
  expect(
    await upgrade("/api/relay/./ws", { "sec-websocket-protocol": `mcp-lens.relay.v1, token.${inspector.token}` }),
  ).toBe(400);
  for (const path of ["/x/../api/bridge/stdio/ws", "/api/bridge/stdio/%77s", "//api/bridge/stdio/ws"])
    expect(await upgrade(path), path).toBe(400);
  // Any other path, the page's included, is not upgraded by anyone (Next.js's listener is kept off this server).
  for (const path of ["/", "/_next/webpack-hmr", "/api/relay"]) expect(await upgrade(path), path).toBe(404);
});
