import { expect, test, type Page } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { seriousViolations } from "./support/axe";
import { EVERYTHING, NODE } from "./support/processes";

/**
 * Issue 16: axe-core finds no serious or critical violation on any view, in light and dark:
 * the connection page, every session tab, a picked tool, an open traffic row and the import dialog.
 */
async function expectClean(page: Page, view: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `${view}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious or critical axe violation on any view (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const tools = new ToolsPage(page);
    await tools.inspector.open();
    await expectClean(page, "connection page");

    await page.getByRole("button", { name: /^Import/ }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectClean(page, "import dialog");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();

    await tools.connectStdio({
      name: "everything a11y",
      transport: "stdio",
      command: NODE,
      args: `${EVERYTHING} stdio`,
      protocol: "2025-11-25",
    });
    await tools.select("echo");
    await tools.useJson("echo", { message: "checked" });
    await tools.call("echo");
    await expect(tools.result).toContainText("checked");
    await expectClean(page, "Tools with a result");

    // A traffic row picked: the selected row and its detail.
    await tools.inspector.trafficRows(/^outgoing request tools\/call echo/).click();
    await expectClean(page, "traffic row picked");

    const tabs = page.getByRole("tablist", { name: "Session views" }).getByRole("tab");
    const ids = await tabs.evaluateAll((els) => els.map((el) => el.id));
    for (const id of ids) {
      await page.locator(`[role="tab"][id="${id}"]`).click();
      await expect(page.getByRole("tabpanel")).toBeVisible();
      await expectClean(page, `tab ${id}`);
    }
  });
}

/** Every form construct of the schema corpus (objects, arrays, tuples, maps, unions, $ref, formats): no serious violation. */
test("no serious or critical axe violation on the argument form of any schema construct", async ({ page }) => {
  test.setTimeout(120_000);
  const tools = new ToolsPage(page);
  await tools.connectCorpus();
  const names = await page
    .getByRole("listbox", { name: "Tools" })
    .getByRole("option")
    .evaluateAll((els) => els.map((el) => el.querySelector(":scope > .sr-only")!.textContent!));
  expect(names).toEqual(expect.arrayContaining(["nested_object", "tuple_and_map", "recursive_tree", "root_one_of"]));
  for (const name of names) {
    await tools.select(name);
    const panel = tools.panel(name);
    // Open what is folded: one array item, one map entry, one $ref, so their controls are checked too.
    for (const button of [/^Add .* item$/, /^Add .* entry$/, /^Expand /]) {
      const first = panel.getByRole("button", { name: button }).first();
      if (await first.isVisible()) await first.click();
    }
    await expectClean(page, `form of ${name}`);
  }
});
