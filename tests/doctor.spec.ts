import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DoctorPanel } from "./pages/doctor";
import { InspectorPage } from "./pages/inspector";
import { NODE, ROOT, freePort, startEverythingHttp } from "./support/processes";

/** axe-core on the doctor's report: no serious or critical violation. */
async function expectAccessible(page: Page): Promise<void> {
  const axe = readFileSync(`${ROOT}/node_modules/axe-core/axe.min.js`, "utf8");
  const violations = await page.evaluate(
    `${axe}; axe.run(document.querySelector('section[aria-label="Connection doctor"]')).then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", ")))`,
  );
  expect(violations).toEqual([]);
}

/** The connection doctor, driven as a person: a connection fails, "Run the doctor", its steps and its one-sentence fix. */

test("a missing command: the doctor names the command step and what to try", async ({ page }) => {
  const inspector = new InspectorPage(page);
  const doctor = new DoctorPanel(page);
  await inspector.open();
  await inspector.addConnection({
    name: "Missing",
    transport: "stdio",
    command: "mcp-lens-no-such-server-xyz",
    args: "",
  });
  await inspector.connect();
  await expect(inspector.failure).toContainText("Try:", { timeout: 10_000 });
  await doctor.runFromFailure();
  await expect(doctor.verdict).toHaveText(
    "Failing step: Command found and executable. Try: The command is not found: check its spelling, install it, or give its full path.",
  );
  expect(await doctor.statuses()).toEqual([
    "command:fail",
    "start:skip",
    "running:skip",
    "stdout:skip",
    "initialize:skip",
  ]);
  await expect(doctor.step("command")).toContainText("mcp-lens-no-such-server-xyz: not found on PATH");
});

test("a closed port: the doctor stops at the TCP step", async ({ page }) => {
  const inspector = new InspectorPage(page);
  const doctor = new DoctorPanel(page);
  const port = await freePort();
  await inspector.open();
  await inspector.addConnection({ name: "Closed", transport: "Streamable HTTP", url: `http://127.0.0.1:${port}/mcp` });
  await inspector.connect();
  await expect(inspector.failure).toContainText("Try:", { timeout: 10_000 });
  await doctor.runFromFailure();
  await expect(doctor.verdict).toHaveText(
    "Failing step: Connect (TCP). Try: Nothing is listening on that port: start the server, or fix the port in the URL.",
  );
  expect((await doctor.statuses()).slice(0, 3)).toEqual(["parse:pass", "dns:pass", "tcp:fail"]);
  await expect(doctor.step("tcp")).toContainText(`127.0.0.1:${port}: ECONNREFUSED`);
});

test("an exiting server: the exit code and the stderr tail", async ({ page }) => {
  const inspector = new InspectorPage(page);
  const doctor = new DoctorPanel(page);
  await inspector.open();
  await inspector.addConnection({
    name: "Crash",
    transport: "stdio",
    command: NODE,
    args: "--import tsx servers/fixtures/exit-at-once.ts",
  });
  await inspector.connect();
  await expect(inspector.failure).toContainText("Try:", { timeout: 10_000 });
  await doctor.runFromFailure();
  await expect(doctor.verdict).toContainText(
    "Failing step: Keeps running (exit code, stderr). Try: The server exited with code 3",
  );
  await expect(doctor.step("running")).toContainText("stderr: fatal: demo crash");
});

test("on demand, a working server passes every step", async ({ page }) => {
  const inspector = new InspectorPage(page);
  const doctor = new DoctorPanel(page);
  await inspector.open();
  await inspector.selectConnection("Demo server (stdio)");
  await doctor.runOnDemand();
  await expect(doctor.verdict).toHaveText("The server starts and answers initialize: the connection should work.");
  expect(await doctor.statuses()).toEqual([
    "command:pass",
    "start:pass",
    "running:pass",
    "stdout:pass",
    "initialize:pass",
  ]);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Close the doctor" }).click();
  await expect(doctor.region).toHaveCount(0);
});

test("the wrong transport: a Streamable HTTP endpoint opened as SSE", async ({ page }) => {
  const everything = await startEverythingHttp("streamableHttp");
  try {
    const inspector = new InspectorPage(page);
    const doctor = new DoctorPanel(page);
    await inspector.open();
    await inspector.addConnection({ name: "Wrong", transport: "SSE (legacy HTTP+SSE)", url: everything.url });
    await inspector.connect();
    await expect(inspector.failure).toContainText("Try:", { timeout: 15_000 });
    await doctor.runFromFailure();
    await expect(doctor.verdict).toHaveText(
      "Failing step: Legacy SSE: GET and the endpoint event. Try: This looks like a Streamable HTTP endpoint: switch the connection's transport to Streamable HTTP.",
    );
    await expect(doctor.step("streamable-2025")).toHaveAttribute("data-status", "pass");
    await expectAccessible(page);
  } finally {
    await everything.stop();
  }
});

test("security: the route wants the token, and a metadata address is refused at the DNS step, as the relay refuses it", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  const doctor = new DoctorPanel(page);
  await inspector.open();
  const origin = new URL(page.url()).origin;
  const bare = await page.request.post(`${origin}/api/doctor`, {
    data: { kind: "url", url: "http://127.0.0.1:1/", transport: "sse", headers: {} },
  });
  expect(bare.status()).toBe(401);
  await inspector.addConnection({ name: "Metadata", transport: "Streamable HTTP", url: "http://169.254.169.254/mcp" });
  await inspector.connect();
  await expect(inspector.failure).toContainText("Try:", { timeout: 10_000 });
  await doctor.runFromFailure();
  expect((await doctor.statuses()).slice(0, 3)).toEqual(["parse:pass", "dns:fail", "tcp:skip"]);
  await expect(doctor.step("dns")).toContainText("refused");
  await expect(doctor.verdict).toContainText("never relayed");
});
