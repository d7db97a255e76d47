import { expect, test } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { EVERYTHING, NODE } from "./support/processes";

/** Issue 16: traffic rows and the waterfall say which tool, and `tool:` filters by it. */
test("traffic rows and the Timing waterfall name the tool (`tools/call echo`), and tool: filters by it", async ({
  page,
}) => {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "everything names",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  for (const [tool, args] of [
    ["echo", { message: "named" }],
    ["get-sum", { a: 2, b: 3 }],
  ] as const) {
    await tools.select(tool);
    await tools.useJson(tool, args);
    await tools.call(tool);
    await expect(tools.result).toContainText(tool === "echo" ? "named" : "5");
  }
  await tools.inspector.filterTraffic("tool:echo");
  const request = tools.inspector.trafficRows(/^outgoing request tools\/call echo id \d+/);
  const answer = tools.inspector.trafficRows(/^incoming result id \d+ for echo/);
  await expect(request).toHaveCount(1);
  await expect(request).toContainText("tools/call");
  await expect(request).toContainText("echo");
  await expect(answer).toHaveCount(1);
  await expect(answer).toContainText("echo");
  await expect(tools.inspector.trafficRows(/get-sum/)).toHaveCount(0);
  await tools.inspector.filterTraffic("tool:get-*");
  await expect(tools.inspector.trafficRows(/get-sum/)).toHaveCount(2);

  await tools.inspector.filterTraffic("");
  await tools.inspector.openTab(/^Timing/);
  await expect(page.getByRole("listitem", { name: /^→ tools\/call echo #\d+/ })).toBeVisible();
  await expect(page.getByRole("listitem", { name: /^→ tools\/call get-sum #\d+/ })).toBeVisible();
});
