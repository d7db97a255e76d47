/**
 * Issue 19 item 13 (part): the page's CSP has no 'unsafe-eval', and everything that needed it
 * still works under that policy: argument validation (draft-07 and 2020-12, `$ref`, formats) with
 * errors on the right fields, output-schema validation, a server pattern in the linear-time
 * engine, and Monaco's JSON editor with its workers. No CSP violation is reported meanwhile.
 */
import { expect, test, type Page } from "@playwright/test";
import { ToolsPage } from "./pages/tools";

/** Replace the arguments in the tool's JSON editor (Monaco once loaded), as a paste would. */
async function pasteJson(page: Page, tools: ToolsPage, name: string, args: unknown): Promise<void> {
  const panel = tools.panel(name);
  await panel.getByRole("radio", { name: "JSON" }).click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(args));
  await panel.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V"); // a paste: typing would let Monaco close brackets and quotes
  await expect(panel.getByRole("button", { name: `Call ${name}` })).toBeEnabled();
}

test("no 'unsafe-eval' in the page's policy, and validation and Monaco work without it, with no CSP violation", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|unsafe-eval|Refused to (evaluate|execute|load|create)/i.test(m.text()))
      violations.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  const response = await page.goto("/");
  const csp = (await response!.headerValue("content-security-policy")) ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toMatch(/img-src[^;]*https?:/);

  const tools = new ToolsPage(page);
  await tools.connectCorpus();

  // 2020-12, a recursive $ref: missing names deep in the tree are reported on their fields.
  await tools.select("recursive_tree");
  await pasteJson(page, tools, "recursive_tree", { root: { children: [{ children: [] }] } });
  await tools.call("recursive_tree");
  await expect(page.getByRole("alertdialog", { name: "Confirm call" })).toContainText(
    "The arguments do not match the tool's inputSchema (2 errors)",
  );
  await page.getByRole("alertdialog", { name: "Confirm call" }).getByRole("button", { name: "Back" }).click();

  // draft-07: definitions, allOf, formats, bounds; then the form shows each error on its field.
  await tools.select("all_of_formats");
  await pasteJson(page, tools, "all_of_formats", { count: 11, contact: {}, when: "yesterday" });
  await tools.call("all_of_formats");
  await expect(page.getByRole("alertdialog", { name: "Confirm call" })).toContainText(
    /do not match the tool's inputSchema \(3 errors\)/,
  );
  await page.getByRole("alertdialog", { name: "Confirm call" }).getByRole("button", { name: "Back" }).click();
  await tools.useForm("all_of_formats");
  const panel = tools.panel("all_of_formats");
  await expect(panel.getByLabel("contact.email", { exact: true })).toHaveAccessibleDescription(/is required/);
  await expect(panel.getByLabel("count", { exact: true })).toHaveAccessibleDescription(/must be ≤ 10/);
  await expect(panel.getByLabel("when", { exact: true })).toHaveAccessibleDescription(/must be a valid date-time/);

  // Output validation: paths of the violations, and a server's catastrophic pattern checked in linear time.
  await tools.select("bad_output");
  await tools.call("bad_output");
  const list = tools.result.getByRole("list", { name: "Output schema violations" });
  await expect(list).toContainText("/total");
  await expect(list).toContainText("must be number");
  await expect(list).toContainText("/items/0");
  await tools.select("evil_pattern");
  await tools.call("evil_pattern");
  await expect(tools.result.getByRole("list", { name: "Output schema violations" })).toContainText(
    'must match pattern "^(a+)+$"',
  );

  // Monaco's JSON editor under the same policy: it shows the arguments, and its JSON worker marks a syntax error.
  await tools.select("all_of_formats");
  const editor = tools.panel("all_of_formats").locator(".monaco-editor");
  await tools.panel("all_of_formats").getByRole("radio", { name: "JSON" }).click();
  await expect(editor.locator(".view-lines")).toContainText('"count": 3'); // the form's skeleton, from the schema's default
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(",");
  await expect(editor.locator(".squiggly-error").first()).toBeAttached();

  const reported = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect([...violations, ...reported]).toEqual([]);
});
