import { expect, test, type Page } from "@playwright/test";
import { ClientFeaturesPage } from "./pages/clientFeatures";
import { ToolsPage } from "./pages/tools";
import { EVERYTHING, NODE, startEverythingHttp } from "./support/processes";

/**
 * Issue 4, client features through the UI: the requests a server makes of MCP Lens (sampling,
 * form and URL elicitation, 2026-07-28 multi round-trips), roots, ping, tasks, and the per-connection
 * capability switches. Real peers: server-everything (stdio and Streamable HTTP) and the demo server.
 */

type Transport = "stdio" | "Streamable HTTP";

/** Connect to server-everything over a transport and open the Tools tab; returns a stop for the HTTP server. */
async function connectEverything(
  page: Page,
  transport: Transport,
): Promise<{ tools: ToolsPage; client: ClientFeaturesPage; stop: () => Promise<void> }> {
  const tools = new ToolsPage(page);
  const client = new ClientFeaturesPage(page);
  const server = transport === "Streamable HTTP" ? await startEverythingHttp("streamableHttp") : undefined;
  await tools.inspector.open();
  if (server) await tools.inspector.addConnection({ name: "everything http", transport, url: server.url });
  else
    await tools.inspector.addConnection({
      name: "everything stdio",
      transport,
      command: NODE,
      args: `${EVERYTHING} stdio`,
    });
  await tools.inspector.connect();
  await tools.inspector.expectConnected();
  await tools.inspector.openTab(/^Tools/);
  return { tools, client, stop: async () => server?.stop() };
}

/** Connect to the built-in demo server at a protocol version and open the Tools tab. */
async function connectDemo(
  page: Page,
  protocol: string,
  off: string[] = [],
): Promise<{ tools: ToolsPage; client: ClientFeaturesPage }> {
  const tools = new ToolsPage(page);
  const client = new ClientFeaturesPage(page);
  await tools.inspector.open();
  await tools.inspector.selectConnection("Demo server (stdio)");
  await tools.inspector.setProtocol(protocol);
  for (const label of off) await client.setCapability(label, false);
  await tools.inspector.connect();
  await tools.inspector.expectConnected();
  return { tools, client };
}

