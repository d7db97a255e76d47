import { expect, test, type Page } from "@playwright/test";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import { AppsPage } from "./pages/apps";
import { FeaturesPage } from "./pages/features";
import { NODE, ROOT } from "./support/processes";
import { seriousViolations } from "./support/axe";

/**
 * Issue 15, MCP Apps: a real example server's view (server-basic-vanillajs) runs under its tool
 * call as a host runs it, gets the tool result, calls a tool through the host (logged on the wire),
 * every postMessage is in the traffic log, and the view cannot reach the inspector (rule 20).
 */
const example = (name: string) => resolve(ROOT, `node_modules/@modelcontextprotocol/${name}/dist/index.js`);
const BASIC = example("server-basic-vanillajs");
/** `themed`: the view marks its document with the theme it is told (the React one leaves it to `light-dark()`). */
const SERVERS = [
  { name: "server-basic-vanillajs", path: BASIC, themed: true },
  { name: "server-basic-react", path: example("server-basic-react"), themed: false },
];

async function runGetTime(page: Page, server = BASIC): Promise<AppsPage> {
  const apps = new AppsPage(page);
  await apps.tools.connectStdio({
    name: "basic app",
    transport: "stdio",
    command: NODE,
    args: `${server} --stdio`,
    protocol: "2025-11-25",
  });
  // The tool with a view is marked in the list.
  await expect(
    page.getByRole("listbox", { name: "Tools" }).getByRole("option", { name: "get-time", exact: true }),
  ).toContainText("App");
  await apps.tools.select("get-time");
  await apps.tools.call("get-time");
  await expect(apps.tools.result).toBeVisible();
  await expect(apps.section).toBeVisible();
  return apps;
}

