import { expect, test, type FrameLocator } from "@playwright/test";
import { resolve } from "node:path";
import { AppsPage } from "./pages/apps";
import { NODE, ROOT } from "./support/processes";

/**
 * Issue 15, the host side: the real `@modelcontextprotocol/server-debug` view (the MCP Apps SDK's
 * own debugging app, which prints the host context it is given and every callback it gets) run by
 * MCP Lens. What the person picks in the host panel reaches the view; partial input arrives before
 * the input; fullscreen and picture-in-picture are places on the page, not just sizes.
 */
const DEBUG = resolve(ROOT, "node_modules/@modelcontextprotocol/server-debug/dist/index.js");

async function openDebugView(apps: AppsPage): Promise<FrameLocator> {
  await apps.tools.connectStdio({
    name: "debug app",
    transport: "stdio",
    command: NODE,
    args: `${DEBUG} --stdio`,
    protocol: "2025-11-25",
  });
  await apps.tools.select("debug-tool");
  await apps.tools.call("debug-tool");
  await expect(apps.section).toContainText("Initialized.", { timeout: 20_000 });
  return apps.view("debug-tool");
}

/** The value the debug view shows for a host context field (its "Context" definition list). */
const shown = (view: FrameLocator, term: string) =>
  view.locator("#host-context-info dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");

test("the host panel's locale, time zone, platform, theme and display mode reach the view", async ({ page }) => {
  const apps = new AppsPage(page);
  const view = await openDebugView(apps);
  const context = page.getByRole("group", { name: "Host context" });
  await expect(shown(view, "Display Mode")).toHaveText("inline");

  await context.getByLabel("Locale").selectOption("ja-JP");
  await expect(shown(view, "Locale")).toHaveText("ja-JP");
  await context.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await expect(shown(view, "TimeZone")).toHaveText("Asia/Tokyo");
  await context.getByLabel("Platform").selectOption("mobile");
  await expect(shown(view, "Platform")).toHaveText("mobile");
  await context.getByLabel("View theme").selectOption("dark");
  await expect(shown(view, "Theme")).toHaveText("dark");

  // Fullscreen: the view covers the window, is told so, and Escape brings it back inline.
  await context.getByLabel("Display mode").selectOption("fullscreen");
  const fullscreen = page.getByRole("region", { name: "Fullscreen view" });
  await expect(fullscreen).toBeVisible();
  await expect(shown(view, "Display Mode")).toHaveText("fullscreen");
  const frame = page.locator('iframe[title="MCP App view of debug-tool"]');
  const box = (await frame.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.width).toBe(viewport.width);
  expect(box.height).toBeGreaterThan(viewport.height - 80);
  // A tab switched by keyboard (the palette) leaves the view fullscreen over the window, as a host's.
  // Escape closing the palette is the palette's: the view stays fullscreen.
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Command palette" })).toBeHidden();
  await expect(fullscreen).toBeVisible();
  await page.keyboard.press("Control+K");
  await page.keyboard.type("flow");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("tabpanel")).toHaveAttribute("id", "panel-flow");
  await expect(fullscreen).toBeVisible();
  expect((await frame.boundingBox())!.width).toBe(viewport.width);
  await expect(shown(view, "Display Mode")).toHaveText("fullscreen");
  await page.keyboard.press("Escape");
  await expect(fullscreen).toBeHidden();
  await expect(shown(view, "Display Mode")).toHaveText("inline");
  await apps.tools.inspector.openTab(/^Tools/);

  // Picture in picture: a small window in the corner, back inline by its button.
  await context.getByLabel("Display mode").selectOption("pip");
  const pip = page.getByRole("region", { name: "Picture-in-picture view" });
  await expect(pip).toBeVisible();
  await expect(shown(view, "Display Mode")).toHaveText("pip");
  const small = (await frame.boundingBox())!;
  expect(small.width).toBe(320);
  expect(small.x + small.width).toBeGreaterThan(viewport.width - 40);
  // It floats over the other tabs too, as a host's does, and keeps running there.
  await apps.tools.inspector.openTab(/^Flow/);
  await expect(page.getByRole("tabpanel")).toHaveAttribute("id", "panel-flow");
  await expect(pip).toBeVisible();
  await expect(page.getByRole("listbox", { name: "Tools" })).toBeHidden();
  await expect(shown(view, "Display Mode")).toHaveText("pip");
  await expect(pip.getByRole("button", { name: "Back inline" })).toBeVisible();
  await apps.tools.inspector.openTab(/^Tools/);
  await pip.getByRole("button", { name: "Back inline" }).click();
  await expect(shown(view, "Display Mode")).toHaveText("inline");

  // The view asks for fullscreen itself (ui/request-display-mode): granted, the panel follows.
  await view.locator("#display-fullscreen-btn").click();
  await expect(fullscreen).toBeVisible();
  await expect(context.getByLabel("Display mode")).toHaveValue("fullscreen");
  await fullscreen.getByRole("button", { name: /Exit fullscreen/ }).click();
  await expect(shown(view, "Display Mode")).toHaveText("inline");

  // The view calls its app-only tool through the host: on the wire, attributed to the view.
  const inspector = apps.tools.inspector;
  await inspector.filterTraffic("debug-refresh");
  const asked = inspector.trafficRows(/outgoing request tools\/call .*asked by app view debug-tool#/);
  const before = await asked.count();
  await view.locator("#call-debug-refresh-btn").click();
  await expect.poll(() => asked.count()).toBeGreaterThan(before);

  // Looking at another tab leaves the view running: back in Tools, it is the same view, not torn down.
  await inspector.openTab(/^Flow/);
  await inspector.openTab(/^Tools/);
  await expect(shown(view, "Locale")).toHaveText("ja-JP");
  await inspector.filterTraffic("channel:app resource-teardown");
  await expect(inspector.trafficRows(/ui\/resource-teardown/)).toHaveCount(0);

  // Each change went to the view as one host-context-changed notification with only what changed.
  await inspector.filterTraffic("channel:app host-context-changed Asia/Tokyo");
  await expect(inspector.trafficRows(/outgoing notification ui\/notifications\/host-context-changed/)).toHaveCount(1);
});

