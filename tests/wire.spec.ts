import { expect, test } from "@playwright/test";
import { startHttpFixture } from "../lib/testing";
import { InspectorPage } from "./pages/inspector";
import { ToolsPage } from "./pages/tools";
import { TrafficCounts } from "./pages/traffic";
import { EVERYTHING, NODE, startEverythingHttp } from "./support/processes";

/**
 * What MCP Lens flags must be really wrong (issue 18): the SSE shapes the spec allows are grey and
 * explained, the auto-mode version probe is negotiation, malformed SSE is still flagged.
 */

test("server-everything over Streamable HTTP: no error rows after connect, a tool call and Checks; priming events shown as such", async ({
  page,
}) => {
  const server = await startEverythingHttp("streamableHttp");
  try {
    const tools = new ToolsPage(page);
    const inspector = tools.inspector;
    const traffic = new TrafficCounts(inspector);
    await inspector.open();
    await inspector.addConnection({ name: "everything http", transport: "Streamable HTTP", url: server.url });
    await inspector.connect();
    await inspector.expectConnected();
    await traffic.expectErrors(0);

    // The priming event before each response: grey, with its id, explained and linked to the spec.
    await inspector.filterTraffic("kind:sse");
    const priming = inspector.trafficRows(/^incoming SSE priming event id \S+$/).first();
    await expect(priming).toBeVisible();
    await priming.click();
    const details = inspector.traffic.getByRole("region", { name: "Entry details" });
    await expect(details).toContainText("A priming event: an event id with empty data");
    await expect(details.getByRole("link", { name: "Read the specification" })).toHaveAttribute(
      "href",
      /2025-11-25\/basic\/transports#resumability-and-redelivery$/,
    );
    await inspector.filterTraffic("");

    await inspector.openTab(/^Tools/);
    await tools.select("echo");
    await tools.useJson("echo", { message: "hello" });
    await tools.call("echo");
    await expect(tools.result).toContainText("hello");
    await traffic.expectErrors(0);

    // Checks: the right answers are neutral; what stays red is the answers of failed checks, never SSE or the probe.
    await inspector.openTab("Checks");
    await page.getByRole("button", { name: "Run checks" }).click();
    await expect(page.getByRole("status", { name: "Check summary" })).toContainText("passed", { timeout: 30_000 });
    await traffic.expectShown("is:error kind:sse", 0);
    await traffic.expectShown("is:error method:server/discover", 0);
    // server-everything's real deviations (pinned in lib/session/everythingHttp.test.ts): -32700 with HTTP 400
    // for a message that is JSON, -32603 for invalid params, and 400 with an id-less error body for an ended
    // session. Nothing else: no priming event, no expected answer (-32602 for a missing resource is right).
    await traffic.expectErrors(5);
    await traffic.expectShown("is:error", 5);
  } finally {
    await server.stop();
  }
});

