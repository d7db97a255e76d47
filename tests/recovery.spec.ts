import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";
import { ToolsPage } from "./pages/tools";
import { alive, EVERYTHING, NODE, startEverythingHttp, waitFor } from "./support/processes";

/**
 * The edit → restart → retry loop: a server killed and restarted mid-session. The status changes
 * within a second of the failed request, one click (or the automatic option) gets a working session,
 * and the traffic log goes on across a marked boundary.
 */

async function echo(tools: ToolsPage, text: string): Promise<void> {
  await tools.inspector.openTab(/^Tools/);
  await tools.select("echo");
  await tools.useForm("echo");
  await tools.panel("echo").getByLabel("message", { exact: true }).fill(text);
  await tools.call("echo");
}

test("Streamable HTTP: the server killed, then restarted on the same port", async ({ page }) => {
  let server = await startEverythingHttp("streamableHttp");
  const port = new URL(server.url).port;
  try {
    const tools = new ToolsPage(page);
    const inspector = tools.inspector;
    await inspector.open();
    await inspector.addConnection({
      name: "restartable",
      transport: "Streamable HTTP",
      url: server.url,
      protocol: "2025-11-25",
    });
    await inspector.connect();
    await inspector.expectConnected();
    await echo(tools, "first");
    await expect(tools.result).toContainText("first");

    // The SDK's GET stream breaks and its reconnect is refused: that request already tells (no call needed).
    await server.stop();
    await expect(inspector.status).toHaveText(/^Failed/, { timeout: 5000 });
    await expect(inspector.failure).toContainText("Connection lost: nothing answers at");
    await inspector.filterTraffic("kind:http refused");
    await expect(inspector.trafficRows(/^HTTP failed GET \/mcp .*Connection refused/).first()).toBeVisible();
    await inspector.filterTraffic("");

    server = await startEverythingHttp("streamableHttp", Number(port));
    await inspector.failure.getByRole("button", { name: "Reconnect" }).click();
    await inspector.expectConnected();
    await echo(tools, "second");
    await expect(tools.result).toContainText("second");
    // One log: both sessions' handshakes, with the boundary marked between them.
    await inspector.filterTraffic("method:initialize dir:out");
    await expect(inspector.traffic).toContainText("2 shown");
    await inspector.filterTraffic("kind:event new session");
    await expect(inspector.trafficRows(/^info new session: reconnected by you/)).toBeVisible();
  } finally {
    await server.stop();
  }
});

test("Streamable HTTP with 'Reconnect automatically': a restart heals by itself", async ({ page }) => {
  let server = await startEverythingHttp("streamableHttp");
  const port = Number(new URL(server.url).port);
  try {
    const tools = new ToolsPage(page);
    const inspector = tools.inspector;
    await inspector.open();
    await inspector.addConnection({
      name: "self-healing",
      transport: "Streamable HTTP",
      url: server.url,
      protocol: "2025-11-25",
    });
    await inspector.connect();
    await inspector.expectConnected();
    await page.getByLabel("Reconnect automatically").check();
    await server.stop();
    await expect(inspector.status).not.toHaveText(/^Connected/, { timeout: 5000 });
    server = await startEverythingHttp("streamableHttp", port);
    await inspector.expectConnected();
    await echo(tools, "healed");
    await expect(tools.result).toContainText("healed");
  } finally {
    await server.stop();
  }
});

test("stdio: the server process killed, then restarted with one click", async ({ page }) => {
  const tools = new ToolsPage(page);
  const inspector = tools.inspector;
  await tools.connectStdio({
    name: "everything stdio",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  await inspector.filterTraffic("server process started");
  const started = await inspector
    .trafficRows(/server process started \(pid \d+\)/)
    .first()
    .textContent();
  const pid = Number(/pid (\d+)/.exec(started ?? "")?.[1]);
  expect(pid).toBeGreaterThan(0);
  await inspector.filterTraffic("");
  // A settled session: the kill does not land in the middle of the first tools/list.
  await expect(page.getByRole("listbox", { name: "Tools" }).getByRole("option").first()).toBeVisible();
  process.kill(pid, "SIGKILL");
  await waitFor(() => !alive(pid), 2000);
  await expect(inspector.status).toHaveText(/^Failed/, { timeout: 1000 });
  await expect(inspector.failure).toContainText("The server exited (signal SIGKILL).");
  await inspector.failure.getByRole("button", { name: "Restart and reconnect" }).click();
  await inspector.expectConnected();
  await echo(tools, "restarted");
  await expect(tools.result).toContainText("restarted");
  await inspector.filterTraffic("kind:event exited");
  await expect(inspector.trafficRows(/^warn The server exited \(signal SIGKILL\)/)).toBeVisible();
  await inspector.filterTraffic("kind:event new session");
  await expect(inspector.trafficRows(/^info new session: reconnected by you/)).toBeVisible();
});

test("a cancelled call says 'Cancelled by you' and the Timing tab does not keep it pending", async ({ page }) => {
  const inspector = new InspectorPage(page);
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "everything stdio",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  await tools.select("trigger-long-running-operation");
  await tools.useJson("trigger-long-running-operation", { duration: 30, steps: 30 });
  await tools.call("trigger-long-running-operation");
  const status = page.getByRole("status", { name: "Call in progress" });
  await expect(status.getByTestId("progress-text")).toBeVisible();
  await status.getByRole("button", { name: "Cancel" }).click();
  await expect(tools.result.getByRole("status", { name: "Cancelled" })).toContainText("Cancelled by you");
  await inspector.openTab("Timing");
  await expect(
    page.getByRole("list", { name: "Requests" }).getByRole("listitem", { name: /tools\/call \S+ #\d+ cancelled/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Requests" }).getByRole("listitem", { name: /tools\/call \S+ #\d+ pending/ }),
  ).toHaveCount(0);
});
