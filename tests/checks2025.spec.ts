import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";
import { startEverythingHttp } from "./support/processes";

/**
 * The 2025-11-25 checks (lib/checks/legacy.ts) in the Checks tab, against server-everything over
 * Streamable HTTP: rows with their verdicts (what lib/checks/legacy.test.ts pins in Node), the
 * foreign-Host check skipped in the page (the relay sets Host from the URL), one row opened in the traffic.
 */
test("server-everything over Streamable HTTP: the 2025-11-25 rows and their verdicts", async ({ page }) => {
  const server = await startEverythingHttp("streamableHttp");
  try {
    const inspector = new InspectorPage(page);
    await inspector.open();
    await inspector.addConnection({ name: "everything http", transport: "Streamable HTTP", url: server.url });
    await inspector.connect();
    await inspector.expectConnected();
    await inspector.openTab("Checks");
    await page.getByRole("button", { name: "Run checks" }).click();
    const results = page.getByRole("table", { name: "Check results" });
    const row = (name: string | RegExp) => results.getByRole("row", { name });
    const wire = row("Every message the server sent in this session is valid for the negotiated version");
    // server-everything's id-less error answer to the session-required probe is allowed since 2025-11-25.
    await expect(wire.getByRole("cell").nth(0)).toHaveText("pass", { timeout: 60_000 });
    await expect(wire.getByRole("cell").nth(3)).toHaveText(/^\d+ frames valid$/);

    await expect(
      row(/^The initialize result has protocolVersion/)
        .getByRole("cell")
        .nth(0),
    ).toHaveText("pass");
    await expect(row("notifications/initialized is accepted with HTTP 202").getByRole("cell").nth(3)).toHaveText(
      "HTTP 202",
    );
    const tools = row("tools/list: every entry is a valid tool");
    await expect(tools.getByRole("cell").nth(0)).toHaveText("pass");
    await expect(tools.getByRole("cell").nth(3)).toHaveText("19 tools, all valid");
    await expect(
      row(/^Several requests in flight at once/)
        .getByRole("cell")
        .nth(3),
    ).toHaveText("3 of 3 answered, each on its own stream");
    const foreignHost = row("A DNS-rebinding request (a foreign Host and Origin) is refused");
    await expect(foreignHost.getByRole("cell").nth(0)).toHaveText("skipped");
    await expect(foreignHost.getByRole("cell").nth(3)).toContainText("the inspector's relay, which sets Host");
    await expect(row("A request with a localhost Host and Origin is served").getByRole("cell").nth(0)).toHaveText(
      "pass",
    );
    await expect(
      row(/^DELETE with a session's Mcp-Session-Id ends it/)
        .getByRole("cell")
        .nth(0),
    ).toHaveText("pass");

    // logging/setLevel: the request and its answer, one click away.
    const setLevel = row("logging/setLevel is answered with an empty result");
    await expect(setLevel.getByRole("cell").nth(0)).toHaveText("pass");
    await setLevel.getByRole("button", { name: "Show in traffic" }).click();
    await expect(inspector.traffic.getByLabel("Filter traffic")).toHaveValue(/^id:lens-check-\d+-logging-set-level-1$/);
    await expect(inspector.trafficRows(/outgoing request logging\/setLevel/)).toHaveCount(1);
    await expect(inspector.trafficRows(/incoming result/)).toHaveCount(1);
  } finally {
    await server.stop();
  }
});
