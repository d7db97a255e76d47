import { expect, test, type Page } from "@playwright/test";
import { startHttpFixture } from "../lib/testing";
import type { Started } from "../lib/testing";
import type { InspectorPage } from "./pages/inspector";
import { ToolsPage } from "./pages/tools";
import { NODE } from "./support/processes";

/**
 * The misbehaving server (servers/fixtures/misbehaving) driven through the UI: for each fault the
 * page says what happened, the offending frame is in the traffic log with its flag, the page stays
 * usable, and a second connection in the same page works afterwards. The Node tests in lib/faults
 * check the same faults at the bridge (processes, memory); these check what a user sees.
 */

const STDIO_ARGS = "--import tsx servers/fixtures/misbehaving/stdio.ts";

async function connectStdio(page: Page): Promise<ToolsPage> {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "misbehaving",
    transport: "stdio",
    command: NODE,
    args: STDIO_ARGS,
    protocol: "2025-11-25",
  });
  return tools;
}

async function connectHttp(page: Page, url: string): Promise<ToolsPage> {
  const tools = new ToolsPage(page);
  await tools.inspector.open();
  await tools.inspector.addConnection({
    name: "misbehaving http",
    transport: "Streamable HTTP",
    url,
    protocol: "2025-11-25",
  });
  await tools.inspector.connect();
  await tools.inspector.expectConnected();
  await tools.inspector.openTab(/^Tools/);
  return tools;
}

/** The session's own alert (the tool result has one too). */
function sessionAlert(tools: ToolsPage, text: string | RegExp) {
  return tools.inspector.failure.filter({ hasText: text });
}

async function callFault(tools: ToolsPage, mode: string, timeoutS?: number): Promise<void> {
  await tools.select(mode);
  if (timeoutS) await tools.panel(mode).getByLabel("Timeout (s)").fill(String(timeoutS));
  await tools.call(mode);
}

/** The flagged frame: a traffic row whose name carries `flag`, opened, with `detail` in its problem text. */
async function expectFlagged(inspector: InspectorPage, flag: RegExp, detail: string | RegExp): Promise<void> {
  const row = inspector.trafficRows(flag).last();
  await expect(row).toBeVisible();
  await row.click();
  await expect(inspector.traffic.getByRole("region", { name: "Entry details" })).toContainText(detail);
}

/** The page still works and the inspector's server side still serves: the demo connects in the same page. */
async function nextConnectionWorks(inspector: InspectorPage): Promise<void> {
  await inspector.selectConnection("Demo server (stdio)");
  await inspector.setProtocol("2025-11-25");
  await inspector.connect();
  await inspector.expectConnected();
}

test.describe("a misbehaving stdio server", () => {
  test("exit-mid-call: the session says the server exited with code 7; the call says the connection closed", async ({
    page,
  }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "exit-mid-call");
    await expect(tools.inspector.status).toHaveText(/Failed/);
    await expect(sessionAlert(tools, "The server exited (code 7).")).toBeVisible();
    await expect(tools.result.getByRole("alert")).toContainText(/Connection closed/i);
    await expect(tools.inspector.trafficRows(/^stderr /).first()).toBeVisible();
    await nextConnectionWorks(tools.inspector);
  });

  test("hang: the call times out after the set timeout and says so; disconnect still works", async ({ page }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "hang", 1);
    await expect(tools.result.getByRole("alert")).toContainText("Timed out: no result and no progress for 1000 ms.");
    await expect(tools.inspector.status).toHaveText(/^Connected/);
    await tools.inspector.disconnect();
    await expect(tools.inspector.status).toHaveText(/Disconnected/, { timeout: 15_000 });
    await nextConnectionWorks(tools.inspector);
  });

  test("non-json: each bad line is in the log, classified, and the call still gets its answer", async ({ page }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "non-json");
    await expect(tools.result).toContainText("answered after 3 lines that are not JSON-RPC");
    await expectFlagged(tools.inspector, /^incoming invalid JSON/, /invalid JSON/);
    await expectFlagged(tools.inspector, /^incoming not JSON-RPC/, 'missing "jsonrpc": "2.0"');
  });

  test("§S18: invalid-utf8: the answer is shown with U+FFFD and the frame is flagged", async ({ page }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "invalid-utf8");
    await expect(tools.result).toContainText("\uFFFD");
    await expectFlagged(
      tools.inspector,
      /^incoming result .* problem/,
      /bytes that were not valid UTF-8 were replaced/,
    );
  });

  test("§S18: huge-line (50 MB): the connection ends naming the 16 MiB limit; the refused line's head is in the log, flagged", async ({
    page,
  }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "huge-line");
    await expect(tools.result.getByRole("alert")).toContainText("answer of 50.0 MB refused: over the 16 MiB limit", {
      timeout: 20_000,
    });
    await expect(
      sessionAlert(tools, /a line that exceeded 16 MiB is refused, and the connection was closed/),
    ).toBeVisible({ timeout: 20_000 });
    await expectFlagged(
      tools.inspector,
      /^incoming result .* problem truncated/,
      /refused: a line over the bridge's limit/,
    );
    await nextConnectionWorks(tools.inspector);
  });

  test("§S18: deep-json (100,000 levels): the result is delivered and shown without freezing the page", async ({
    page,
  }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "deep-json");
    await expect(tools.result).toBeVisible();
    await expect(tools.inspector.trafficRows(/^incoming result/).last()).toBeVisible();
    // The page still answers: another tab opens and the connection is still live.
    await tools.inspector.openTab(/^Handshake/);
    await expect(tools.inspector.status).toHaveText(/^Connected/);
  });

  test("wrong-id: the call times out and the answer is flagged as a response to no request", async ({ page }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "wrong-id", 2);
    await expect(tools.result.getByRole("alert")).toContainText("Timed out");
    await expectFlagged(tools.inspector, /^incoming result .* problem/, /a response to no request \(id \d+\)/);
  });

  test("duplicate-id: the first answer counts, the second is flagged", async ({ page }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "duplicate-id");
    await expect(tools.result).toContainText("first answer");
    await expectFlagged(tools.inspector, /^incoming result .* problem/, /a second response to request id/);
  });

  test("unsolicited-response: the stray response is flagged, the call still gets its answer", async ({ page }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "unsolicited-response");
    await expect(tools.result).toContainText("the real answer");
    await expectFlagged(
      tools.inspector,
      /^incoming result id "unsolicited-1"/,
      'a response to no request (id "unsolicited-1")',
    );
  });

  test("flood: 10,000 notifications are all counted and the answer arrives", async ({ page }) => {
    const tools = await connectStdio(page);
    await callFault(tools, "flood");
    await expect(tools.result).toContainText("sent 10000 notifications", { timeout: 20_000 });
    await tools.inspector.filterTraffic("method:notifications/message");
    await expect(tools.inspector.traffic).toContainText("10,000 shown");
  });
});

