import { expect, test } from "@playwright/test";
import { ClientFeaturesPage } from "./pages/clientFeatures";
import { ToolsPage } from "./pages/tools";
import { EVERYTHING, NODE } from "./support/processes";

/**
 * MCP Lens declares the client `tasks` capability (2025-11-25) and keeps what that promises: the
 * server sends its sampling and elicitation requests as tasks, polls them with tasks/get and fetches
 * the answers with tasks/result, all answered by the client. server-everything registers its two
 * task-only tools only for a client that declares tasks.
 */
test("server-everything's two task-only tools are listed and run end to end", async ({ page }) => {
  const tools = new ToolsPage(page);
  const client = new ClientFeaturesPage(page);
  await tools.connectStdio({
    name: "everything stdio",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  await tools.inspector.openTab("Handshake");
  await expect(client.declared().getByRole("cell", { name: "tasks", exact: true })).toBeVisible();
  await tools.inspector.openTab(/^Tools/);

  await tools.select("trigger-sampling-request-async");
  await tools.useJson("trigger-sampling-request-async", { prompt: "a haiku about queues", maxTokens: 40 });
  await tools.call("trigger-sampling-request-async");
  const sampling = client.card("Sampling request");
  await expect(sampling).toContainText("run as a task");
  await expect(client.requests.getByRole("region", { name: "Tasks the server created on MCP Lens" })).toContainText(
    "working",
  );
  await client.answerSampling("Queues wait in line", "lens-task-model");
  await expect(tools.result).toContainText("[COMPLETED] Async sampling completed!", { timeout: 20_000 });
  await expect(tools.result).toContainText("lens-task-model");

  await tools.select("trigger-elicitation-request-async");
  await tools.call("trigger-elicitation-request-async");
  const form = client.card("Elicitation request");
  await expect(form).toContainText("run as a task");
  await form.getByLabel("Your Name", { exact: true }).fill("Grace Hopper");
  await form.getByRole("button", { name: "Accept" }).click();
  await expect(tools.result).toContainText("[COMPLETED] User provided the requested information!", { timeout: 20_000 });
  await expect(tools.result).toContainText("Grace Hopper");

  // The server polled the client's tasks; the client answered.
  await tools.inspector.filterTraffic("method:tasks/get dir:in");
  await expect(tools.inspector.trafficRows(/^incoming request tasks\/get/).first()).toBeVisible();
  await tools.inspector.filterTraffic("method:tasks/result");
  await expect(tools.inspector.trafficRows(/^outgoing result id \d+/).first()).toBeVisible();
  await client.openRequests();
  await expect(
    client.requests
      .getByRole("region", { name: "Tasks the server created on MCP Lens" })
      .getByRole("row", { name: /completed/ }),
  ).toHaveCount(2);
});
