import { expect, test } from "@playwright/test";
import { ToolsPage } from "./pages/tools";

test.describe("calling tools and showing results", () => {
  let tools: ToolsPage;
  test.beforeEach(async ({ page }) => {
    tools = new ToolsPage(page);
    await tools.connectCorpus();
  });

  test("every content type is shown, unknown ones raw, markdown safely", async ({ page }) => {
    await tools.select("all_content");
    await tools.call("all_content");
    await expect(tools.content("text content 1")).toContainText('"hello"');
    const md = tools.content("text content 2");
    await expect(md.getByRole("heading", { name: "Heading" })).toBeVisible();
    await expect(md.getByRole("link", { name: "safe link" })).toHaveAttribute("href", "https://example.com/");
    await expect(md.getByRole("link", { name: "bad link" })).toHaveCount(0);
    await expect(md).toContainText("<script>alert(1)</script>");
    await expect(tools.content("image content 3").locator("img")).toHaveAttribute("src", /^data:image\/png;base64,/);
    await expect(tools.content("audio content 4").locator("audio")).toHaveCount(1);
    await expect(tools.content("resource_link content 5")).toContainText("demo://docs/readme.md");
    await expect(tools.content("resource content 6")).toContainText("embedded text resource");
    await expect(tools.content("resource content 7")).toContainText("application/octet-stream");
    await expect(tools.content("hologram content 8")).toContainText("unknown content type hologram");
    expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();
  });

  test("outputSchema violations are listed with their paths; a missing structuredContent is flagged", async () => {
    await tools.select("bad_output");
    await tools.call("bad_output");
    const violations = tools.result.getByRole("list", { name: "Output schema violations" });
    await expect(violations).toContainText("/total");
    await expect(violations).toContainText("/items/0");
    await tools.select("missing_output");
    await tools.call("missing_output");
    await expect(tools.result.getByRole("status")).toContainText("Missing structured content");
  });

  test("a tool error and a protocol error look different and show their payloads", async () => {
    await tools.select("tool_error");
    await tools.call("tool_error");
    await expect(tools.result.getByRole("alert")).toHaveText(/^Tool error/);
    await expect(tools.content("text content 1")).toContainText("the disk is full");
    await tools.select("protocol_error");
    await tools.call("protocol_error");
    const alert = tools.result.getByRole("alert");
    await expect(alert).toContainText("Protocol error -32602 Invalid params");
    await expect(tools.result).toContainText("protocol_error always rejects its params");
    await expect(tools.result).toContainText("by design");
  });

  test("progress restarts the timeout: a 4 s call with a 2 s timeout finishes", async () => {
    await tools.select("slow_progress");
    await tools.useJson("slow_progress", { steps: 5, intervalMs: 800 });
    await tools.panel("slow_progress").getByLabel("Timeout (s)").fill("2");
    const started = Date.now();
    await tools.call("slow_progress");
    const status = tools.page.getByRole("status", { name: "Call in progress" });
    await expect(status.getByTestId("progress-text")).toContainText("step 2 of 5");
    await expect(status.getByRole("progressbar", { name: "Progress" })).toBeVisible();
    await expect(tools.content("text content 1")).toContainText("finished 5 steps", { timeout: 15_000 });
    expect(Date.now() - started).toBeGreaterThan(3500);
  });

  test("a call without progress times out", async () => {
    await tools.select("slow_progress");
    await tools.useJson("slow_progress", { steps: 1, intervalMs: 3000 });
    await tools.panel("slow_progress").getByLabel("Timeout (s)").fill("1");
    await tools.call("slow_progress");
    await expect(tools.result.getByRole("alert")).toContainText(/Timed out/, { timeout: 10_000 });
  });

  test("Cancel sends notifications/cancelled and the call ends", async () => {
    await tools.select("slow_progress");
    await tools.useJson("slow_progress", { steps: 30, intervalMs: 300 });
    await tools.call("slow_progress");
    const status = tools.page.getByRole("status", { name: "Call in progress" });
    await expect(status.getByTestId("progress-text")).toContainText(/step \d+ of 30/);
    await status.getByRole("button", { name: "Cancel" }).click();
    // Said as what it is: the person's cancel, not "no response from the server".
    await expect(tools.result.getByRole("status", { name: "Cancelled" })).toContainText("Cancelled by you");
    await expect(tools.result.getByRole("alert")).toHaveCount(0);
    await tools.inspector.filterTraffic("notifications/cancelled");
    await expect(tools.inspector.trafficRows(/outgoing notification notifications\/cancelled/)).toHaveCount(1);
  });

  test("a destructive tool asks first; history re-opens a past call", async () => {
    await tools.select("wipe_everything");
    await tools.call("wipe_everything");
    const confirm = tools.page.getByRole("alertdialog", { name: "Confirm call" });
    await expect(confirm).toContainText("destructive");
    await expect(tools.result).toHaveCount(0);
    await confirm.getByRole("button", { name: "Call it" }).click();
    await expect(tools.content("text content 1")).toContainText("nothing was harmed");
    await expect(tools.page.getByRole("region", { name: "Call history" }).getByRole("button")).toHaveCount(1);
  });

  test("a server's catastrophic pattern (^(a+)+$) neither freezes the form nor the output check", async ({ page }) => {
    const evil = "a".repeat(48) + "!"; // 2^48 steps for a backtracking engine
    await tools.select("evil_pattern");
    const word = tools.panel("evil_pattern").getByLabel("word", { exact: true });
    await word.fill(evil);
    await expect(tools.panel("evil_pattern")).toContainText("must match the pattern ^(a+)+$");
    await word.fill("aaaa");
    await expect(tools.panel("evil_pattern")).not.toContainText("must match the pattern");
    await tools.call("evil_pattern");
    const violations = tools.result.getByRole("list", { name: "Output schema violations" });
    await expect(violations).toContainText("/echo");
    await expect(violations).toContainText("must match pattern");
    expect(await page.evaluate(() => 1 + 1)).toBe(2); // the page still answers
  });

  test("a pattern RE2 cannot run (^(?=a)a*a*a*a*a*a*a*a*$) is skipped with a note: typing 50 characters keeps the page responsive", async ({
    page,
  }) => {
    await tools.select("lookahead_pattern");
    const panel = tools.panel("lookahead_pattern");
    await expect(panel).toContainText("is not checked here (the server still checks it)");
    await panel.getByLabel("word", { exact: true }).click();
    await page.keyboard.type("a".repeat(49));
    await page.keyboard.type("b");
    // A backtracking engine would need hours for this text; the page must answer at once.
    const started = Date.now();
    await panel.getByRole("radio", { name: "JSON" }).click({ timeout: 5_000 });
    await expect(panel.getByRole("radio", { name: "JSON" })).toBeChecked({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await tools.useForm("lookahead_pattern");
    await expect(panel.getByLabel("word", { exact: true })).toHaveValue("a".repeat(49) + "b");
    await expect(panel).not.toContainText("must match the pattern");
    await tools.call("lookahead_pattern");
    await expect(tools.content("text content 1")).toContainText(`"word": "${"a".repeat(49)}b"`);
  });

  test("a 5 MB text result is shown cut, with Show all", async () => {
    await tools.select("big_text");
    await tools.call("big_text");
    await expect(tools.result.getByRole("button", { name: /Show all/ })).toBeVisible({ timeout: 20_000 });
  });
});