test.describe("a misbehaving Streamable HTTP server", () => {
  let server: Started & { url: string };
  test.beforeEach(async () => {
    server = await startHttpFixture();
  });
  test.afterEach(async () => {
    await server.stop();
  });

  test("§S18: huge-body (a 50 MB answer): the result is shown cut with Show all, the frame is stored cut and flagged, the page stays usable", async ({
    page,
  }) => {
    const tools = await connectHttp(page, server.url);
    await callFault(tools, "huge-body");
    await expect(tools.result.getByRole("button", { name: /Show all/ })).toBeVisible({ timeout: 30_000 });
    await expect(tools.inspector.trafficRows(/^incoming result .* truncated/).last()).toBeVisible();
    await tools.inspector.openTab(/^Handshake/);
    await expect(tools.inspector.status).toHaveText(/^Connected/);
  });

  test("wrong-content-type: the call names the content type, the exchange shows the text/plain body", async ({
    page,
  }) => {
    const tools = await connectHttp(page, server.url);
    await callFault(tools, "wrong-content-type");
    await expect(tools.result.getByRole("alert")).toContainText("Unexpected content type: text/plain");
    await expect(tools.inspector.trafficRows(/^HTTP .* a text\/plain body/).last()).toBeVisible();
  });

  test("sse-cut: the half event is in the log flagged as cut, and the log says the stream broke off", async ({
    page,
  }) => {
    const tools = await connectHttp(page, server.url);
    await callFault(tools, "sse-cut", 3);
    await expectFlagged(
      tools.inspector,
      /^incoming invalid JSON/,
      /cut: the SSE stream stopped before this event was complete/,
    );
    await expect(tools.inspector.trafficRows(/^warn the SSE stream broke off/).last()).toBeVisible();
  });

  test("session-lost: the call fails with HTTP 404 and the session says the server lost it; reconnecting recovers", async ({
    page,
  }) => {
    const tools = await connectHttp(page, server.url);
    await callFault(tools, "session-lost");
    await expect(tools.result.getByRole("alert")).toContainText("HTTP 404");
    await expect(sessionAlert(tools, /no longer knows this session \(HTTP 404 for Mcp-Session-Id/)).toBeVisible();
    await tools.inspector.connect();
    await tools.inspector.expectConnected();
  });

  test("http-500: the call fails with the status and the body text; the session stays connected", async ({ page }) => {
    const tools = await connectHttp(page, server.url);
    await callFault(tools, "http-500");
    await expect(tools.result.getByRole("alert")).toContainText(
      /HTTP 500.*Internal Server Error: misbehaving on purpose/,
    );
    await expect(tools.inspector.status).toHaveText(/^Connected/);
    await expect(tools.inspector.trafficRows(/^HTTP .* 500 /).last()).toBeVisible();
  });
});
