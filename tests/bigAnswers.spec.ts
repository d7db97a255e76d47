import { expect, test, type Page } from "@playwright/test";
import { startHttpFixture } from "../lib/testing";
import { ToolsPage } from "./pages/tools";
import { NODE } from "./support/processes";

/**
 * Answers between the log's 8 MiB cut and the bridge's 16 MiB limit are delivered whole (the log and
 * the view may cut what they show); over the limit the call says so at once. The misbehaving
 * fixture's big-answer tool writes its answer as SDK 1.x servers do: result first, id last.
 */

async function callBig(tools: ToolsPage, mb: number): Promise<void> {
  await tools.select("big-answer");
  await tools.useJson("big-answer", { mb });
  await tools.call("big-answer");
}

async function expectDeliveredCut(tools: ToolsPage, page: Page): Promise<void> {
  await expect(tools.result.getByRole("button", { name: /Show all/ })).toBeVisible({ timeout: 30_000 });
  await expect(tools.result).toContainText("Result · 1 content block");
  await expect(tools.inspector.trafficRows(/^incoming result id \d+ .*truncated/).last()).toBeVisible();
  await tools.inspector.filterTraffic("is:invalid");
  await expect(tools.inspector.traffic).toContainText("0 shown");
  await tools.inspector.filterTraffic("");
  await expect(page.getByRole("status", { name: "Connection status" })).toHaveText(/^Connected/);
}

test("a 12 MB answer over stdio reaches the Tools view, cut for display with Show all", async ({ page }) => {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "big stdio",
    transport: "stdio",
    command: NODE,
    args: "--import tsx servers/fixtures/misbehaving/stdio.ts",
    protocol: "2025-11-25",
  });
  await callBig(tools, 12);
  await expectDeliveredCut(tools, page);
});

test("a 12 MB answer over Streamable HTTP (SSE) reaches the Tools view, cut for display with Show all", async ({
  page,
}) => {
  const server = await startHttpFixture();
  try {
    const tools = new ToolsPage(page);
    await tools.inspector.open();
    await tools.inspector.addConnection({
      name: "big http",
      transport: "Streamable HTTP",
      url: server.url,
      protocol: "2025-11-25",
    });
    await tools.inspector.connect();
    await tools.inspector.expectConnected();
    await tools.inspector.openTab(/^Tools/);
    await callBig(tools, 12);
    await expectDeliveredCut(tools, page);
  } finally {
    await server.stop();
  }
});

test("an answer over the 16 MiB limit is refused at once, and the call says so", async ({ page }) => {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "too big",
    transport: "stdio",
    command: NODE,
    args: "--import tsx servers/fixtures/misbehaving/stdio.ts",
    protocol: "2025-11-25",
  });
  await callBig(tools, 20);
  await expect(tools.result.getByRole("alert")).toContainText("answer of 20.0 MB refused: over the 16 MiB limit", {
    timeout: 5000,
  });
  await expect(tools.inspector.failure.filter({ hasText: /exceeded 16 MiB/ })).toBeVisible();
});
