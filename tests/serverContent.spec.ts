/**
 * Issue 19 item 2: a server's blob content must never run script in the app's origin. An SVG,
 * HTML or XHTML payload (servers/fixtures/hostile.ts, tool `hostile_media` and the
 * `hostile://media/…` resources) sets `window.__pwned` and fetches `/__pwned__/<tag>` if it runs.
 * Every Blob URL the page makes is recorded with its type and opened in a new tab.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { FeaturesPage } from "./pages/features";
import { connectHostile, madeBlobs, pwnedFlag, recordBlobs, sessionToken, type MadeBlob } from "./support/pageGuards";

/** Types a Blob URL may carry (lib/results/mediaTypes.ts): inert media or a plain download. */
const INERT =
  /^(image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)|audio\/[a-z0-9.+-]+|video\/(mp4|webm|ogg|quicktime)|application\/octet-stream)$/;
const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

let pwned: string[];
test.beforeEach(async ({ page, context }) => {
  pwned = [];
  context.on("request", (r) => {
    if (r.url().includes("/__pwned__/")) pwned.push(r.url());
  });
  page.on("dialog", (d) => void d.dismiss());
  await recordBlobs(page);
});

/** Opens a URL in a fresh tab as a person would (address bar); returns what ran there. */
async function openInTab(context: BrowserContext, url: string): Promise<{ flag?: string; downloaded: boolean }> {
  const tab = await context.newPage();
  const download = tab.waitForEvent("download", { timeout: 2000 }).then(
    () => true,
    () => false,
  );
  await tab.goto(url, { timeout: 5000 }).catch(() => {}); // an application/octet-stream blob downloads instead of loading
  await tab.waitForTimeout(300);
  const flag = await pwnedFlag(tab);
  const downloaded = await download;
  await tab.close();
  return { flag, downloaded };
}

/** The detector works: a text/html Blob made in the app's origin does run when opened (what the fix prevents). */
async function controlBlobRuns(page: Page, context: BrowserContext): Promise<void> {
  const url = await page.evaluate(() =>
    URL.createObjectURL(
      new Blob(["<script>window.__pwned='control';fetch(location.origin+'/__pwned__/control')</script>"], {
        type: "text/html",
      }),
    ),
  );
  expect((await openInTab(context, url)).flag).toBe("control");
  await expect.poll(() => pwned.filter((u) => u.endsWith("/__pwned__/control")).length).toBe(1);
  pwned = [];
}

async function expectOnlyInertBlobs(page: Page, context: BrowserContext, where: string): Promise<MadeBlob[]> {
  const blobs = (await madeBlobs(page)).filter((b) => b.type !== "text/html"); // the control
  for (const b of blobs) expect(b.type, `${where}: ${b.url}`).toMatch(INERT);
  for (const b of blobs) {
    const opened = await openInTab(context, b.url);
    expect(opened.flag, `${where}: ${b.type} ${b.url}`).toBeUndefined();
    if (b.type === "application/octet-stream") expect(opened.downloaded, `${where}: ${b.url} downloads`).toBe(true);
  }
  return blobs;
}

