import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { InspectorPage } from "./pages/inspector";
import { NODE } from "./support/processes";

/**
 * The security spot checks in the Checks tab, on the file-tools fixture's unsafe read tool: without
 * the opt-in nothing calls a tool and the calling checks say why; with it (read-only tools, named
 * before the run) input validation, path traversal and error leaks fail on specific evidence.
 */
let root: string;
test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "mcp-lens-security-pw-"));
  mkdirSync(join(root, "files"));
  writeFileSync(join(root, "files", "notes.txt"), "notes\n");
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the unsafe file tool: opt-in box, then failed security rows with their evidence", async ({ page }) => {
  const inspector = new InspectorPage(page);
  await inspector.open();
  await inspector.addConnection({
    name: "file-tools unsafe",
    transport: "stdio",
    command: NODE,
    args: `--import tsx servers/fixtures/file-tools.ts ${join(root, "files")} unsafe`,
  });
  await inspector.connect();
  await inspector.expectConnected();
  await inspector.openTab("Checks");
  const results = page.getByRole("table", { name: "Check results" });
  const row = (name: string | RegExp) => results.getByRole("row", { name });

  await page.getByRole("button", { name: "Run checks" }).click();
  const validation = row("Tools refuse arguments that break their own inputSchema");
  await expect(validation.getByRole("cell").nth(0)).toHaveText("skipped", { timeout: 30_000 });
  await expect(validation.getByRole("cell").nth(3)).toHaveText(/^opt-in: calls tools/);

  const allow = page.getByRole("checkbox", { name: /Allow security checks that call tools/ });
  await allow.check();
  await expect(page.getByText(/Will call, with invalid and path-probing arguments: read_file_unsafe/)).toBeVisible();
  await page.getByRole("button", { name: "Run checks again" }).click();

  await expect(validation.getByRole("cell").nth(0)).toHaveText("fail", { timeout: 30_000 });
  await expect(validation.getByRole("cell").nth(3)).toContainText("required path left out: accepted (a normal result)");
  const traversal = row("Path parameters give nothing from outside the tool's scope");
  await expect(traversal.getByRole("cell").nth(0)).toHaveText("fail");
  await expect(traversal.getByRole("cell").nth(3)).toContainText(
    `read_file_unsafe(path: "/etc/passwd") returned /etc/passwd's content`,
  );
  const leaks = row("Errors carry no stack traces, server paths, environment values or tokens");
  await expect(leaks.getByRole("cell").nth(0)).toHaveText("fail");
  await expect(leaks.getByRole("cell").nth(3)).toContainText("stack trace");
  const review = row("Tool parameters that take paths, SQL, shell commands or URLs are bounded");
  await expect(review.getByRole("cell").nth(0)).toHaveText("warning");
  await expect(review.getByRole("link", { name: "specification" })).toHaveAttribute(
    "href",
    // The page's auto mode gets the fixture's 2026-07-28 era (serveStdio serves both).
    "https://modelcontextprotocol.io/specification/2026-07-28/basic/security_best_practices",
  );
});