for (const transport of ["stdio", "Streamable HTTP"] as const) {
  test.describe(`server-everything over ${transport}`, () => {
    test("answers a sampling request from its card (and rejects one), without blocking the page", async ({ page }) => {
      const { tools, client, stop } = await connectEverything(page, transport);
      try {
        await tools.select("trigger-sampling-request");
        await tools.useJson("trigger-sampling-request", { prompt: "haiku about pipes", maxTokens: 42 });
        await tools.call("trigger-sampling-request");

        await expect(client.pendingCount).toHaveText("1");
        const card = client.card("Sampling request");
        await expect(card.getByRole("list", { name: "Messages" })).toContainText("haiku about pipes");
        await expect(card).toContainText("You are a helpful test server.");
        await expect(card).toContainText(/Max tokens\s*42/);
        await expect(card).toContainText(/Temperature\s*0\.7/);
        // Not modal: the rest of the page works while the request waits (a ping goes and comes back).
        await client.bar.getByRole("button", { name: "Ping" }).click();
        await expect(client.bar.getByRole("status", { name: "Ping result" })).toHaveText(/pong in \d+ ms/);
        await expect(
          tools.panel("trigger-sampling-request").getByRole("status", { name: "Call in progress" }),
        ).toBeVisible();

        await client.answerSampling("Water finds its way");
        await expect(tools.result).toContainText("lens-test-model");
        await expect(tools.result).toContainText("Water finds its way");
        await expect(client.pendingCount).toHaveText("0");
        const answered = client.card("Sampling request", "answered");
        await expect(answered).toContainText('"model":"lens-test-model"');
        await expect(answered).toContainText('"stopReason":"endTurn"');

        await tools.call("trigger-sampling-request");
        await client.card("Sampling request").getByRole("button", { name: "Reject" }).click();
        await expect(client.card("Sampling request", "answered").first()).toContainText(
          "error -1: User rejected sampling request",
        );
        await expect(
          tools.panel("trigger-sampling-request").getByRole("status", { name: "Call in progress" }),
        ).toBeHidden();
      } finally {
        await stop();
      }
    });

    test("accepts a form elicitation after fixing a field, then declines one", async ({ page }) => {
      const { tools, client, stop } = await connectEverything(page, transport);
      try {
        await tools.select("trigger-elicitation-request");
        await tools.call("trigger-elicitation-request");
        const card = client.card("Elicitation request");
        await expect(card).toBeVisible();
        // Fields from the requested schema: text with formats, numbers, booleans, selects, multi-selects, with defaults.
        await expect(card.getByLabel("Integer", { exact: true })).toHaveValue("42");
        await expect(card.getByLabel("String with date format", { exact: true })).toHaveAttribute("type", "date");
        await expect(card.getByLabel("Boolean", { exact: true })).not.toBeChecked();
        await expect(card.getByLabel("Titled Single Select Enum", { exact: true })).toHaveValue("hero-1");
        await expect(card.getByRole("group", { name: "Titled Multiple Select Enum", exact: true })).toBeVisible();
        await card.getByLabel("String", { exact: true }).fill("Ada Lovelace");
        await card.getByLabel("String with email format", { exact: true }).fill("not-an-email");
        await card.getByRole("button", { name: "Accept" }).click();
        await expect(card).toContainText("Enter an email address.");
        await card.getByLabel("String with email format", { exact: true }).fill("ada@example.com");
        await card.getByLabel("Titled Single Select Enum", { exact: true }).selectOption({ label: "Wonder Woman" });
        await card.getByRole("button", { name: "Accept" }).click();

        await expect(tools.result).toContainText("Name: Ada Lovelace");
        await expect(tools.result).toContainText("Email: ada@example.com");
        const accepted = client.card("Elicitation request", "answered");
        await expect(accepted).toContainText('"action":"accept"');
        await expect(accepted.getByLabel("Response sent")).toContainText('"titledSingleSelectEnum": "hero-3"');

        await tools.call("trigger-elicitation-request");
        await client.card("Elicitation request").getByRole("button", { name: "Decline" }).click();
        await expect(tools.result).toContainText("declined");
        await expect(client.card("Elicitation request", "answered").first()).toContainText(
          'Sent: {"action":"decline"}',
        );
        await expect(client.pendingCount).toHaveText("0");
      } finally {
        await stop();
      }
    });

    test("edits roots; the server is notified and receives the new list", async ({ page }) => {
      const { tools, client, stop } = await connectEverything(page, transport);
      try {
        await client.openRoots();
        await tools.select("get-roots-list");
        await tools.call("get-roots-list");
        await expect(tools.result).toContainText("no roots are currently configured");
        const listed = client.page.getByTestId("roots-listed");
        await expect(listed).toContainText(/asked for the roots list \(roots\/list\) \d+ time/);
        const countOf = async () => Number(/(\d+) time/.exec((await listed.textContent()) ?? "")?.[1] ?? 0);
        const before = await countOf();

        await client.roots.getByLabel("New root URI").fill("file:///tmp/lens-a");
        await client.roots.getByLabel("New root name").fill("Lens A");
        await client.roots.getByRole("button", { name: "Add root" }).click();
        await expect(client.roots.getByRole("status", { name: "Last roots notice" })).toContainText(
          "notifications/roots/list_changed sent",
        );
        // server-everything reads the list again on list_changed.
        await expect.poll(countOf).toBeGreaterThan(before);
        await tools.call("get-roots-list");
        await expect(tools.result).toContainText("file:///tmp/lens-a");
        await expect(tools.result).toContainText("Lens A");

        const afterAdd = await countOf();
        await client.roots.getByLabel("Root 1 URI").fill("file:///tmp/lens-b");
        await client.roots.getByRole("button", { name: "Save root 1" }).click();
        await expect.poll(countOf).toBeGreaterThan(afterAdd);
        await tools.call("get-roots-list");
        await expect(tools.result).toContainText("file:///tmp/lens-b");
        await expect(tools.result).not.toContainText("file:///tmp/lens-a");

        const afterEdit = await countOf();
        await client.roots.getByRole("button", { name: "Remove root 1" }).click();
        await expect.poll(countOf).toBeGreaterThan(afterEdit);
        await tools.call("get-roots-list");
        await expect(tools.result).toContainText("no roots are currently configured");
      } finally {
        await stop();
      }
    });
  });
}

