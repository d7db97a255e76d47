import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { InspectorPage } from "./pages/inspector";
import { NODE, ROOT } from "./support/processes";

test("the composer sends malformed text and the server's -32700 answer is in the traffic, flagged", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({
    transport: "stdio",
    command: NODE,
    args: "--import tsx servers/fixtures/corpus-server.ts",
    protocol: "2025-11-25",
  });
  await inspector.connect();
  await inspector.expectConnected();
  await inspector.openTab("Composer");
  const composer = page.getByRole("region", { name: "Raw composer" });
  await composer.getByLabel("Template").selectOption({ label: "malformed JSON (expect -32700)" });
  await expect(composer.getByRole("note", { name: "Message warnings" })).toContainText("not valid");
  await composer.getByRole("button", { name: "Send" }).click();
  await expect(composer.getByRole("status")).toContainText("Sent");
  await inspector.filterTraffic("is:invalid");
  await expect(inspector.trafficRows(/outgoing invalid JSON/)).toHaveCount(1);
  await inspector.filterTraffic("kind:error");
  await expect(inspector.trafficRows(/incoming error -32700/)).toHaveCount(1);
});

test("the query language filters traffic, and reports a bad key", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (stdio)");
  await inspector.setProtocol("2025-11-25");
  await inspector.connect();
  await inspector.expectConnected();
  await inspector.filterTraffic("method:*/list dir:out");
  await expect(
    inspector.trafficRows(/outgoing request (tools|prompts|resources|resources\/templates)\/list/),
  ).toHaveCount(4);
  await expect(inspector.trafficRows(/incoming/)).toHaveCount(0);
  await inspector.filterTraffic("bogus:1");
  await expect(inspector.traffic.getByRole("alert")).toContainText('Unknown key "bogus"');
});

test("a session exported as a recording opens offline with its handshake, lists and traffic", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (stdio)");
  await inspector.connect();
  await inspector.expectConnected();
  const tools = await inspector.count("tools");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export recording" }).click(),
  ]);
  const file = await download.path();
  const text = readFileSync(file, "utf8");
  expect(JSON.parse(text)).toMatchObject({
    format: "mcp-lens-recording",
    v: 2,
    negotiated: { protocolVersion: "2026-07-28" },
  });
  await inspector.disconnect();
  await page
    .getByLabel("Open recording")
    .setInputFiles({ name: "demo.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByText(/offline recording of/)).toBeVisible();
  expect(await inspector.count("tools")).toBe(tools);
  await expect(page.getByTestId("handshake-version")).toHaveText("2026-07-28");
  await inspector.filterTraffic("server/discover");
  await expect(inspector.trafficRows(/outgoing request server\/discover/)).toHaveCount(1);
});

test("a shipped worked example opens with no server", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  const path = `${ROOT}/docs/recordings/errors-and-cancellation.json`;
  await page.getByLabel("Open recording").setInputFiles(path);
  await expect(page.getByText(/offline recording of/)).toBeVisible();
  await inspector.filterTraffic("notifications/cancelled");
  await expect(inspector.trafficRows(/outgoing notification notifications\/cancelled/)).toHaveCount(1);
  await inspector.filterTraffic(""); // the query also filters the waterfall
  await inspector.openTab("Timing");
  await expect(page.getByRole("region", { name: "Latency by method" })).toContainText("tools/call");
});

test("the Flow tab draws the exchange and walks through it step by step, with spec links of the negotiated version", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await page.getByLabel("Open recording").setInputFiles(`${ROOT}/docs/recordings/modern-discover-and-progress.json`);
  await expect(page.getByText(/offline recording of/)).toBeVisible();
  await inspector.openTab("Flow");
  const diagram = page.getByRole("list", { name: "Sequence diagram" });
  await expect(diagram.getByRole("listitem", { name: /^client to server: request server\/discover/ })).toBeVisible();
  await expect(
    diagram.getByRole("listitem", { name: /^server to client: notification notifications\/progress/ }).first(),
  ).toBeVisible();
  const walk = page.getByRole("region", { name: "Walkthrough" });
  await expect(walk).toContainText(/Step 1 of \d+/);
  await expect(walk.getByRole("link", { name: "Read the specification" })).toHaveAttribute(
    "href",
    /specification\/2026-07-28\//,
  );
  await walk.getByRole("button", { name: "Next step" }).click();
  await expect(walk).toContainText(/Step 2 of \d+/);
  await diagram.getByRole("listitem", { name: /^client to server: request tools\/call/ }).click();
  await expect(walk).toContainText("tools/call");
  await expect(walk.getByRole("link", { name: "Read the specification" })).toHaveAttribute(
    "href",
    /2026-07-28\/server\/tools/,
  );
  // The traffic query narrows the diagram and the waterfall too.
  await inspector.filterTraffic("method:tools/call");
  await expect(diagram.getByRole("listitem")).toHaveCount(2);
  await inspector.openTab("Timing");
  await expect(page.getByRole("list", { name: "Requests" }).getByRole("listitem")).toHaveCount(1);
});

test("two recordings compare: tools added and removed, capabilities and the message sequence", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await page.getByLabel("Open recording").setInputFiles(`${ROOT}/docs/recordings/errors-and-cancellation.json`);
  await expect(page.getByText(/offline recording of/)).toBeVisible();
  await page.getByLabel("Open recording").setInputFiles(`${ROOT}/docs/recordings/legacy-handshake-and-tool-call.json`);
  await expect(page.getByRole("button", { name: /Recording · legacy-handshake/ })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await inspector.openTab("Compare");
  await page.getByLabel("Compare with").selectOption({ label: "Recording · errors-and-cancellation.json" });
  const report = page.getByRole("region", { name: "Compare sessions" });
  await expect(report.getByRole("region", { name: "Tools" })).toContainText("removed echo");
  await expect(report.getByRole("region", { name: "Tools" })).toContainText("added slow_progress");
  await expect(report.getByRole("region", { name: "Server capabilities" })).toContainText("/prompts");
  await expect(report.getByRole("region", { name: "Message sequence" })).toContainText("notifications/cancelled");
});
