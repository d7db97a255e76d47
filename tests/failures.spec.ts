import { expect, test } from "@playwright/test";
import { startHttpFixture } from "../servers/fixtures/http-fixtures";
import { InspectorPage } from "./pages/inspector";
import { NODE, freePort } from "./support/processes";

/** Each failure shows a message naming what failed within 10 s, keeps the traffic, and the next connection works. */
async function expectFailure(inspector: InspectorPage, title: RegExp) {
  const started = Date.now();
  await expect(inspector.failure).toContainText(title, { timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_500);
  await expect(inspector.status).toHaveText(/Failed/);
  await expect(inspector.failure).toContainText("Try:");
  // The traffic so far stays visible.
  await expect(inspector.traffic.getByRole("option").first()).toBeVisible();
}

async function nextConnectionWorks(inspector: InspectorPage) {
  await inspector.selectConnection("Demo server (stdio)");
  await inspector.setProtocol("2025-11-25");
  await inspector.connect();
  await inspector.expectConnected();
}

const fixture = (name: string) => `--import tsx servers/fixtures/${name}.ts`;

test("an unreachable URL", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({ transport: "Streamable HTTP", url: `http://127.0.0.1:${await freePort()}/mcp` });
  await inspector.connect();
  await expectFailure(inspector, /Could not reach|Connection refused/);
  await expect(inspector.failure).toContainText("Connection refused");
  await nextConnectionWorks(inspector);
});

test("a URL that serves an HTML page", async ({ page }) => {
  const html = await startHttpFixture("html");
  try {
    const inspector = new InspectorPage(page);
    await inspector.open();
    await inspector.addConnection({ transport: "Streamable HTTP", url: html.url });
    await inspector.connect();
    await expectFailure(inspector, /not an MCP server: it answered with an HTML page/);
    await nextConnectionWorks(inspector);
  } finally {
    await html.close();
  }
});

test("a URL that answers 404", async ({ page }) => {
  const notFound = await startHttpFixture("notfound");
  try {
    const inspector = new InspectorPage(page);
    await inspector.open();
    await inspector.addConnection({ transport: "Streamable HTTP", url: notFound.url });
    await inspector.connect();
    await expectFailure(inspector, /answered HTTP 404/);
    await nextConnectionWorks(inspector);
  } finally {
    await notFound.close();
  }
});

test("a command that does not exist", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({ transport: "stdio", command: "no-such-mcp-server-xyz", args: "" });
  await inspector.connect();
  await expectFailure(inspector, /Command not found: no-such-mcp-server-xyz/);
  await nextConnectionWorks(inspector);
});

test("a server that exits at once", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({ transport: "stdio", command: NODE, args: fixture("exit-at-once") });
  await inspector.connect();
  await expectFailure(inspector, /exited \(code 3\)/);
  await expect(inspector.failure).toContainText("fatal: demo crash");
  await expect(inspector.traffic).toContainText("fatal: demo crash");
  await nextConnectionWorks(inspector);
});

test("a crash shows the whole stderr tail, scrollable, ANSI codes stripped, the first error-looking line highlighted", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({
    transport: "stdio",
    command: NODE,
    args: fixture("crash-stderr"),
    protocol: "2025-11-25",
  });
  await inspector.connect();
  await expectFailure(inspector, /exited \(code 1\)/);
  const stderr = inspector.failure.getByRole("region", { name: "Server stderr" });
  await expect(stderr.getByRole("listitem")).toHaveCount(27);
  const marked = stderr.locator('li[aria-current="true"]');
  await expect(marked).toHaveText("Error: Cannot find module '/opt/server/dist/plugins/missing.js'");
  await expect(marked).toBeInViewport();
  await expect(stderr).not.toContainText("[2m");
  await expect(stderr).not.toContainText("\u001b");
  await expect(inspector.traffic).not.toContainText("[22m");
});

test("a server that prints garbage on stdout", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({ transport: "stdio", command: NODE, args: fixture("garbage") });
  await inspector.connect();
  await expectFailure(inspector, /not JSON-RPC/);
  await expect(inspector.trafficRows(/invalid JSON/).first()).toBeVisible();
  await nextConnectionWorks(inspector);
});

test("a handshake that never answers", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({ transport: "stdio", command: NODE, args: fixture("silent") });
  await inspector.connect();
  await expectFailure(inspector, /did not complete the handshake within \d+ s/);
  await nextConnectionWorks(inspector);
});
