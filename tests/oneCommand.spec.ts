/**
 * One command (issue 16): `node scripts/mcp-lens.mjs --no-open -- node <server>` (what `npx mcp-lens
 * -- …` runs) starts the inspector with that server selected in the page, awaiting confirmation;
 * nothing runs until the person confirms the command whole, then the handshake.
 */
import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";
import { descendants, EVERYTHING, NODE, startInspector, type Inspector } from "./support/processes";
import { rawRequest } from "./support/http";

let inspector: Inspector | undefined;
test.afterEach(async () => {
  await inspector?.stop();
  inspector = undefined;
});

test("npx mcp-lens -- node <server>: the page shows it awaiting confirmation, then connects", async ({ page }) => {
  inspector = await startInspector(["--", NODE, EVERYTHING, "stdio"], {}, { bin: true });
  await expect
    .poll(() => inspector!.output())
    .toContain("Selected in the page: node (command line) (confirm its command, then Connect)");
  // Handed to the page behind the token only.
  const anonymous = await rawRequest(inspector.port, {
    method: "GET",
    path: "/api/pending",
    headers: { host: `127.0.0.1:${inspector.port}` },
  });
  expect(anonymous.status).toBe(401);
  expect(anonymous.body).not.toContain(EVERYTHING);
  // With the token, but from another site, or by a path the gate does not take as written: refused too.
  const withToken = { host: `127.0.0.1:${inspector.port}`, "x-mcp-lens-token": inspector.token };
  const crossSite = await rawRequest(inspector.port, {
    method: "GET",
    path: "/api/pending",
    headers: { ...withToken, origin: "http://evil.example" },
  });
  expect(crossSite.status).toBe(403);
  for (const path of ["/api/./pending", "/api/%2e/pending", "/x/../api/pending"]) {
    const odd = await rawRequest(inspector.port, { method: "GET", path, headers: withToken });
    expect(odd.status, path).toBe(400);
    expect(odd.body, path).not.toContain(EVERYTHING);
  }

  const lens = new InspectorPage(page);
  await lens.open(inspector.launchUrl());
  const nav = page.getByRole("navigation", { name: "Saved connections" });
  await expect(nav.getByRole("button", { name: /node \(command line\)/ })).toHaveAttribute("aria-current", "true");
  await expect(lens.form.getByLabel("Command")).toHaveValue(NODE);
  await expect(lens.form).toContainText("Not confirmed yet");
  // No server process has started by itself.
  expect(descendants(inspector.child.pid!).length).toBe(0);
  await lens.connect();
  const confirm = lens.form.getByRole("alertdialog", { name: "Run this command?" });
  await expect(confirm.getByLabel("Command to run")).toHaveText(`${NODE} ${EVERYTHING} stdio`);
  expect(descendants(inspector.child.pid!).length).toBe(0);
  await confirm.getByRole("button", { name: "Run this command" }).click();
  await lens.expectConnected();
  await expect(page.getByTestId("server-name")).toHaveText(/everything/i);
});

test("mcp-lens --help lists every option, and check / list / call still run without a browser", async () => {
  const { execFileSync } = await import("node:child_process");
  const help = execFileSync(NODE, ["scripts/mcp-lens.mjs", "--help"], { encoding: "utf8" });
  for (const option of [
    "--port",
    "--no-open",
    "--no-build",
    "--config <file> --server <name>",
    "-- <command>",
    "<url>",
    "--print-url",
    "--header",
    "--env",
    "mcp-lens check",
    "mcp-lens list",
    "mcp-lens call",
  ]) {
    expect(help).toContain(option);
  }
  const listed = execFileSync(NODE, ["scripts/mcp-lens.mjs", "list", "--json", "--", NODE, EVERYTHING, "stdio"], {
    encoding: "utf8",
  });
  expect(JSON.parse(listed).tools.length).toBeGreaterThan(5);
});
