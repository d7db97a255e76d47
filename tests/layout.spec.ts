import { expect, test, type Page } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { NODE, PLAYWRIGHT_MCP } from "./support/processes";

/**
 * Issue 16: a layout that bends. On `@playwright/mcp` (25 tools with long names, most marked
 * destructive) at 1024×768 and 1440×900: no horizontal page scroll on any tab, every tool name
 * readable whole in the list and the panel, and the destructive-tool confirmation where the
 * person is looking.
 */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function connectPlaywrightMcp(page: Page, size: { width: number; height: number }): Promise<ToolsPage> {
  await page.setViewportSize(size);
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: `playwright mcp ${size.width}`,
    transport: "stdio",
    command: NODE,
    args: `${PLAYWRIGHT_MCP} --headless --isolated`,
    protocol: "2025-11-25",
  });
  return tools;
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`${size.width}×${size.height}: every tool name whole, no horizontal page scroll on any tab`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await connectPlaywrightMcp(page, size);
    const listbox = page.getByRole("listbox", { name: "Tools" });
    await expect(listbox.getByRole("option").first()).toBeVisible();
    expect(await pageWidth(page), "page width on Tools").toBeLessThanOrEqual(size.width);

    // Every option: the name's box holds its whole text (no ellipsis, no clipped second line).
    const seen = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const rows = await listbox.getByRole("option").evaluateAll((els) =>
        els.map((el) => {
          const name = el.querySelector(":scope > .sr-only")!.textContent!;
          const box = el.querySelector<HTMLElement>("[title]")!;
          const r = box.getBoundingClientRect();
          const option = el.getBoundingClientRect();
          return {
            name,
            shown: box.textContent,
            whole: box.scrollWidth <= box.clientWidth && box.scrollHeight <= box.clientHeight + 1,
            inside: r.right <= option.right + 0.5 && r.bottom <= option.bottom + 0.5,
          };
        }),
      );
      for (const row of rows) {
        seen.add(row.name);
        expect(row, `tool name ${row.name}`).toEqual({ name: row.name, shown: row.name, whole: true, inside: true });
      }
      const atEnd = await listbox.evaluate((el) => {
        const scroller = el.closest("[data-virtual-scroller]") ?? el;
        const before = scroller.scrollTop;
        scroller.scrollTop += scroller.clientHeight;
        return scroller.scrollTop === before;
      });
      if (atEnd) break;
    }
    expect(seen.size, "every tool was checked").toBeGreaterThanOrEqual(20);
    expect([...seen]).toContain("browser_console_messages");
    expect([...seen]).toContain("browser_network_requests");

    // The panel's heading holds the whole name too.
    const tools = new ToolsPage(page);
    await tools.select("browser_console_messages");
    const heading = tools.panel("browser_console_messages").getByRole("heading", { name: "browser_console_messages" });
    await expect(heading).toBeVisible();
    expect(await heading.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);

    const tabs = page.getByRole("tablist", { name: "Session views" }).getByRole("tab");
    for (const id of await tabs.evaluateAll((els) => els.map((el) => el.id))) {
      await page.locator(`[role="tab"][id="${id}"]`).click();
      await expect(page.getByRole("tabpanel")).toBeVisible();
      expect(await pageWidth(page), `page width on ${id}`).toBeLessThanOrEqual(size.width);
    }
  });
}

test("1024×768: the destructive-tool confirmation shows in view with the focus on it; don't ask again holds", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const tools = await connectPlaywrightMcp(page, { width: 1024, height: 768 });
  // A tool with a long description and a form of five fields.
  await tools.select("browser_emulate_media");
  await tools.call("browser_emulate_media");
  const confirm = page.getByRole("alertdialog", { name: "Confirm call" });
  await expect(confirm).toBeInViewport();
  await expect(confirm).toContainText("browser_emulate_media is marked destructive by the server. Call it?");
  await expect(confirm.getByRole("button", { name: "Call it" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(tools.inspector.trafficRows(/tools\/call browser_emulate_media/)).toHaveCount(0);

  // browser_close: harmless with no browser open. Asked once, then not again in this session.
  await tools.select("browser_close");
  await tools.call("browser_close");
  await expect(confirm).toBeInViewport();
  await confirm.getByRole("checkbox", { name: "Don't ask again for this tool in this session" }).check();
  await confirm.getByRole("button", { name: "Call it" }).click();
  await expect(tools.inspector.trafficRows(/^outgoing request tools\/call browser_close/)).toHaveCount(1);
  await tools.select("browser_resize");
  await tools.select("browser_close");
  await tools.call("browser_close");
  await expect(tools.inspector.trafficRows(/^outgoing request tools\/call browser_close/)).toHaveCount(2);
  await expect(confirm).toBeHidden();
  // Other destructive tools still ask.
  await tools.select("browser_resize");
  await tools.call("browser_resize");
  await expect(confirm).toBeInViewport();
});