test("tasks against server-everything: run as task, poll, result; cancel; list", async ({ page }) => {
  const { tools, stop } = await connectEverything(page, "stdio");
  try {
    await tools.select("simulate-research-query");
    const panel = tools.panel("simulate-research-query");
    await expect(panel.getByLabel("Run as task")).toBeChecked(); // taskSupport "required"
    await tools.useJson("simulate-research-query", { topic: "MCP inspectors" });
    await tools.call("simulate-research-query");
    await expect(panel.getByRole("status").filter({ hasText: "Task created" })).toBeVisible();
    const taskList = panel.getByRole("region", { name: "Tasks" });
    const first = taskList.getByRole("listitem", { name: /^Task / }).first();
    await expect(first.getByTestId("task-status")).toHaveText("working");
    await expect(first.getByTestId("task-status-message")).toContainText("...");
    await expect(first.getByTestId("task-status")).toHaveText("completed", { timeout: 20_000 });
    await expect(first.getByTestId("task-polls")).not.toHaveText(/^0 /);
    await expect(first.getByRole("group", { name: /result$/ })).toContainText("Research Report: MCP inspectors");

    await tools.call("simulate-research-query");
    const second = taskList.getByRole("listitem", { name: /^Task / }).first();
    await expect(second.getByTestId("task-status")).toHaveText("working");
    await expect(taskList.getByRole("listitem", { name: /^Task / })).toHaveCount(2);
    await second.getByRole("button", { name: "Cancel task" }).click();
    await expect(second.getByTestId("task-status")).toHaveText("cancelled");
    await expect(second).toContainText("tasks/cancel answered.");
    await expect(second.getByRole("button", { name: "Cancel task" })).toBeDisabled();

    await taskList.getByRole("button", { name: "List tasks (tasks/list)" }).click();
    await expect(taskList.getByRole("alert")).toHaveCount(0);
    await tools.inspector.filterTraffic("method:tasks/list");
    await expect(tools.inspector.trafficRows(/outgoing request tasks\/list/).first()).toBeVisible();
  } finally {
    await stop();
  }
});

test("a task that needs input: its elicitation (sent through tasks/result) is answered from a card", async ({
  page,
}) => {
  const { tools, client, stop } = await connectEverything(page, "stdio");
  try {
    await tools.select("simulate-research-query");
    await tools.useJson("simulate-research-query", { topic: "python", ambiguous: true });
    await tools.call("simulate-research-query");
    const card = client.card("Elicitation request");
    await expect(card).toContainText('The research query "python" could have multiple interpretations');
    await card.getByLabel("Clarification", { exact: true }).selectOption({ label: "Monty Python comedy group" });
    await card.getByRole("button", { name: "Accept" }).click();
    const task = tools
      .panel("simulate-research-query")
      .getByRole("region", { name: "Tasks" })
      .getByRole("listitem", { name: /^Task / })
      .first();
    await expect(task.getByTestId("task-status")).toHaveText("completed", { timeout: 20_000 });
    await expect(task.getByRole("group", { name: /result$/ })).toContainText("Research Report: python (comedy)");
  } finally {
    await stop();
  }
});

test("demo server: a tool run as a task — create, poll, result, cancel", async ({ page }) => {
  const { tools } = await connectDemo(page, "2025-11-25");
  await tools.inspector.openTab(/^Tools/);
  await tools.select("slow_report");
  const panel = tools.panel("slow_report");
  await expect(panel).toContainText("task support: optional");
  const asTask = panel.getByLabel("Run as task");
  await expect(asTask).not.toBeChecked(); // taskSupport "optional": a plain call unless asked
  await asTask.check();
  await tools.useJson("slow_report", { topic: "MCP inspectors", steps: 6 });
  await tools.call("slow_report");
  await expect(panel.getByRole("status").filter({ hasText: "Task created" })).toBeVisible();
  const taskList = panel.getByRole("region", { name: "Tasks" });
  const first = taskList.getByRole("listitem", { name: /^Task / }).first();
  await expect(first.getByTestId("task-status")).toHaveText("working");
  await expect(first.getByTestId("task-status-message")).toContainText("...");
  await expect(first.getByTestId("task-status")).toHaveText("completed", { timeout: 20_000 });
  await expect(first.getByTestId("task-polls")).not.toHaveText(/^0 /);
  await expect(first.getByRole("group", { name: /result$/ })).toContainText("Report on MCP inspectors");

  await tools.call("slow_report"); // the same arguments: a second 6-second run, cancelled while it works
  const second = taskList.getByRole("listitem", { name: /^Task / }).first();
  await expect(taskList.getByRole("listitem", { name: /^Task / })).toHaveCount(2);
  await expect(second.getByTestId("task-status")).toHaveText("working");
  await second.getByRole("button", { name: "Cancel task" }).click();
  await expect(second.getByTestId("task-status")).toHaveText("cancelled");
  await expect(second).toContainText("tasks/cancel answered.");
  await expect(second.getByRole("button", { name: "Cancel task" })).toBeDisabled();

  await taskList.getByRole("button", { name: "List tasks (tasks/list)" }).click();
  await expect(taskList.getByRole("alert")).toHaveCount(0);
  await tools.inspector.filterTraffic("method:tasks/list");
  await expect(tools.inspector.trafficRows(/outgoing request tasks\/list/).first()).toBeVisible();
});

