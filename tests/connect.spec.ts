import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";
import { EVERYTHING, NODE, ROOT, startEverythingHttp } from "./support/processes";

/** server-everything's lists, as its package publishes them; a change here means a different server version. */
async function expectEverythingLists(inspector: InspectorPage) {
  expect(await inspector.count("tools")).toBeGreaterThanOrEqual(10);
  expect(await inspector.count("resources")).toBeGreaterThanOrEqual(1);
  expect(await inspector.count("prompts")).toBeGreaterThanOrEqual(3);
  expect(await inspector.count("resourceTemplates")).toBeGreaterThanOrEqual(1);
}

async function expectHandshake(inspector: InspectorPage, version: string, serverName: RegExp, method = "initialize") {
  await inspector.expectConnected();
  await expect(inspector.page.getByTestId("handshake-version")).toHaveText(version);
  await expect(inspector.page.getByTestId("server-name")).toHaveText(serverName);
  await expect(inspector.page.getByRole("region", { name: "Server capabilities" })).toContainText("tools");
  await expect(inspector.page.getByLabel(`${method} request`, { exact: true })).toContainText(
    '"method": "' + method + '"',
  );
  // The traffic panel shows the handshake exchange, the response paired with a latency.
  await inspector.filterTraffic(method);
  await expect(inspector.trafficRows(new RegExp(`outgoing request ${method}`)).first()).toBeVisible();
  await inspector
    .trafficRows(new RegExp(`outgoing request ${method}`))
    .first()
    .click();
  await expect(inspector.traffic.getByRole("button", { name: /Jump to #\d+/ })).toBeVisible();
  await expect(inspector.traffic.getByRole("group", { name: "Raw frame" })).toContainText(
    method === "initialize" ? "protocolVersion" : "_meta",
  );
  await inspector.filterTraffic("");
  await expect(inspector.trafficRows(/incoming result .*\d+(\.\d+)? ms/).first()).toBeVisible();
}

test("server-everything over stdio: auto falls back to initialize", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({
    name: "everything stdio",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
  });
  await inspector.connect();
  await expectHandshake(inspector, "2025-11-25", /everything/);
  await expect(page.getByRole("list", { name: "Handshake steps" })).toContainText("server/discover");
  await expectEverythingLists(inspector);
});

test("server-everything over Streamable HTTP", async ({ page }) => {
  const server = await startEverythingHttp("streamableHttp");
  try {
    const inspector = new InspectorPage(page);
    await inspector.open();
    await inspector.addConnection({ name: "everything http", transport: "Streamable HTTP", url: server.url });
    await inspector.connect();
    await expectHandshake(inspector, "2025-11-25", /everything/);
    await expectEverythingLists(inspector);
    await inspector.filterTraffic("mcp-session-id");
    await expect(inspector.trafficRows(/HTTP response POST 200/).first()).toBeVisible();
  } finally {
    await server.stop();
  }
});

test("server-everything over legacy HTTP+SSE", async ({ page }) => {
  const server = await startEverythingHttp("sse");
  try {
    const inspector = new InspectorPage(page);
    await inspector.open();
    await inspector.addConnection({
      name: "everything sse",
      transport: "SSE (legacy HTTP+SSE)",
      url: server.url,
      protocol: "2025-11-25",
    });
    await inspector.connect();
    await expectHandshake(inspector, "2025-11-25", /everything/);
    await expectEverythingLists(inspector);
  } finally {
    await server.stop();
  }
});

test("the demo server in the 2026-07-28 era", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (stdio)");
  await inspector.setProtocol("2026-07-28");
  await inspector.connect();
  await expectHandshake(inspector, "2026-07-28", /mcp-lens-demo/, "server/discover");
  expect(await inspector.count("tools")).toBeGreaterThanOrEqual(6);
  expect(await inspector.count("prompts")).toBeGreaterThanOrEqual(2);
});

test("the demo server over Streamable HTTP in auto mode reaches the 2026-07-28 era", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (Streamable HTTP)");
  await inspector.connect();
  await expectHandshake(inspector, "2026-07-28", /mcp-lens-demo/, "server/discover");
});

test("the demo server pinned to a legacy version", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (stdio)");
  await inspector.setProtocol("2025-06-18");
  await inspector.connect();
  await expectHandshake(inspector, "2025-06-18", /mcp-lens-demo/);
  expect(await inspector.count("tools")).toBeGreaterThanOrEqual(6);
  expect(await inspector.count("resources")).toBeGreaterThanOrEqual(3);
  expect(ROOT).toBeTruthy();
});

test("a URL typed without a scheme gets http:// for a loopback host, with a note; another scheme is refused with what to write", async ({
  page,
}) => {
  const server = await startEverythingHttp("streamableHttp");
  try {
    const inspector = new InspectorPage(page);
    await inspector.open();
    await inspector.addConnection({ name: "no scheme", transport: "Streamable HTTP" });
    const url = inspector.form.getByLabel("URL", { exact: true });
    // The new connection's URL holds an example: select it all and type over it, as a person does.
    await url.click();
    await url.press("ControlOrMeta+a");
    await url.pressSequentially(server.url.replace(/^http:\/\//, "ftp://"));
    await inspector.form.getByRole("button", { name: "Connect" }).click();
    await expect(inspector.form.getByRole("alert")).toContainText('"ftp:" is not one');
    await expect(page.getByRole("status", { name: "Connection status" })).not.toContainText(/Connected|Connecting/);
    await url.press("ControlOrMeta+a");
    await url.pressSequentially(server.url.replace(/^http:\/\//, ""));
    await url.press("Tab");
    await expect(url).toHaveValue(server.url);
    await expect(inspector.form.getByText(`No scheme given: using ${server.url}`)).toBeVisible();
    await inspector.connect();
    await expectHandshake(inspector, "2025-11-25", /everything/);
  } finally {
    await server.stop();
  }
});