test("item 2: SVG, HTML and XHTML in image, audio and resource blobs never become a scriptable same-origin URL", async ({
  page,
  context,
}) => {
  const tools = await connectHostile(page);
  await controlBlobRuns(page, context);
  await tools.inspector.openTab(/^Tools/);
  await tools.select("hostile_media");
  await tools.call("hostile_media");
  const result = tools.panel("hostile_media").getByRole("region", { name: "Tool result" });
  const block = (name: string) => result.getByRole("article", { name });

  // An image/svg+xml block: drawn only inside the empty sandbox, never as an <img> on a Blob URL.
  const svgImage = block("image content 1");
  await expect(svgImage.locator("iframe")).toHaveAttribute("sandbox", "");
  await expect(svgImage.locator("iframe")).toHaveAttribute(
    "srcdoc",
    /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;.*src="data:image\/svg\+xml;base64,/,
  );
  await expect(svgImage.locator("img")).toHaveCount(0);
  // Audio and image blocks that say text/html: no player, no image, a note and an untyped download.
  for (const [name, kind] of [
    ["audio content 2", "audio"],
    ["image content 3", "image"],
  ] as const) {
    await expect(block(name)).toContainText(`Not previewed: “text/html” is not an ${kind} type`);
    await expect(block(name).locator("audio, img, video, iframe, object")).toHaveCount(0);
    await expect(
      block(name).getByRole("link", { name: new RegExp(`^Download ${kind}\\.bin \\(\\d+ B\\)$`) }),
    ).toBeVisible();
  }
  // An XHTML resource blob: only a download. An SVG resource blob: sandboxed, and a safe file name.
  await expect(block("resource content 4").locator("img, iframe, object")).toHaveCount(0);
  await expect(block("resource content 4").getByRole("link", { name: /^Download page\.xhtml/ })).toBeVisible();
  await expect(block("resource content 5").locator("iframe")).toHaveAttribute("sandbox", "");
  const [svgDownload] = await Promise.all([
    page.waitForEvent("download"),
    block("resource content 5")
      .getByRole("link", { name: /^Download / })
      .click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe("_.._evil_gnp.svg");
  // Inert media still preview: a PNG image, a WAV player, and a "PNG" that is really HTML (an image document runs nothing).
  await expect(block("image content 6").locator("img")).toHaveAttribute("src", /^data:image\/png;base64,/);
  await expect(block("audio content 7").locator("audio")).toHaveAttribute("src", /^blob:/);
  await expect(block("resource content 8").locator("img")).toHaveAttribute("src", /^blob:/);

  const blobs = await expectOnlyInertBlobs(page, context, "tool result");
  expect(blobs.map((b) => b.type)).toEqual(
    expect.arrayContaining(["audio/wav", "image/png", "application/octet-stream"]),
  );
  // A window.open of each URL from the page itself (as a middle-click would) runs nothing either.
  for (const b of blobs) await page.evaluate((url) => window.open(url, "_blank")?.close(), b.url);

  await page.waitForTimeout(500);
  expect(pwned).toEqual([]);
  expect(await pwnedFlag(page)).toBeUndefined();
  // Nothing ran inside the sandboxed SVG either (its script and onload would set the flag on themselves or fetch).
  expect(await page.frameLocator('iframe[title="SVG image content (sandboxed)"]').locator("img").count()).toBe(1);
});

test("item 2: resource reads of SVG, XHTML and odd audio types preview only sandboxed or not at all; downloads are untyped and safely named", async ({
  page,
  context,
}) => {
  const features = new FeaturesPage(page);
  await connectHostile(page);
  await controlBlobRuns(page, context);

  const svg = await features.selectResource("hostile://media/evil.svg");
  const svgItem = features.item(await features.read(svg));
  await expect(svgItem.locator("iframe")).toHaveAttribute("sandbox", "");
  await expect(svgItem.locator("img")).toHaveCount(0);
  const [svgDownload] = await Promise.all([
    page.waitForEvent("download"),
    svgItem.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe("evil.svg");

  const xhtml = await features.selectResource("hostile://media/page.xhtml");
  const xhtmlItem = features.item(await features.read(xhtml));
  await expect(xhtmlItem).toContainText("Decoded as UTF-8 text"); // shown as source, never rendered
  await expect(xhtmlItem.locator("iframe, img, object")).toHaveCount(0);

  const audio = await features.selectResource("hostile://media/sound.html");
  const audioItem = features.item(await features.read(audio));
  await expect(audioItem).toContainText("Not previewed: audio/html");
  await expect(audioItem.locator("audio")).toHaveCount(0);
  const [audioDownload] = await Promise.all([
    page.waitForEvent("download"),
    audioItem.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(audioDownload.suggestedFilename()).toBe("sound.html");

  const evil = await features.selectResource("ui://hostile/..%2F..%2Fevil%E2%80%AEgnp.svg");
  const evilItem = features.item(await features.read(evil));
  const [evilDownload] = await Promise.all([
    page.waitForEvent("download"),
    evilItem.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(evilDownload.suggestedFilename()).toBe("_.._evil_gnp.svg");

  const blobs = await expectOnlyInertBlobs(page, context, "resource reads");
  expect(blobs.map((b) => b.type)).toEqual([
    "application/octet-stream",
    "application/octet-stream",
    "application/octet-stream",
  ]);
  await page.waitForTimeout(500);
  expect(pwned).toEqual([]);
  expect(await pwnedFlag(page)).toBeUndefined();
});

test("item 2: every same-origin response carries a CSP: the nonce policy on pages and files, an empty sandbox on the API", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const token = await sessionToken();
  const api = [
    await request.post("/api/bridge/stdio", { headers: { "content-type": "application/json" }, data: "{}" }), // 401, from the gate
    await request.post("/api/bridge/stdio", {
      headers: { "content-type": "application/json", "x-mcp-lens-token": token },
      data: "{}",
    }), // 400, from the route
    await request.get("/api/relay", { headers: { "x-mcp-lens-token": token } }), // 405
    await request.post("/api/no-such-route", { headers: { "x-mcp-lens-token": token } }), // 404
  ];
  expect(api.map((r) => r.status())).toEqual([401, 400, 405, 404]);
  for (const r of api) expect(r.headers()["content-security-policy"], r.url()).toBe(API_CSP);

  for (const path of ["/", "/no-such-page", "/icon.svg"]) {
    const r = await request.get(path);
    const csp = r.headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'self'");
    expect(r.headers()["x-content-type-options"], path).toBe("nosniff");
  }
  const script = await page.evaluate(() =>
    document.querySelector<HTMLScriptElement>("script[src^='/_next/static/']")?.getAttribute("src"),
  );
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["content-security-policy"]).toMatch(/default-src 'self'/);
});
