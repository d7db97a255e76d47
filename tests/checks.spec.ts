import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";
import { EVERYTHING, NODE } from "./support/processes";

/**
 * The Checks tab: probes with a fixed right answer, sent on the live connection. Against
 * server-everything it must report the deviations this version really has (see
 * lib/checks/spotCheck.test.ts), and against the demo over Streamable HTTP (2026-07-28) it must
 * check HTTP statuses too and find nothing wrong.
 */

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("server-everything over stdio: deviations are reported with what came back, and each exchange is one click from the traffic", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({
    name: "everything stdio",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
  });
  await inspector.connect();
  await inspector.expectConnected();
  await inspector.openTab("Checks");
  await page.getByRole("button", { name: "Run checks" }).click();
  await expect(page.getByRole("status", { name: "Check summary" })).toHaveText(
    "16 passed, 3 failed, 2 warnings, 39 skipped",
    { timeout: 30_000 },
  );

  const results = page.getByRole("table", { name: "Check results" });
  const noName = results.getByRole("row", { name: "tools/call without a name is Invalid params" });
  await expect(noName.getByRole("cell").nth(0)).toHaveText("fail");
  await expect(noName.getByRole("cell").nth(2)).toHaveText("error -32602 (Invalid params)");
  await expect(noName.getByRole("cell").nth(3)).toContainText("error -32603");
  await expect(noName.getByRole("link", { name: "specification" })).toHaveAttribute(
    "href",
    "https://modelcontextprotocol.io/specification/2025-11-25/server/tools",
  );
  const unknownTool = results.getByRole("row", { name: /Calling a tool that does not exist/ });
  await expect(unknownTool.getByRole("cell").nth(0)).toHaveText("warning");
  await expect(unknownTool.getByRole("cell").nth(3)).toHaveText(
    "a tool result with isError: true (a tool execution error)",
  );
  await expect(
    results
      .getByRole("row", { name: /unknown method/ })
      .getByRole("cell")
      .nth(0),
  ).toHaveText("pass");

  // The report for the server's authors.
  await page.getByRole("button", { name: "Copy report (Markdown)" }).click();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toMatch(/^## MCP spot check: mcp-servers\/everything /);
  expect(report).toContain("16 passed, 3 failed, 2 warnings, 39 skipped.");
  expect(report).toContain(
    "| FAIL | tools/call without a name is Invalid params | required | `error -32602 (Invalid params)` | `error -32603",
  );

  // The probe and the server's answer, found from the row.
  await noName.getByRole("button", { name: "Show in traffic" }).click();
  await expect(inspector.traffic.getByLabel("Filter traffic")).toHaveValue(
    /^id:lens-check-\d+-tools-call-without-name$/,
  );
  await expect(inspector.trafficRows(/outgoing request tools\/call/)).toHaveCount(1);
  await expect(inspector.trafficRows(/incoming error/)).toHaveCount(1);

  // The connection is still usable, and the results stay when the tab is left and re-opened.
  await inspector.openTab("Handshake");
  await inspector.openTab("Checks");
  await expect(page.getByRole("status", { name: "Check summary" })).toHaveText(
    "16 passed, 3 failed, 2 warnings, 39 skipped",
  );
  await expect(inspector.status).toHaveText(/^Connected/);
});

test("the demo over Streamable HTTP in 2026-07-28: HTTP statuses checked, nothing wrong", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (Streamable HTTP)");
  await inspector.connect();
  await inspector.expectConnected();
  await inspector.openTab("Checks");
  await page.getByRole("button", { name: "Run checks" }).click();
  await expect(page.getByRole("status", { name: "Check summary" })).toHaveText(
    // The warning: schema review flags the demo's free-form url and uri parameters (a "should").
    "45 passed, 0 failed, 1 warning, 14 skipped",
    { timeout: 30_000 },
  );
  const row = page.getByRole("table", { name: "Check results" }).getByRole("row", { name: /unknown method/ });
  await expect(row.getByRole("cell").nth(2)).toHaveText("error -32601 (Method not found), HTTP 404");
  await expect(row.getByRole("cell").nth(3)).toHaveText('error -32601 "Method not found" (HTTP 404)');
  await expect(
    page
      .getByRole("table", { name: "Check results" })
      .getByRole("row", { name: /not JSON/ })
      .getByRole("cell")
      .nth(3),
  ).toHaveText(/stdio only/);
  // The HTTP probes went through the relay: a foreign Origin refused, a mismatched Mcp-Method header refused.
  const origin = page.getByRole("table", { name: "Check results" }).getByRole("row", { name: /foreign Origin/ });
  await expect(origin.getByRole("cell").nth(3)).toHaveText(/^HTTP 403/);
  const mismatch = page.getByRole("table", { name: "Check results" }).getByRole("row", { name: /Mcp-Method header/ });
  await expect(mismatch.getByRole("cell").nth(3)).toHaveText("HTTP 400, error -32020 (Header mismatch)");
});