test("demo server: sampling with tools shows the tools and tool choice, and is answered with a tool_use", async ({
  page,
}) => {
  const { tools, client } = await connectDemo(page, "2025-11-25");
  await tools.inspector.openTab(/^Tools/);
  await tools.select("sample_with_tools");
  await tools.useJson("sample_with_tools", { city: "Oslo", toolChoice: "required" });
  await tools.call("sample_with_tools");
  const card = client.card("Sampling request");
  await expect(card.getByRole("list", { name: "Tools offered" })).toContainText(
    "get_weather — Current weather for a city",
  );
  await expect(card).toContainText(/Tool choice\s*required/);
  await card.getByLabel("Content type", { exact: true }).selectOption("tool_use");
  await card.getByLabel("Tool input (JSON)", { exact: true }).fill('{"city":"Oslo"}');
  await card.getByRole("button", { name: "Send" }).click();
  await expect(tools.result).toContainText('stopReason toolUse; tool_use get_weather({"city":"Oslo"})');
});

test("capability switches are saved with a connection", async ({ page }) => {
  const client = new ClientFeaturesPage(page);
  const inspector = client.inspector;
  await inspector.open();
  await inspector.addConnection({ name: "switches", transport: "stdio", command: NODE, args: `${EVERYTHING} stdio` });
  await expect(inspector.form.getByRole("button", { name: /Client capabilities \(all on\)/ })).toBeVisible();
  await client.setCapability("Roots (roots/list)", false);
  await expect(inspector.form.getByLabel("Roots list_changed notifications", { exact: true })).toBeDisabled();
  await inspector.form.getByRole("button", { name: "Save", exact: true }).click();
  expect(await page.evaluate(() => localStorage.getItem("mcp-lens.connections"))).toContain(
    '"clientFeatures":{"roots":false}',
  );
  await page.reload();
  await expect(page.getByRole("heading", { name: "MCP Lens" })).toBeVisible();
  await inspector.selectConnection("switches");
  await expect(inspector.form.getByRole("button", { name: /Client capabilities \(2 switched off\)/ })).toBeVisible();
  await inspector.form.getByRole("button", { name: /Client capabilities/ }).click();
  await expect(inspector.form.getByLabel("Roots (roots/list)", { exact: true })).not.toBeChecked();
  await expect(inspector.form.getByLabel("Roots list_changed notifications", { exact: true })).toBeDisabled(); // off with roots
  await expect(inspector.form.getByLabel("Sampling (sampling/createMessage)", { exact: true })).toBeChecked();
  await inspector.connect();
  await inspector.expectConnected();
  await expect(client.declared().getByRole("cell", { name: "roots", exact: true })).toHaveCount(0);
  await expect(client.declared().getByRole("cell", { name: "sampling", exact: true })).toBeVisible();
});

test("demo server: URL elicitation opens only on click, then waits for notifications/elicitation/complete", async ({
  page,
}) => {
  const { tools, client } = await connectDemo(page, "2025-11-25");
  await tools.inspector.openTab(/^Tools/);
  await tools.select("open_link");
  await tools.useJson("open_link", { completeAfterMs: 2500 });
  await tools.call("open_link");
  const card = client.card("URL elicitation request");
  await expect(card.getByTestId("elicitation-url")).toHaveText("https://modelcontextprotocol.io/specification");
  const link = card.getByRole("link", { name: "Open modelcontextprotocol.io in a new tab" });
  await expect(link).toHaveAttribute("href", "https://modelcontextprotocol.io/specification");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  expect(page.context().pages()).toHaveLength(1); // nothing opened by itself
  await card.getByRole("button", { name: "Accept" }).click();

  const waiting = client.card("URL elicitation request", "awaiting-completion");
  await expect(waiting.getByRole("status")).toHaveText(
    "Waiting for notifications/elicitation/complete from the server…",
  );
  const done = client.card("URL elicitation request", "answered");
  await expect(done).toContainText(/completed \d/);
  await expect(done).toContainText("the server reported the URL flow complete");
  await expect(tools.result).toContainText("sent notifications/elicitation/complete");
});

