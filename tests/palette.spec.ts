import { expect, test, type Page } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { InspectorPage } from "./pages/inspector";
import { EVERYTHING, NODE } from "./support/processes";
import { seriousViolations } from "./support/axe";

/** Issue 16: the command palette, the shortcut help and the theme, driven by the keyboard. */

const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });
const selectedTab = (page: Page) =>
  page.getByRole("tablist", { name: "Session views" }).locator('[role="tab"][aria-selected="true"]');

/** The palette's active option (the one aria-activedescendant names). */
async function activeOption(page: Page) {
  const box = palette(page).getByRole("combobox");
  const id = await box.getAttribute("aria-activedescendant");
  expect(id, "an active option").toBeTruthy();
  return palette(page).locator(`[id="${id}"]`);
}

test("the palette by keyboard: a tab, a tool and a prompt by part of their names; Escape gives the focus back", async ({
  page,
}) => {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "everything palette",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  const listbox = page.getByRole("listbox", { name: "Tools" });
  await expect(listbox.getByRole("option").first()).toBeVisible();
  // Each option's spoken name: the tool's name (components/common/SpokenAs).
  const names = await listbox
    .getByRole("option")
    .evaluateAll((els) => els.map((el) => el.querySelector(":scope > .sr-only")!.textContent!));
  // A tool other than the first whose name, less its first two letters, is found in no other name.
  const target = names.slice(1).find((n) => n.length > 5 && names.every((m) => m === n || !m.includes(n.slice(2))))!;
  expect(target, `a distinct tool name among ${names.join(", ")}`).toBeTruthy();
  const part = target.slice(2);

  // A tab by name: Ctrl+K, "timing", Enter.
  await page.getByRole("tab", { name: /^Handshake/ }).focus();
  await page.keyboard.press("Control+K");
  await expect(palette(page)).toBeVisible();
  await expect(palette(page).getByRole("combobox")).toBeFocused();
  await page.keyboard.type("timing");
  await expect(await activeOption(page)).toContainText("Timing");
  await page.keyboard.press("Enter");
  await expect(palette(page)).toBeHidden();
  await expect(selectedTab(page)).toHaveAttribute("id", "tab-timing");
  await expect(selectedTab(page)).toBeFocused();

  // A tool by part of its name: the Tools tab opens with it picked, its Call button there.
  await page.keyboard.press("Control+K");
  await page.keyboard.type(part);
  const option = await activeOption(page);
  await expect(option).toContainText(target);
  await expect(option.locator("mark")).toHaveText(part);
  await page.keyboard.press("Enter");
  await expect(palette(page)).toBeHidden();
  await expect(selectedTab(page)).toHaveAttribute("id", "tab-tools");
  const picked = listbox.locator('[role="option"][aria-selected="true"]');
  await expect(picked).toHaveAccessibleName(target);
  await expect(picked).toBeFocused();
  await expect(page.getByRole("button", { name: `Call ${target}` })).toBeVisible();

  // Arrows and End move the active option; a prompt, found by its kind, opened the same way.
  await page.keyboard.press("Control+K");
  const results = palette(page).getByRole("listbox", { name: "Results" }).getByRole("option");
  const first = await (await activeOption(page)).getAttribute("id");
  await page.keyboard.press("ArrowDown");
  expect(await (await activeOption(page)).getAttribute("id")).not.toBe(first);
  await page.keyboard.press("End");
  await expect(await activeOption(page)).toHaveAttribute("id", (await results.last().getAttribute("id"))!);
  await page.keyboard.press("Home");
  await expect(await activeOption(page)).toHaveAttribute("id", first!);
  const promptRow = results.filter({ hasText: /^Prompt/ }).first();
  const promptName = (await promptRow.locator("span.mono").first().textContent())!;
  await page.keyboard.type(promptName);
  await expect(await activeOption(page)).toContainText(`Prompt${promptName}`);
  await page.keyboard.press("Enter");
  await expect(selectedTab(page)).toHaveAttribute("id", "tab-prompts");
  await expect(page.getByRole("tabpanel").getByRole("button", { name: promptName, exact: true })).toHaveAttribute(
    "aria-current",
    "true",
  );

  // A resource by its name: the Resources tab, its entry current and focused.
  const doc = "demo://resource/static/document/architecture.md";
  await page.keyboard.press("Control+K");
  await page.keyboard.type("architecture");
  await expect(await activeOption(page)).toContainText(doc);
  await page.keyboard.press("Enter");
  await expect(selectedTab(page)).toHaveAttribute("id", "tab-resources");
  const current = page.getByRole("tabpanel").getByRole("button", { name: doc, exact: true });
  await expect(current).toHaveAttribute("aria-current", "true");
  await expect(current).toBeFocused();

  // The connection's actions: Disconnect, then Connect, each offered only when it can run.
  const status = page.getByRole("status", { name: "Connection status" });
  await page.keyboard.press("Control+K");
  await expect(palette(page).getByRole("option", { name: /^Action\s*Connect$/ })).toHaveCount(0);
  await page.keyboard.type("disconnect");
  await page.keyboard.press("Enter");
  await expect(status).toHaveText(/^Disconnected/);
  await page.keyboard.press("Control+K");
  await expect(palette(page).getByRole("option", { name: /^Action\s*Disconnect$/ })).toHaveCount(0);
  await page.keyboard.type("connect");
  await expect(await activeOption(page)).toHaveText(/^Action\s*Connect$/);
  await page.keyboard.press("Enter");
  await expect(status).toHaveText(/^Connected/, { timeout: 20_000 });

  // Escape closes and the focus goes back where it was; the rest of the page is inert meanwhile.
  const tab = page.getByRole("tab", { name: /^Prompts/ });
  await tab.focus();
  await page.keyboard.press("Control+K");
  await page.keyboard.type("zzz-nothing");
  await expect(palette(page).getByText("Nothing matches")).toBeVisible();
  // Trapped: Tab and Shift+Tab stay on the palette's one control.
  await page.keyboard.press("Tab");
  await expect(palette(page).getByRole("combobox")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(palette(page).getByRole("combobox")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(palette(page)).toBeHidden();
  await expect(tab).toBeFocused();
  await expect(selectedTab(page)).toHaveAttribute("id", "tab-resources"); // nothing was run
});

test("? opens the shortcut help (not in a text field); the palette runs actions, the help among them", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });

  // In a text field "?" is just text.
  const name = inspector.form.getByLabel("Name");
  await name.focus();
  await page.keyboard.press("End");
  await page.keyboard.type("?");
  await expect(name).toHaveValue(/\?$/);
  await expect(help).toBeHidden();

  await page.getByRole("button", { name: "Commands" }).focus();
  await page.keyboard.press("?");
  await expect(help).toBeVisible();
  await expect(help.getByRole("row").filter({ hasText: "Open the command palette" })).toContainText("Ctrl+K");
  await expect(help.getByRole("row").filter({ hasText: "Call the tool" })).toContainText("Ctrl+Enter");
  await expect(help.getByRole("row").filter({ hasText: "Previous or next tab" })).toBeVisible();
  expect(await seriousViolations(page), "axe on the shortcut help").toEqual([]);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(page.getByRole("button", { name: "Commands" })).toBeFocused();

  // The button opens the palette too (the selected connection's tabs offered before it connects).
  await page.keyboard.press("Enter");
  await expect(palette(page)).toBeVisible();
  await expect(palette(page).getByRole("option", { name: /^Tab\s*Timing$/ })).toHaveCount(1);
  expect(await seriousViolations(page), "axe on the palette").toEqual([]);
  await page.keyboard.type("shortcuts");
  await page.keyboard.press("Enter");
  await expect(palette(page)).toBeHidden();
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");

  // An action of the connection list: New connection selects a new draft.
  await page.keyboard.press("Control+K");
  await page.keyboard.type("new conn");
  await page.keyboard.press("Enter");
  await expect(inspector.form.getByLabel("Name")).toHaveValue(/New connection/i);
});

