import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";

/**
 * The Checks tab's results as files: JSON (every result with expected, observed, verdict) and
 * JUnit XML for CI, from the same formatters `mcp-lens check --json / --junit` uses (lib/checks).
 * Judged on specific rows, not on the totals (tests/checks.spec.ts pins those).
 */
test("the demo over Streamable HTTP: the check results download as JSON and as JUnit XML", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (Streamable HTTP)");
  await inspector.connect();
  await inspector.expectConnected();
  await inspector.openTab("Checks");
  await page.getByRole("button", { name: "Run checks" }).click();
  await expect(page.getByRole("status", { name: "Check summary" })).toBeVisible({ timeout: 30_000 });

  const [jsonDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download JSON" }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^mcp-lens-checks-.+\.json$/);
  const json = JSON.parse(await readFile((await jsonDownload.path())!, "utf8")) as {
    transport: string;
    results: { title: string; verdict: string; expected: string; observed: string; requestSeq?: number }[];
  };
  expect(json.transport).toBe("streamable-http");
  const unknown = json.results.find((r) => /unknown method/.test(r.title));
  expect(unknown).toMatchObject({ verdict: "pass", expected: "error -32601 (Method not found), HTTP 404" });
  expect(unknown).not.toHaveProperty("requestSeq");
  const mismatch = json.results.find((r) => /Mcp-Method header/.test(r.title));
  expect(mismatch?.observed).toBe("HTTP 400, error -32020 (Header mismatch)");

  const [xmlDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download JUnit XML" }).click(),
  ]);
  expect(xmlDownload.suggestedFilename()).toMatch(/^mcp-lens-checks-.+\.xml$/);
  const xml = await readFile((await xmlDownload.path())!, "utf8");
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites tests="\d+" failures="0" skipped="\d+">/);
  expect(xml).toContain(`tests="${json.results.length}"`);
  // A pass is an empty testcase; a skipped check carries its reason.
  expect(xml).toMatch(
    /<testcase classname="mcp-lens checks [^"]+" name="[^"]*unknown method[^"]*\((must|should)\)"><\/testcase>/,
  );
  expect(xml).toMatch(/<skipped message="[^"]*stdio only/);
});
