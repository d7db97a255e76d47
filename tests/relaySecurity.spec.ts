import { expect, test, type Page, type Response } from "@playwright/test";
import { once } from "node:events";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import { RELAY_SOCKET_PATH, type RelaySocketMessage } from "../lib/base";
import { InspectorPage } from "./pages/inspector";
import { descendants, startEverythingHttp, startInspector } from "./support/processes";

/** Issue 19 items 6 and 7: what an upstream's redirects and headers can do to the page, through a real inspector and browser. */

type Inspector = Awaited<ReturnType<typeof startInspector>>;
let inspector: Inspector;
test.beforeAll(async () => {
  inspector = await startInspector();
});
test.afterAll(async () => {
  await inspector.stop();
});

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as { port: number }).port;
}

/** Every response the page received from the inspector's relay route, with all its headers. */
/**
 * The relay's answers as the page receives them: the headers of each `/api/relay` HTTP response, and
 * of each answer's head on the relay's WebSocket channel (what the page builds its Response from).
 */
function relayResponses(page: Page): Array<Promise<Record<string, string>>> {
  const seen: Array<Promise<Record<string, string>>> = [];
  page.on("response", (r: Response) => void (new URL(r.url()).pathname === "/api/relay" && seen.push(r.allHeaders())));
  page.on("websocket", (ws) => {
    if (new URL(ws.url()).pathname !== RELAY_SOCKET_PATH) return;
    ws.on("framereceived", ({ payload }) => {
      if (typeof payload !== "string") return;
      const message = JSON.parse(payload) as RelaySocketMessage;
      if (message.t !== "head") return;
      const headers: Record<string, string> = {};
      for (const [name, value] of message.headers) headers[name] = value;
      seen.push(Promise.resolve(headers));
    });
  });
  return seen;
}

test("item 6: an upstream 307 to an inspector route is not followed by the browser; the page follows it through the relay, without the token", async ({
  browser,
}) => {
  const hits: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  const upstream = createServer((req, res) => {
    req.resume();
    hits.push({ path: req.url ?? "", headers: req.headers });
    if (req.url === "/mcp") res.writeHead(307, { location: "/api/bridge/stdio" }).end();
    else if (req.url === "/absolute") res.writeHead(308, { location: `${inspector.url}/api/bridge/stdio` }).end();
    else res.writeHead(404, { "content-type": "text/plain" }).end("not here");
  });
  const port = await listen(upstream);
  const context = await browser.newContext({ baseURL: inspector.url });
  try {
    const page = await context.newPage();
    const pagePaths: string[] = [];
    page.on("request", (r) => void pagePaths.push(`${r.method()} ${new URL(r.url()).pathname}`));
    const before = descendants(inspector.child.pid!).length;
    const ui = new InspectorPage(page);
    await ui.open();
    for (const path of ["/mcp", "/absolute"]) {
      await ui.addConnection({
        transport: "Streamable HTTP",
        url: `http://127.0.0.1:${port}${path}`,
        protocol: "2025-11-25",
      });
      await ui.connect();
      await expect(ui.failure).toBeVisible();
      // The log goes on past the hop (the final 401 starts an authorization discovery): look for the hop itself.
      const status = path === "/mcp" ? 307 : 308;
      await ui.filterTraffic(`status:${status}`);
      await expect(ui.trafficRows(new RegExp(`HTTP response POST ${status}`)).first()).toBeVisible();
      await ui.filterTraffic("");
    }
    // The browser itself never went to the stdio route: only the relay did, and only to the upstream or without the token.
    expect(pagePaths.filter((p) => p.includes("/api/bridge/stdio"))).toEqual([]);
    expect(hits.map((h) => h.path)).toContain("/api/bridge/stdio");
    for (const hit of hits) expect(hit.headers["x-mcp-lens-token"], hit.path).toBeUndefined();
    expect(descendants(inspector.child.pid!).length).toBe(before);
  } finally {
    await context.close();
    upstream.close();
  }
});

test("item 7: a server's Clear-Site-Data, Set-Cookie and forged relay header never reach the browser; the traffic detail shows them as data", async ({
  browser,
}) => {
  const everything = await startEverythingHttp("streamableHttp");
  const target = new URL(everything.url);
  const hostile: Record<string, string | string[]> = {
    "clear-site-data": '"storage", "cookies", "cache"',
    "set-cookie": ["lens_session=stolen; Path=/", "other=1; Path=/api"],
    "x-mcp-lens-relay-error": "1",
    "content-security-policy": "default-src 'none'; report-uri http://evil.example/",
    refresh: "0; url=http://evil.example/",
    link: "<http://evil.example/x.js>; rel=preload; as=script",
  };
  // A proxy in front of server-everything that adds the hostile headers to every answer.
  const proxy = createServer((req, res) => {
    const out = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, ...hostile });
        up.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  const port = await listen(proxy);
  const context = await browser.newContext({ baseURL: inspector.url });
  try {
    const page = await context.newPage();
    const relayed = relayResponses(page);
    const ui = new InspectorPage(page);
    await ui.open();
    await ui.addConnection({ name: "kept", transport: "stdio", command: "node", args: "server.js" });
    await ui.form.getByRole("button", { name: "Save", exact: true }).click();
    const saved = await page.evaluate(() => localStorage.getItem("mcp-lens.connections"));
    expect(saved).toContain('"name":"kept"');

    await ui.addConnection({
      name: "hostile headers",
      transport: "Streamable HTTP",
      url: `http://127.0.0.1:${port}${target.pathname}`,
      protocol: "2025-11-25",
    });
    await ui.connect();
    await ui.expectConnected(); // a forged x-mcp-lens-relay-error would have failed the connection with a fake message
    expect(relayed.length).toBeGreaterThan(0);
    for (const headers of await Promise.all(relayed)) {
      for (const name of ["clear-site-data", "set-cookie", "x-mcp-lens-relay-error", "refresh", "link"])
        expect(headers[name], name).toBeUndefined();
      expect(headers["content-security-policy"] ?? "").not.toContain("evil.example");
    }
    // Only the inspector's own session cookie: none of the server's, and the server's Clear-Site-Data did not remove ours.
    expect((await context.cookies()).map((c) => c.name)).toEqual([expect.stringMatching(/^mcp-lens-\d+$/)]);
    expect(await page.evaluate(() => localStorage.getItem("mcp-lens.connections"))).toContain('"name":"kept"');

    await ui.filterTraffic("clear-site-data");
    await ui
      .trafficRows(/HTTP response POST 200/)
      .first()
      .click();
    const detail = page.getByRole("region", { name: "response headers" }).first();
    await expect(detail).toContainText("clear-site-data");
    await expect(detail).toContainText('"storage", "cookies", "cache"');
    await expect(detail).toContainText("x-mcp-lens-relay-error");
    await expect(detail).toContainText("set-cookie");
    await expect(detail).not.toContainText("stolen");
    await ui.disconnect();
  } finally {
    await context.close();
    proxy.close();
    await everything.stop();
  }
});
