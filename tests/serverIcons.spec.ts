/**
 * Issue 19 item 11: a server's icon URLs are not fetched by the browser. The hostile fixture
 * (`--icon-base`) points its server and tool icons at a local HTTP server that records every
 * request: nothing arrives until the person asks, and then it comes from the relay (its
 * User-Agent; no browser cookie, no Referer, no token), and only inert images are shown.
 */
import { expect, test } from "@playwright/test";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { ICON_USER_AGENT } from "../lib/results";
import { connectHostile } from "./support/pageGuards";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>window.__pwned='icon-svg'</script><rect width="8" height="8" fill="red"/></svg>`;

let server: Server;
let base: string;
let hits: { url: string; headers: IncomingHttpHeaders }[];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push({ url: req.url ?? "", headers: req.headers });
    if (req.url?.endsWith(".svg")) res.writeHead(200, { "content-type": "image/svg+xml" }).end(SVG);
    else if (req.url === "/server-html.png")
      res
        .writeHead(200, { "content-type": "image/png" })
        .end("<!doctype html><script>window.__pwned='icon-html'</script>");
    else res.writeHead(200, { "content-type": "image/png" }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
test.beforeEach(() => {
  hits = [];
});

test("item 11: icon URLs are fetched only when asked, through the relay, and only raster images are shown", async ({
  page,
  context,
}) => {
  // A cookie the browser would send to the icon host (cookies ignore ports) if it fetched the icon itself.
  await context.addCookies([{ name: "tracker", value: "browser-cookie", domain: "127.0.0.1", path: "/" }]);
  const tools = await connectHostile(page, `--icon-base ${base}`);
  const icons = page.getByRole("region", { name: "Server", exact: true }).getByLabel("Server icons");
  await expect(icons.getByRole("button", { name: "Show 3 icons" })).toBeVisible();
  await tools.inspector.openTab(/^Tools/);
  await tools.select("hostile_media");
  await expect(
    tools.panel("hostile_media").getByLabel("Tool icon").getByRole("button", { name: "Show icon" }),
  ).toBeVisible();
  await page.waitForTimeout(1000);
  expect(hits, "no icon request before the person asks").toEqual([]);

  // The page's policy no longer lets an <img> load from an http(s) URL, should one be made.
  const direct = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const img = document.createElement("img");
        img.onload = () => resolve("loaded");
        img.onerror = () => resolve("blocked");
        img.src = url;
        document.body.append(img);
      }),
    `${base}/direct.png`,
  );
  expect(direct).toBe("blocked");
  expect(hits).toEqual([]);

  await tools.inspector.openTab("Handshake");
  await icons.getByRole("button", { name: "Show 3 icons" }).click();
  await expect.poll(() => hits.map((h) => h.url).sort()).toEqual(["/server-html.png", "/server.png", "/server.svg"]);
  for (const { url, headers } of hits) {
    expect(headers["user-agent"], url).toBe(ICON_USER_AGENT);
    expect(headers.cookie, url).toBeUndefined();
    expect(headers.referer, url).toBeUndefined();
    expect(headers.origin, url).toBeUndefined();
    expect(headers["x-mcp-lens-token"], url).toBeUndefined();
  }
  // A PNG as a Blob URL of its sniffed type; the SVG only in the empty sandbox; HTML called image/png is refused.
  await expect(icons.getByRole("img", { name: `icon from ${base}/server.png` })).toHaveAttribute("src", /^blob:/);
  await expect(icons.locator(`iframe[title="icon from ${base}/server.svg (SVG, sandboxed)"]`)).toHaveAttribute(
    "sandbox",
    "",
  );
  await expect(icons).toContainText("icon not shown: not an image MCP Lens shows (image/png)");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

  // The tool's icon is another request, made only when asked there.
  await tools.inspector.openTab(/^Tools/);
  await tools.select("hostile_media");
  expect(hits).toHaveLength(3);
  await tools.panel("hostile_media").getByLabel("Tool icon").getByRole("button", { name: "Show icon" }).click();
  await expect.poll(() => hits.map((h) => h.url)).toContain("/tool.png");
  expect(hits.find((h) => h.url === "/tool.png")?.headers["user-agent"]).toBe(ICON_USER_AGENT);
  await expect(tools.panel("hostile_media").getByRole("img", { name: `icon from ${base}/tool.png` })).toBeVisible();
});
