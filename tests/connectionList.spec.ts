import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";

/** Issue 16: connections as people keep them — drafts, delete with undo, a list that scrolls apart, a selection that survives a reload. */
test("a draft is not saved until Save; Delete can be undone; the selection survives a reload", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  const list = page.getByRole("navigation", { name: "Saved connections" });

  // An abandoned "+ New connection" is gone after a reload.
  await inspector.addConnection({ name: "Abandoned", transport: "Streamable HTTP", url: "http://127.0.0.1:9/mcp" });
  await expect(list.getByRole("listitem").filter({ hasText: "New connection" })).toContainText("draft");
  await inspector.open();
  await expect(list.getByRole("listitem").filter({ hasText: /New connection|Abandoned/ })).toHaveCount(0);

  // Saved ones stay, and the one selected last is selected after a reload.
  for (const name of ["Alpha", "Beta"]) {
    await inspector.addConnection({ name, transport: "Streamable HTTP", url: "http://127.0.0.1:9/mcp" });
    await inspector.form.getByRole("button", { name: "Save", exact: true }).click();
    await expect(list.getByRole("button", { name })).toBeVisible();
  }
  await inspector.selectConnection("Alpha");
  await inspector.open();
  await expect(list.getByRole("button", { name: "Alpha" })).toHaveAttribute("aria-current", "true");
  await expect(inspector.form.getByLabel("Name")).toHaveValue("Alpha");

  // Delete, then Undo: back in its place, selected.
  await inspector.form.getByRole("button", { name: "Delete" }).click();
  await expect(list.getByRole("button", { name: "Alpha" })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Deleted “Alpha”." })).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(list.getByRole("button", { name: "Alpha" })).toHaveAttribute("aria-current", "true");
  const names = await list.getByRole("listitem").allInnerTexts();
  expect(names.findIndex((n) => n.includes("Alpha"))).toBeLessThan(names.findIndex((n) => n.includes("Beta")));
  await inspector.open();
  await expect(list.getByRole("button", { name: "Alpha" })).toBeVisible();
});

test("with many saved connections at 1024×768 the list scrolls on its own and Connect stays in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const inspector = new InspectorPage(page);
  await inspector.open();
  for (let i = 1; i <= 14; i++) {
    await inspector.addConnection({ name: `Server ${i}`, transport: "Streamable HTTP", url: "http://127.0.0.1:9/mcp" });
    await inspector.form.getByRole("button", { name: "Save", exact: true }).click();
  }
  await expect(inspector.form.getByRole("button", { name: "Connect", exact: true })).toBeInViewport();
  const list = page.getByRole("navigation", { name: "Saved connections" });
  await list.getByRole("button", { name: /\bServer 1 Streamable$/ }).click();
  await expect(inspector.form.getByLabel("Name")).toHaveValue("Server 1");
  await expect(inspector.form.getByRole("button", { name: "Connect", exact: true })).toBeInViewport();
});
