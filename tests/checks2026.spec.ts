import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";

/**
 * The 2026-07-28 checks in the Checks tab (lib/checks/modern*.ts), against the demo over Streamable
 * HTTP: a few rows with their verdicts, what was expected and what came back (the demo passes them
 * all; lib/checks/modern.test.ts shows each one failing on the fault fixture).
 */
test("the demo over Streamable HTTP in 2026-07-28: the stateless era's checks pass, with what came back", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (Streamable HTTP)");
  await inspector.connect();
  await inspector.expectConnected();
  await inspector.openTab("Checks");
  await page.getByRole("button", { name: "Run checks" }).click();
  const results = page.getByRole("table", { name: "Check results" });
  const row = (name: string | RegExp) => results.getByRole("row", { name });
  // The last check of the run: once it has a verdict, the run is over.
  await expect(
    row(/only the change types asked for/)
      .getByRole("cell")
      .nth(0),
  ).toHaveText("pass", {
    timeout: 60_000,
  });

  const noVersion = row("A request whose _meta lacks protocolVersion is Invalid params");
  await expect(noVersion.getByRole("cell").nth(0)).toHaveText("pass");
  await expect(noVersion.getByRole("cell").nth(2)).toHaveText("error -32602 (Invalid params), HTTP 400");
  await expect(noVersion.getByRole("cell").nth(3)).toHaveText(/^error -32602 .*\(HTTP 400\)$/);

  const initialize = row(/^initialize \(removed in 2026-07-28\)/);
  await expect(initialize.getByRole("cell").nth(0)).toHaveText("pass");
  await expect(initialize.getByRole("cell").nth(3)).toHaveText('error -32601 "Method not found" (HTTP 404)');

  const version = row(/unsupported-version error lists the supported versions/);
  await expect(version.getByRole("cell").nth(0)).toHaveText("pass");
  await expect(version.getByRole("cell").nth(3)).toHaveText(
    'error -32022, supported ["2026-07-28"], requested "1999-01-01"',
  );
  await expect(version.getByRole("link", { name: "specification" })).toHaveAttribute(
    "href",
    "https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning",
  );

  const noName = row("A tools/call without an Mcp-Name header is refused");
  await expect(noName.getByRole("cell").nth(3)).toHaveText("HTTP 400, error -32020 (Header mismatch)");

  const ack = row(/acknowledgement is the stream's first message/);
  await expect(ack.getByRole("cell").nth(0)).toHaveText("pass");
  await expect(ack.getByRole("cell").nth(3)).toHaveText("first: notifications/subscriptions/acknowledged");

  // Nothing of the 2026 checks failed on the demo.
  await expect(results.getByRole("cell", { name: "fail", exact: true })).toHaveCount(0);
});