test("the theme: Dark changes the page's colours before the first paint after a reload; System follows the OS", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  const inspector = new InspectorPage(page);
  await inspector.open();
  const csp: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && csp.push(m.text()));
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const theme = page.getByRole("group", { name: "Theme" });
  const light = await background();
  await expect(theme.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "true");

  await theme.getByRole("button", { name: "Dark" }).click();
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await expect(theme.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");

  // After a reload the choice is on <html> before any of the page's own scripts run (the inline
  // script carries the CSP nonce), so the first paint is already dark.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { __themeAtLoad?: string }).__themeAtLoad = document.documentElement.dataset.theme;
    });
  });
  await page.reload();
  await inspector.expectOpen();
  expect(await page.evaluate(() => (window as unknown as { __themeAtLoad?: string }).__themeAtLoad)).toBe("dark");
  expect(await background()).toBe(dark);
  await expect(page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // The palette in dark: axe finds nothing serious there either.
  await page.keyboard.press("Control+K");
  await page.keyboard.type("e");
  expect(await seriousViolations(page), "axe on the palette, dark").toEqual([]);
  await page.keyboard.press("Escape");
  await expect(palette(page)).toBeHidden();

  // Light holds against a dark OS; System follows it.
  await page.emulateMedia({ colorScheme: "dark" });
  await theme.getByRole("button", { name: "Light" }).click();
  await expect.poll(background).toBe(light);
  await page.keyboard.press("Control+K");
  await page.keyboard.type("theme: system");
  await page.keyboard.press("Enter");
  await expect.poll(background).toBe(dark);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(background).toBe(light);
  expect(csp).toEqual([]);
});