test("auto mode against a legacy server over Streamable HTTP: the probe is negotiation, the handshake reports its real HTTP status", async ({
  page,
}) => {
  const server = await startEverythingHttp("streamableHttp");
  try {
    const inspector = new InspectorPage(page);
    const traffic = new TrafficCounts(inspector);
    await inspector.open();
    await inspector.addConnection({
      name: "everything auto",
      transport: "Streamable HTTP",
      url: server.url,
      protocol: "auto",
    });
    await inspector.connect();
    await inspector.expectConnected();
    await expect(page.getByRole("list", { name: "Handshake steps" }).getByRole("listitem").first()).toHaveText(
      /^server\/discover: HTTP 400, error -32000: Bad Request: Server not initialized: a legacy server, fell back to initialize/,
    );
    await traffic.expectErrors(0);
    await inspector.filterTraffic("method:server/discover");
    await expect(inspector.trafficRows(/^outgoing request server\/discover id \S+ negotiation$/)).toBeVisible();
    await inspector.filterTraffic("status:400");
    const answer = inspector.trafficRows(/^HTTP response POST 400 /).first();
    await expect(answer).toBeVisible();
    await expect(answer.getByText("negotiation")).toBeVisible();
    await expect(answer.getByText("400", { exact: true })).not.toHaveClass(/text-red/);

    // The Flow view: no red arrow for the probe's refusal; the walkthrough says what happened.
    await inspector.filterTraffic("");
    await inspector.openTab("Flow");
    const diagram = page.getByRole("list", { name: "Sequence diagram" });
    await expect(diagram.getByRole("listitem", { name: /^server to client: expected answer -32000/ })).toBeVisible();
    await expect(diagram.getByRole("listitem", { name: /^server to client: error/ })).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test("auto mode against a legacy server over stdio: the -32601 refusal is neutral and explained in the walkthrough", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  const traffic = new TrafficCounts(inspector);
  await inspector.open();
  await inspector.addConnection({
    name: "everything stdio auto",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "auto",
  });
  await inspector.connect();
  await inspector.expectConnected();
  await expect(page.getByRole("list", { name: "Handshake steps" })).toContainText("error -32601");
  await expect(page.getByRole("list", { name: "Handshake steps" })).toContainText(
    "a legacy server, fell back to initialize",
  );
  await traffic.expectErrors(0);
  await inspector.filterTraffic("method:server/discover");
  const refusal = inspector.trafficRows(/^incoming error -32601 .*negotiation/).first();
  await expect(refusal).toBeVisible();
  await refusal.click();
  await expect(inspector.traffic.getByRole("region", { name: "Entry details" })).toContainText(
    "Legacy server: fell back to initialize",
  );
});

test("auto mode against a stdio server slow to start: the probe's late answer is shown for what it is, and what to pin", async ({
  page,
}, testInfo) => {
  const inspector = new InspectorPage(page);
  const traffic = new TrafficCounts(inspector);
  await inspector.open();
  await inspector.addConnection({
    name: "slow start",
    transport: "stdio",
    command: NODE,
    args: "--import tsx servers/fixtures/slow-start.ts 5000",
    protocol: "auto",
  });
  await inspector.connect();
  await inspector.expectConnected();
  await expect(page.getByTestId("handshake-version")).toHaveText("2025-11-25");
  await expect(page.getByRole("list", { name: "Handshake steps" }).getByRole("listitem").first()).toHaveText(
    /^server\/discover: answered only after the fallback to initialize \(\d+\.\d s after it was sent\): server offers 2026-07-28, but this session is legacy; pin 2026-07-28 to use it/,
    { timeout: 15_000 },
  );
  await testInfo.attach("handshake", { body: await page.screenshot(), contentType: "image/png" });
  await traffic.expectErrors(0);
});

test("a fixture sending malformed SSE still gets its rows flagged; the allowed shapes stay grey", async ({ page }) => {
  const server = await startHttpFixture();
  try {
    const tools = new ToolsPage(page);
    const inspector = tools.inspector;
    await inspector.open();
    await inspector.addConnection({
      name: "misbehaving http",
      transport: "Streamable HTTP",
      url: server.url,
      protocol: "2025-11-25",
    });
    await inspector.connect();
    await inspector.expectConnected();
    await inspector.openTab(/^Tools/);
    await tools.select("malformed-sse");
    await tools.call("malformed-sse");
    await expect(tools.result).toContainText("answered after malformed SSE");
    await expect(inspector.trafficRows(/^incoming invalid JSON/).last()).toBeVisible();
    await expect(inspector.trafficRows(/^incoming SSE retry problem$/).last()).toBeVisible();
    await expect(inspector.trafficRows(/^incoming SSE "notice" event, ignored problem$/).last()).toBeVisible();
    await expect(inspector.trafficRows(/^incoming SSE ignored field problem$/).last()).toBeVisible();
    await expect(inspector.trafficRows(/^incoming SSE priming event id \S+$/).last()).toBeVisible();
    await expect(inspector.trafficRows(/^incoming SSE comment$/).last()).toBeVisible();
    await expect(inspector.trafficRows(/^incoming SSE retry 2000 ms$/).last()).toBeVisible();
    await new TrafficCounts(inspector).expectErrors(4);
  } finally {
    await server.stop();
  }
});
