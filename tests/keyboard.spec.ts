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
  // Each option's spoken name (its content, read without the visual columns).
  const spoken = (el: Element) => el.querySelector(":scope > .sr-only")!.textContent!;
  const names = await options.evaluateAll((els) =>
    els.map((el) => el.querySelector(":scope > .sr-only")!.textContent!),
  );
  expect(names.length).toBeGreaterThan(5);
  const picked = listbox.locator('[role="option"][aria-selected="true"]');
  const expectPicked = async (name: string) => {
    await expect(picked).toHaveAccessibleName(name);
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
  await expect(picked).not.toHaveAccessibleName(names[1]!);
  const lastName = await picked.evaluate(spoken);
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
  await expect(page.getByRole("button", { name: `Call ${await picked.evaluate(spoken)}` })).toBeVisible();
});

test("session tabs by keyboard (arrows, Home, End) at 1024 px: the strip scrolls, the page never gets wider", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "everything tabs",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  const tabs = page.getByRole("tablist", { name: "Session views" }).getByRole("tab");
  const names = await tabs.evaluateAll((els) => els.map((el) => el.id)); // labels carry live counts: go by id
  const selected = page.getByRole("tablist", { name: "Session views" }).locator('[role="tab"][aria-selected="true"]');
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  await page.getByRole("tab", { name: /^Handshake/ }).click();
  await expect(selected).toBeFocused();
  for (let i = 1; i < names.length; i++) {
    await page.keyboard.press("ArrowRight");
    await expect(selected).toHaveAttribute("id", names[i]!);
    await expect(selected).toBeFocused();
    await expect(page.getByRole("tabpanel")).toBeVisible();
    expect(await pageWidth(), `page width on ${names[i]}`).toBeLessThanOrEqual(1024);
  }
  await page.keyboard.press("ArrowRight"); // wraps to the first
  await expect(selected).toHaveAttribute("id", names[0]!);
  await page.keyboard.press("End");
  await expect(selected).toHaveAttribute("id", names.at(-1)!);
  await page.keyboard.press("Home");
  await expect(selected).toHaveAttribute("id", names[0]!);
  await page.keyboard.press("ArrowLeft");
  await expect(selected).toHaveAttribute("id", names.at(-1)!);
  await expect(selected).toBeFocused();
});
