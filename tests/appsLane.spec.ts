import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { AppsPage } from "./pages/apps";
import { NODE, ROOT } from "./support/processes";

/**
 * Issue 15, MCP Apps: the sequence diagram gives a view its own lane, left of the client (its
 * host), once the log holds the view's postMessages; at 1024 px the page still never scrolls sideways.
 */
const BASIC = resolve(ROOT, "node_modules/@modelcontextprotocol/server-basic-vanillajs/dist/index.js");
const VIEW_TITLE = "MCP App view (sandboxed frame)";

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The x (in % of the row) where a lane title is centred in the diagram's header. */
async function laneX(diagram: Locator, lane: string): Promise<number> {
  const left = await diagram.locator(`[data-lane="${lane}"]`).evaluate((el) => (el as HTMLElement).style.left);
  return Number.parseFloat(left);
}

/** Where a row's arrow starts and ends, in % of the row. */
async function arrowEnds(row: Locator): Promise<[number, number]> {
  const line = row.locator("line[marker-end]");
  const [x1, x2] = await Promise.all([line.getAttribute("x1"), line.getAttribute("x2")]);
  return [Number.parseFloat(x1 ?? "NaN"), Number.parseFloat(x2 ?? "NaN")];
}

/**
 * Connect to the example server (the Flow tab shows the three usual lanes), call get-time, and
 * click the view's "Get Server Time" so it asks the server through its host.
 */
async function runViewAndAsk(page: Page): Promise<AppsPage> {
  await page.setViewportSize({ width: 1024, height: 768 });
  const apps = new AppsPage(page);
  const inspector = apps.tools.inspector;
  await apps.tools.connectStdio({
    name: "basic app",
    transport: "stdio",
    command: NODE,
    args: `${BASIC} --stdio`,
    protocol: "2025-11-25",
  });
  // No view has spoken yet: the three lanes of any session, as before.
  await inspector.openTab("Flow");
  await expect(flowOf(page).locator("[data-lane]")).toHaveCount(3);
  await expect(flowOf(page).getByText(VIEW_TITLE)).toHaveCount(0);

  await inspector.openTab(/^Tools/);
  await apps.tools.select("get-time");
  await apps.tools.call("get-time");
  const view = apps.view("get-time");
  await expect(view.getByRole("button", { name: "Get Server Time" })).toBeVisible({ timeout: 20_000 });
  await expect(apps.section).toContainText("Initialized.");
  await view.getByRole("button", { name: "Get Server Time" }).click();
  await inspector.filterTraffic("channel:app method:tools/call");
  await expect(inspector.trafficRows(/^outgoing result/)).toHaveCount(1, { timeout: 10_000 });
  return apps;
}

const flowOf = (page: Page) => page.getByRole("region", { name: "Message flow" });
const diagramOf = (page: Page) => page.getByRole("list", { name: "Sequence diagram" });
const INIT = /^view to client: request ui\/initialize id/;
/** The tools/call the host sent the server for the view (its label names the view). */
const forwardedOf = (page: Page) =>
  diagramOf(page)
    .getByRole("listitem", { name: /^client to server: request tools\/call get-time/ })
    .filter({ hasText: /for app view get-time#/ });

test("the Flow tab draws an MCP App view's postMessages on the view's own lane, left of the client", async ({
  page,
}) => {
  const { tools } = await runViewAndAsk(page);
  const inspector = tools.inspector;
  const flow = flowOf(page);
  const diagram = diagramOf(page);
  await inspector.openTab("Flow");
  await expect(flow.locator("[data-lane]")).toHaveCount(4);
  await expect(flow.getByText(VIEW_TITLE)).toBeVisible();
  const [viewX, clientX, serverX] = await Promise.all([
    laneX(flow, "view"),
    laneX(flow, "client"),
    laneX(flow, "server"),
  ]);
  expect(viewX).toBeLessThan(clientX);
  expect(clientX).toBeLessThan(serverX);

  // The app channel alone: the handshake goes view → client, the tool's result client → view.
  await inspector.filterTraffic("channel:app");
  const init = diagram.getByRole("listitem", { name: INIT });
  await expect(init).toHaveCount(1);
  expect(await arrowEnds(init)).toEqual([viewX, clientX]);
  const answer = diagram.getByRole("listitem", { name: /^client to view: response ui\/initialize id/ });
  await expect(answer).toHaveCount(1);
  const result = diagram.getByRole("listitem", {
    name: /^client to view: notification ui\/notifications\/tool-result$/,
  });
  await expect(result.first()).toBeVisible();
  expect(await arrowEnds(result.first())).toEqual([clientX, viewX]);
  await expect(diagram.getByRole("listitem", { name: /to server|server to/ })).toHaveCount(0);

  // The walkthrough explains the extension's method and links its specification.
  await init.click();
  const walk = page.getByRole("region", { name: "Walkthrough" });
  await expect(walk.getByRole("heading", { name: "ui/initialize: the view's handshake" })).toBeVisible();
  await expect(walk).toContainText("view → client via postMessage, app view get-time#");
  await expect(walk.getByRole("link", { name: "Read the specification" })).toHaveAttribute(
    "href",
    /ext-apps\/blob\/main\/specification\/2026-01-26\/apps\.mdx/,
  );
  await walk.getByRole("button", { name: "Show the response" }).click();
  await expect(walk.getByRole("heading", { name: "Result of ui/initialize (app view)" })).toBeVisible();

  // The view's tools/call and the request the host sent the server for it.
  await inspector.filterTraffic("method:tools/call");
  await expect(diagram.getByRole("listitem", { name: /^view to client: request tools\/call get-time/ })).toHaveCount(1);
  await expect(forwardedOf(page)).toHaveCount(1);
  expect(await arrowEnds(forwardedOf(page))).toEqual([clientX, serverX]);
  expect(await pageWidth(page)).toBeLessThanOrEqual(1024);
});

test("a recording of an MCP App session, reopened offline, draws the view's lane", async ({ page }) => {
  const { tools } = await runViewAndAsk(page);
  const inspector = tools.inspector;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export recording" }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  await inspector.disconnect();
  await page
    .getByLabel("Open recording")
    .setInputFiles({ name: "basic-app.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByText(/offline recording of/)).toBeVisible();
  // No view runs offline; its recorded messages still have their lane.
  await inspector.openTab("Flow");
  await expect(flowOf(page).locator("[data-lane]")).toHaveCount(4);
  await inspector.filterTraffic("channel:app");
  await expect(diagramOf(page).getByRole("listitem", { name: INIT })).toHaveCount(1);
  await inspector.filterTraffic("method:tools/call");
  await expect(forwardedOf(page)).toHaveCount(1);
  expect(await pageWidth(page)).toBeLessThanOrEqual(1024);
});
