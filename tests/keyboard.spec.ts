import { expect, test } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { EVERYTHING, NODE } from "./support/processes";

/** Issue 16: the tool list driven by the keyboard alone, the selection and focus moving together. */
test("the tools listbox: ArrowDown from the search box, arrows, End/Home, type-ahead, and a search that hides the pick", async ({
  page,
}) => {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "everything keys",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  const listbox = page.getByRole("listbox", { name: "Tools" });
  const options = listbox.getByRole("option");
  await expect(options.first()).toBeVisible();
  const names = await options.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")!));
  expect(names.length).toBeGreaterThan(5);
  const picked = listbox.locator('[role="option"][aria-selected="true"]');
  const expectPicked = async (name: string) => {
    await expect(picked).toHaveAttribute("aria-label", name);
    await expect(picked).toBeFocused();
    await expect(page.getByRole("button", { name: `Call ${name}` })).toBeVisible();
  };

  const search = page.getByLabel("Search tools");
  await search.click();
  await search.press("ArrowDown");
  await expectPicked(names[0]!);
  await page.keyboard.press("ArrowDown");
  await expectPicked(names[1]!);
  // End: the last tool (the list is virtualized: it may not have been rendered before), and no further.
  await page.keyboard.press("End");
  await expect(picked).not.toHaveAttribute("aria-label", names[1]!);
  const lastName = (await picked.getAttribute("aria-label"))!;
  await expectPicked(lastName);
  await page.keyboard.press("ArrowDown");
  await expectPicked(lastName);
  await page.keyboard.press("Home");
  await expectPicked(names[0]!);
  // Type-ahead: a name further down, typed in a row.
  const target = names[3]!;
  await page.keyboard.type(target);
  await expectPicked(target);

  // A search that hides the picked tool: ArrowDown from the box picks the first one shown.
  const other = names.find((n) => n !== target && !n.includes(target) && !target.includes(n))!;
  await search.click();
  await search.pressSequentially(other);
  await expect(options).toHaveCount(await options.count()); // settled
  await expect(listbox.getByRole("option", { name: other, exact: true })).toBeVisible();
  await search.press("ArrowDown");
  await expect(picked).toBeFocused();
  await expect(page.getByRole("button", { name: `Call ${await picked.getAttribute("aria-label")}` })).toBeVisible();
});