test("demo server, 2026-07-28: a multi round-trip (form, then sampling) answered through the cards", async ({
  page,
}) => {
  const { tools, client } = await connectDemo(page, "2026-07-28");
  await tools.inspector.openTab(/^Tools/);
  await tools.select("plan_trip");
  await tools.call("plan_trip");
  const form = client.card("Elicitation request");
  await expect(form).toContainText('input request "destination" of a 2026-07-28 multi round-trip');
  await expect(form.getByLabel("Nights", { exact: true })).toHaveValue("3");
  await form.getByLabel("City", { exact: true }).fill("Lisbon");
  await form.getByRole("button", { name: "Accept" }).click();

  const sampling = client.card("Sampling request");
  await expect(sampling).toContainText("Suggest a plan for 3 nights in Lisbon.");
  await expect(sampling).toContainText("You are a travel planner.");
  await client.answerSampling("Tram 28, then pastéis.", "planner");
  await expect(tools.result).toContainText("3 nights in Lisbon: Tram 28, then pastéis.");
  await expect(client.card("Elicitation request", "answered")).toContainText('"city":"Lisbon"');
  await expect(client.pendingCount).toHaveText("0");
});

const SWITCHED_OFF = [
  { capability: "sampling", labels: ["Sampling (sampling/createMessage)"], probe: "sampling" },
  { capability: "elicitation", labels: ["Elicitation, form mode", "Elicitation, URL mode"], probe: "elicitation" },
  { capability: "roots", labels: ["Roots (roots/list)"], probe: "roots" },
] as const;

for (const off of SWITCHED_OFF) {
  test(`with ${off.capability} switched off it is not declared and the server's request gets an error`, async ({
    page,
  }) => {
    const { tools, client } = await connectDemo(page, "2025-11-25", [...off.labels]);
    const declared = client.declared();
    await expect(declared).toBeVisible();
    for (const other of SWITCHED_OFF.filter((o) => o !== off))
      await expect(declared.getByRole("cell", { name: other.capability, exact: true })).toBeVisible();
    await expect(declared.getByRole("cell", { name: off.capability, exact: true })).toHaveCount(0);

    await tools.inspector.openTab(/^Tools/);
    await tools.select("probe_client");
    await tools.useJson("probe_client", { request: off.probe });
    await tools.call("probe_client");
    await expect(tools.result).toContainText("not answered: error -32601");
    await expect(client.pendingCount).toHaveText("0");

    // The switch stays in the connection's draft: the form still shows it off after connecting.
    for (const label of off.labels)
      await expect(tools.inspector.form.getByLabel(label, { exact: true })).not.toBeChecked();
  });
}

test("roots are saved with the connection: after a reload the server is offered them from the start", async ({
  page,
}) => {
  const { tools, client } = await connectEverything(page, "stdio");
  await client.openRoots();
  await client.roots.getByLabel("New root URI").fill("file:///tmp/lens-saved");
  await client.roots.getByLabel("New root name").fill("Saved");
  await client.roots.getByRole("button", { name: "Add root" }).click();
  await expect(client.roots.getByLabel("Root 1 URI")).toHaveValue("file:///tmp/lens-saved");
  await tools.inspector.disconnect();
  await tools.inspector.form.getByRole("button", { name: "Save", exact: true }).click();

  await page.reload();
  await tools.inspector.selectConnection("everything stdio");
  await client.openRoots();
  await expect(client.roots.getByLabel("Root 1 URI")).toHaveValue("file:///tmp/lens-saved");
  await expect(client.roots.getByLabel("Root 1 name")).toHaveValue("Saved");
  await tools.inspector.connect();
  await tools.inspector.expectConnected();
  await tools.inspector.openTab(/^Tools/);
  await tools.select("get-roots-list");
  await tools.call("get-roots-list");
  await expect(tools.result).toContainText("file:///tmp/lens-saved");
});