test("partial input streams before the input, then the result; the host picks stay for the next call", async ({
  page,
}) => {
  const apps = new AppsPage(page);
  await openDebugView(apps);
  const context = page.getByRole("group", { name: "Host context" });
  await context.getByLabel("Locale").selectOption("fr-FR");
  await context.getByLabel("Stream the arguments as partial input (next call)").check();

  // The person types a long input into the form (a field that already holds nothing), then calls again.
  const panel = apps.tools.panel("debug-tool");
  const field = panel.getByLabel("largeInput", { exact: true });
  await field.click();
  await page.keyboard.type("The quick brown fox jumps over the lazy dog");
  await apps.tools.call("debug-tool");
  await expect(apps.section).toContainText("Initialized.", { timeout: 20_000 });
  const view = apps.view("debug-tool");
  await expect(shown(view, "Locale")).toHaveText("fr-FR");
  await expect(context.getByLabel("Stream the arguments as partial input (next call)")).toBeChecked();

  // The view's own event log: partial input first, then the whole input, then the result.
  const log = view.locator("#event-log .log-type");
  await expect(log.filter({ hasText: "ontoolresult" })).toHaveCount(1, { timeout: 20_000 });
  const order = (await log.allInnerTexts()).map((t) => t.replace(/:$/, ""));
  const calls = order.filter((t) => /^ontoolinput|^ontoolresult$/.test(t));
  expect(calls[0]).toBe("ontoolinputpartial");
  expect(calls.filter((t) => t === "ontoolinputpartial").length).toBeGreaterThanOrEqual(2);
  expect(calls.slice(-2)).toEqual(["ontoolinput", "ontoolresult"]);

  // On the wire: the partial inputs grow, and are valid MCP Apps messages.
  const inspector = apps.tools.inspector;
  await inspector.filterTraffic("channel:app tool-input-partial");
  const partials = inspector.trafficRows(/outgoing notification ui\/notifications\/tool-input-partial/);
  expect(await partials.count()).toBeGreaterThanOrEqual(2);
  await expect(inspector.trafficRows(/problem/)).toHaveCount(0);
  await partials.first().click();
  await expect(page.getByText('"largeInput": "The quick brown fox j').first()).toBeVisible();
});