for (const server of SERVERS)
  test(`${server.name}: the view renders, receives the tool result, and its tools/call goes through the session`, async ({
    page,
  }) => {
    const apps = await runGetTime(page, server.path);
    const view = apps.view("get-time");
    await expect(view.getByRole("button", { name: "Get Server Time" })).toBeVisible({ timeout: 20_000 });
    // The tool result (an ISO time) reached the view: "Loading..." is replaced.
    const time = view.locator("code").first();
    await expect(time).toHaveText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { timeout: 20_000 });
    await expect(apps.section).toContainText("Initialized.");
    // A picture of the view as the person sees it, kept with the test's results.
    // (The part of the frame its tab panel shows: a taller frame is scrolled, not cut by the tab bar.)
    const frame = page.locator('iframe[title="MCP App view of get-time"]');
    await frame.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const [f, p] = [(await frame.boundingBox())!, (await page.getByRole("tabpanel").boundingBox())!];
    const top = Math.max(f.y, p.y);
    const clip = { x: f.x, y: top, width: f.width, height: Math.min(f.y + f.height, p.y + p.height) - top };
    const shot = test.info().outputPath(`${server.name}-view.png`);
    await page.screenshot({ path: shot, clip });
    await test.info().attach(`${server.name} view`, { path: shot, contentType: "image/png" });

    // Every postMessage of the view's handshake is in the traffic log.
    const inspector = apps.tools.inspector;
    await inspector.filterTraffic("ui/initialize");
    await expect(inspector.trafficRows(/ui\/initialize/).first()).toBeVisible();
    await inspector.filterTraffic("ui/notifications/tool-result");
    await expect(inspector.trafficRows(/tool-result/).first()).toBeVisible();

    // A click in the view asks the server through the host: one more tools/call on the wire.
    await inspector.filterTraffic("tools/call");
    const before = await inspector.trafficRows(/request tools\/call/).count();
    await view.getByRole("button", { name: "Get Server Time" }).click();
    // The view's request (view → host, on the app channel) and the host's to the server.
    await expect
      .poll(() => inspector.trafficRows(/request tools\/call/).count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(before + 2);
    // The server request is attributed to the view; its own postMessages are on their channel.
    await expect(inspector.trafficRows(/outgoing request tools\/call .*asked by app view get-time#/)).toHaveCount(1);
    await inspector.filterTraffic("channel:app");
    await expect(inspector.trafficRows(/incoming request tools\/call .*on app view get-time#/)).toHaveCount(1);
    await expect(inspector.trafficRows(/outgoing request tools\/call/)).toHaveCount(0);
    // The real view and MCP Lens speak the extension as its schemas say: nothing flagged.
    await expect(inspector.trafficRows(/problem|not JSON-RPC|invalid JSON/)).toHaveCount(0);

    // ui/message reaches "what the model would see"; ui/open-link waits for the person, who refuses.
    await view.getByRole("button", { name: "Send Message" }).click();
    await expect(page.getByLabel("What the model would see")).toContainText("This is message text.");
    await view.getByRole("button", { name: "Open Link" }).click();
    const ask = page.getByRole("alertdialog", { name: "Open link" });
    await expect(ask).toContainText("https://modelcontextprotocol.io/");
    await ask.getByRole("button", { name: "Refuse" }).click();
    await expect(ask).toBeHidden();
    expect(page.context().pages()).toHaveLength(1);
  });

test("the view runs in an opaque origin: no storage, cookies, token or top page of the inspector", async ({ page }) => {
  const apps = await runGetTime(page);
  await expect(apps.view("get-time").getByRole("button", { name: "Get Server Time" })).toBeVisible({
    timeout: 20_000,
  });
  // The inspector keeps its pairing in localStorage: the page can read its own storage.
  expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);
  const frame = await apps.viewFrame();
  const seen = await frame.evaluate(() => {
    const attempt = (f: () => unknown) => {
      try {
        return `read:${String(f())}`;
      } catch (e) {
        return `blocked:${(e as Error).name}`;
      }
    };
    return {
      origin: window.origin,
      storage: attempt(() => localStorage.length),
      session: attempt(() => sessionStorage.length),
      cookie: attempt(() => document.cookie),
      top: attempt(() => window.top!.document.title),
      parent: attempt(() => window.parent.document.title),
    };
  });
  expect(seen.origin).toBe("null");
  expect(seen.storage).toBe("blocked:SecurityError");
  expect(seen.session).toBe("blocked:SecurityError");
  expect(seen.cookie).toMatch(/^blocked:SecurityError$|^read:$/);
  expect(seen.top).toBe("blocked:SecurityError");
  expect(seen.parent).toBe("blocked:SecurityError");
  // The inspector's own API is not reachable from the view (its CSP declares no domain).
  const fetched = await frame.evaluate(async () => {
    try {
      await fetch("/api/pending");
      return "reached";
    } catch {
      return "refused";
    }
  });
  expect(fetched).toBe("refused");
});

for (const server of SERVERS)
  test(`${server.name}: switching the host's theme and display mode reaches the view`, async ({ page }) => {
    const apps = await runGetTime(page, server.path);
    const view = apps.view("get-time");
    await expect(view.getByRole("button", { name: "Get Server Time" })).toBeVisible({ timeout: 20_000 });
    await expect(apps.section).toContainText("Initialized.");
    // What reaches the view's own window, seen from inside it.
    const frame = await apps.viewFrame();
    await frame.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      addEventListener("message", (e) => seen.push(e.data));
    });
    const received = () =>
      frame.evaluate(() =>
        (window as unknown as { seen: { method?: string; params?: Record<string, unknown> }[] }).seen
          .filter((m) => m.method === "ui/notifications/host-context-changed")
          .map((m) => m.params),
      );
    const context = page.getByRole("group", { name: "Host context" });
    await context.getByLabel("View theme").selectOption("dark");
    if (server.themed) await expect(view.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect.poll(received).toEqual([{ theme: "dark" }]);
    await context.getByLabel("View theme").selectOption("light");
    if (server.themed) await expect(view.locator("html")).toHaveAttribute("data-theme", "light");
    await context.getByLabel("Display mode").selectOption("fullscreen");
    await expect(page.getByRole("region", { name: "Fullscreen view" })).toBeVisible();
    await expect
      .poll(received)
      .toEqual([
        { theme: "dark" },
        { theme: "light" },
        expect.objectContaining({ displayMode: "fullscreen", containerDimensions: expect.anything() }),
      ]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("region", { name: "Fullscreen view" })).toBeHidden();
    await expect.poll(async () => (await received()).at(-1)).toMatchObject({ displayMode: "inline" });
    const inspector = apps.tools.inspector;
    await inspector.filterTraffic("channel:app host-context-changed fullscreen");
    await inspector
      .trafficRows(/outgoing notification ui\/notifications\/host-context-changed/)
      .first()
      .click();
    await expect(page.getByText('"displayMode": "fullscreen"').first()).toBeVisible();

    // A new call closes the first view: the host asks it to tear down first.
    await apps.tools.call("get-time");
    await inspector.filterTraffic("channel:app resource-teardown");
    await expect(inspector.trafficRows(/outgoing request ui\/resource-teardown .*on app view get-time#/)).toHaveCount(
      1,
    );

    // The host's own controls around the view pass axe (serious and critical findings).
    await expect(view.getByRole("button", { name: "Get Server Time" })).toBeVisible({ timeout: 20_000 });
    const found = await seriousViolations(page, 'section[aria-label="MCP App view"]');
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

test("a misbehaving view is contained and reported: CSP violation, error, no popup, no top navigation", async ({
  page,
}) => {
  const apps = new AppsPage(page);
  await apps.connectFixture("app fixture");
  await apps.tools.select("bad-view");
  await apps.tools.call("bad-view");
  await expect(apps.section).toBeVisible();
  await expect(apps.view("bad-view").getByText("Bad view loaded")).toBeVisible({ timeout: 20_000 });
  const problems = page.getByRole("list", { name: "View problems" });
  await expect(problems).toContainText("CSP blocked https://undeclared.example/data.json");
  await expect(problems).toContainText("thrown by the bad view");
  await expect(problems).toContainText("is flooding its host");
  // It never initializes: after 10 s the host says so, and what to check.
  await expect(problems).toContainText("has not initialized after 10 s", { timeout: 20_000 });
  await expect(apps.section).toContainText("Not initialized");
  const inspector = apps.tools.inspector;
  await inspector.filterTraffic("undeclared.example");
  await expect(inspector.trafficRows(/CSP blocked/).first()).toBeVisible();
  // The message that is not JSON-RPC 2.0 is logged and flagged (found by its text: the flood follows it).
  await inspector.filterTraffic("channel:app hello");
  await expect(inspector.trafficRows(/not JSON-RPC/)).toHaveCount(1);
  // A method the MCP Apps extension does not define is flagged by its schema check.
  await inspector.filterTraffic("channel:app ui/notifications/flood");
  await expect(inspector.trafficRows(/ui\/notifications\/flood .*problem/).first()).toBeVisible();
  // No window opened, the top page stayed, and the page still works.
  expect(page.context().pages()).toHaveLength(1);
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  await inspector.openTab(/^Tools/);
  await expect(page.getByRole("listbox", { name: "Tools" })).toBeVisible();
});

test("a ui:// resource shows what its view declares (CSP domains, permissions)", async ({ page }) => {
  const apps = new AppsPage(page);
  await apps.connectFixture("app fixture");
  // The Apps tab lists the tool with a view and opens it in Tools.
  await apps.tools.inspector.openTab(/^Apps/);
  const listed = page.getByRole("list", { name: "Tools with a view" });
  await expect(listed).toContainText("ui://fixture/bad-view.html");
  await listed.getByRole("button", { name: "Open bad-view in Tools" }).click();
  await expect(apps.tools.panel("bad-view")).toBeVisible();
  const features = new FeaturesPage(page);
  const panel = await features.selectResource("ui://fixture/bad-view.html");
  const contents = await features.read(panel);
  const declared = features.item(contents).getByRole("group", { name: "MCP App view declarations" });
  await expect(declared).toContainText("connect:https://api.declared.example");
  await expect(declared).toContainText("resources:none");
  await expect(declared).toContainText("permissions:clipboardWrite");
  await expect(declared).toContainText("border:preferred");
  // What the host will not use is said, not silently dropped.
  await expect(declared).toContainText("not used (not a plain origin):resourceDomains: 'unsafe-eval'");
});

/** A server on 127.0.0.1 that answers any GET with `text` to any origin (CORS), counting what reaches it. */
async function dataServer(text: string): Promise<{ origin: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "text/plain", "access-control-allow-origin": "*" });
    res.end(text);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

test("a view reaches only what its resource declares, never the inspector, with only the permissions it declares", async ({
  page,
  baseURL,
}) => {
  const declared = await dataServer("declared data");
  const undeclared = await dataServer("undeclared data");
  try {
    const apps = new AppsPage(page);
    const inspectorOrigin = new URL(baseURL!).origin;
    // The resource declares the first server and, as an attack, the inspector's own origin.
    const fetches = [`${declared.origin}/a`, `${undeclared.origin}/b`, `${inspectorOrigin}/api/pending`];
    await apps.connectFixture("probe", [
      `--allow ${declared.origin} --allow ${inspectorOrigin}`,
      ...fetches.map((url) => `--fetch ${url}`),
    ]);
    await apps.tools.select("probe-view");
    // The view will ask for a height of a billion pixels.
    await apps.tools.panel("probe-view").getByLabel("height", { exact: true }).fill("1000000000");
    await apps.tools.call("probe-view");
    const view = apps.view("probe-view");
    await expect(view.getByText("initialized", { exact: true })).toBeVisible({ timeout: 20_000 });
    const fetched = view.locator("#fetches");
    await expect(fetched).toContainText(`${declared.origin}/a -> declared data`);
    await expect(fetched).toContainText(`${undeclared.origin}/b -> blocked`);
    await expect(fetched).toContainText(`${inspectorOrigin}/api/pending -> blocked`);
    expect(declared.hits()).toBe(1);
    expect(undeclared.hits()).toBe(0);
    // Each refusal is shown under the view and in the log.
    const problems = page.getByRole("list", { name: "View problems" });
    await expect(problems).toContainText(`CSP blocked ${undeclared.origin}/b`);
    await expect(problems).toContainText(`CSP blocked ${inspectorOrigin}/api/pending`);
    // Permissions: the camera it declares, nothing else.
    await expect(view.locator("#features")).toHaveText(
      "camera: allowed, microphone: denied, geolocation: denied, clipboard-write: denied",
    );
    // The huge size request is held to the bound and reported.
    await expect(problems).toContainText("asked for a height of 1000000000 px; held to 2000 px");
    const frame = page.locator('iframe[title="MCP App view of probe-view"]');
    await expect.poll(async () => (await frame.boundingBox())?.height).toBe(2000);
    // The page still works and the view's handshake is valid.
    const inspector = apps.tools.inspector;
    await inspector.filterTraffic("channel:app");
    await expect(inspector.trafficRows(/problem|not JSON-RPC/)).toHaveCount(0);
  } finally {
    await declared.close();
    await undeclared.close();
  }
});

test("a view that asks to be closed is torn down, and says so", async ({ page }) => {
  const apps = new AppsPage(page);
  await apps.connectFixture("probe");
  await apps.tools.select("probe-view");
  await apps.tools
    .panel("probe-view")
    .getByRole("radiogroup", { name: "close" })
    .getByRole("radio", { name: "true" })
    .click();
  await apps.tools.call("probe-view");
  await expect(apps.section).toContainText("Closed: the view asked to be closed", { timeout: 20_000 });
  await expect(page.locator('iframe[title="MCP App view of probe-view"]')).toHaveCount(0);
  const inspector = apps.tools.inspector;
  await inspector.filterTraffic("channel:app teardown");
  await expect(inspector.trafficRows(/incoming notification ui\/notifications\/request-teardown/)).toHaveCount(1);
  await expect(inspector.trafficRows(/outgoing request ui\/resource-teardown/)).toHaveCount(1);
  // The tool result is still there, and calling again opens a new view.
  await expect(apps.tools.result).toContainText("probe view result");
});

test("a view that cannot run says why, under the tool result, and the page goes on", async ({ page }) => {
  const apps = new AppsPage(page);
  await apps.connectFixture("app fixture");
  // The server has no such resource: its own error is shown, and the failed read is on the wire.
  await apps.tools.select("missing-view");
  await apps.tools.call("missing-view");
  await expect(apps.tools.result).toContainText("missing view result");
  const failure = apps.section.getByRole("alert");
  await expect(failure).toContainText("The view could not run:");
  await expect(failure).toContainText("ui://fixture/missing.html");
  await expect(page.locator('iframe[title="MCP App view of missing-view"]')).toHaveCount(0);
  const inspector = apps.tools.inspector;
  await inspector.filterTraffic("method:resources/read is:error");
  await expect(inspector.trafficRows(/incoming error .*for ui:\/\/fixture\/missing\.html/)).toHaveCount(1);

  // Served as plain text/html: not run as an app, and the mime type it should have is named.
  await apps.tools.select("plain-view");
  await apps.tools.call("plain-view");
  await expect(apps.tools.result).toContainText("plain view result");
  await expect(apps.section.getByRole("alert")).toContainText("mime type text/html is not text/html;profile=mcp-app");
  await expect(page.locator('iframe[title="MCP App view of plain-view"]')).toHaveCount(0);
  // A view that can run still does, in the same session.
  await apps.tools.select("probe-view");
  await apps.tools.call("probe-view");
  await expect(apps.section).toContainText("Initialized.", { timeout: 20_000 });
});

test("links and downloads wait for the person: a javascript: link is refused unasked, the rest only after a click", async ({
  page,
}) => {
  const target = await dataServer("opened by the person");
  try {
    const apps = new AppsPage(page);
    await apps.connectFixture("probe");
    await apps.tools.select("probe-view");
    const panel = apps.tools.panel("probe-view");
    const link = panel.getByLabel("link", { exact: true });
    const answers = () => apps.view("probe-view").locator("#answers");

    // Not http(s): refused without asking anyone, the view is told.
    await link.click();
    await page.keyboard.type("javascript:alert(document.domain)");
    await apps.tools.call("probe-view");
    await expect(answers()).toContainText('open-link -> {"isError":true}', { timeout: 20_000 });
    await expect(page.getByRole("alertdialog")).toHaveCount(0);

    // http: the full URL is shown; nothing opens until Open.
    await link.press("ControlOrMeta+a");
    await page.keyboard.type(`${target.origin}/page`);
    await apps.tools.call("probe-view");
    const ask = page.getByRole("alertdialog", { name: "Open link" });
    await expect(ask).toContainText(`${target.origin}/page`, { timeout: 20_000 });
    expect(target.hits()).toBe(0);
    const popup = page.context().waitForEvent("page");
    await ask.getByRole("button", { name: "Open" }).click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${target.origin}/page`);
    // Opened apart from the inspector: no opener to reach back through.
    expect(await opened.evaluate(() => window.opener === null)).toBe(true);
    await opened.close();
    await expect(answers()).toContainText("open-link -> {}");

    // A download: the files by name, type and size, saved only after Save, as plain bytes.
    await link.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await panel.getByRole("radiogroup", { name: "download" }).getByRole("radio", { name: "true" }).click();
    await apps.tools.call("probe-view");
    const offer = page.getByRole("alertdialog", { name: "Download files" });
    await expect(offer).toContainText("report.csv (text/csv, 18 bytes)", { timeout: 20_000 });
    await expect(offer).toContainText("big.zip (no type): not saved, a link to https://example.com/big.zip");
    const download = page.waitForEvent("download");
    await offer.getByRole("button", { name: "Save" }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("report.csv");
    const { readFile } = await import("node:fs/promises");
    expect(await readFile((await saved.path())!, "utf8")).toBe("city,days\nParis,3\n");
    await expect(answers()).toContainText("download-file -> {}");
  } finally {
    await target.close();
  }
});
