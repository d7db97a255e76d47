import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { FeaturesPage } from "./pages/features";
import { seriousViolations } from "./support/axe";
import { EVERYTHING, NODE } from "./support/processes";

/**
 * Issue 16: a recording reopened is a read-only session. Recorded against server-everything, then
 * opened from the file: every list and every past call in its view, a banner saying what it is,
 * and no button anywhere that could connect, call, get, read, subscribe or send.
 */

const TEXT_TEMPLATE = "demo://resource/dynamic/text/{resourceId}";
/** Every control that would start something: none may be enabled in a recording. */
const ACTIONS =
  /^(Connect|Reconnect|Restart and reconnect|Call\b.*|Send|Get\b.*|Read|Re-read|Subscribe|Unsubscribe|Run\b.*|Refresh\b.*|List tasks.*|Poll now|Get result.*|Ping.*|Set level.*)$/;

/** The names of the enabled action buttons on the page. */
async function enabledActions(page: Page): Promise<string[]> {
  const enabled: string[] = [];
  for (const b of await page.getByRole("button", { name: ACTIONS }).all())
    if (await b.isEnabled()) enabled.push((await b.textContent()) ?? "?");
  return enabled;
}

async function expectNothingEnabled(page: Page, where: string): Promise<void> {
  expect(await enabledActions(page), `enabled action buttons in ${where}`).toEqual([]);
  // And the read-only views stay accessible (issue 16's axe rule).
  const found = await seriousViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

test("a reopened recording shows its lists and past calls in their views, with no way to start anything", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const f = new FeaturesPage(page);
  const inspector = f.inspector;
  await inspector.open();
  await inspector.addConnection({
    name: "everything",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  await inspector.connect();
  await inspector.expectConnected();
  const counts = {
    tools: await inspector.count("tools"),
    resourceTemplates: await inspector.count("resourceTemplates"),
    prompts: await inspector.count("prompts"),
  };

  // Live: a tool call, a prompt and a template read, as a person does them.
  await inspector.openTab(/^Tools/);
  await f.tools.select("echo");
  // The same check finds what a live session offers (so its empty answer below means something).
  expect(await enabledActions(page)).toContain("Call echo");
  await f.tools.panel("echo").getByLabel("message", { exact: true }).pressSequentially("recorded hello");
  await f.tools.call("echo");
  await expect(f.tools.result).toContainText("Echo: recorded hello");
  const prompt = await f.selectPrompt("simple-prompt");
  await f.getPrompt(prompt, "simple-prompt");
  const template = await f.selectTemplate(TEXT_TEMPLATE);
  await template.getByRole("combobox", { name: "resourceId", exact: true }).pressSequentially("3");
  await template.getByRole("button", { name: "Read", exact: true }).click();
  await f.readDone(template, 1);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export recording" }).click(),
  ]);
  const text = readFileSync(await download.path(), "utf8");
  await inspector.disconnect();

  await page
    .getByLabel("Open recording")
    .setInputFiles({ name: "everything.json", mimeType: "application/json", buffer: Buffer.from(text) });
  const banner = page.getByRole("note", { name: "Recording banner" });
  await expect(banner).toContainText("Recording — read-only");
  await expect(banner).toContainText("opened from everything.json, recorded");
  await expect(inspector.status).toHaveText(/Recording \(read-only\)/);

  // The sidebar: the recording is listed as one, and offers no Connect.
  await expect(
    page.getByRole("navigation", { name: "Saved connections" }).getByRole("button", { name: /everything\.json/ }),
  ).toContainText("recording");
  await expect(page.getByRole("form", { name: "Connection" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Recording" })).toContainText(EVERYTHING);
  await expectNothingEnabled(page, "the handshake view");

  // Every list, templates included (never "Not loaded").
  expect(await inspector.count("tools")).toBe(counts.tools);
  expect(await inspector.count("resourceTemplates")).toBe(counts.resourceTemplates);
  expect(await inspector.count("prompts")).toBe(counts.prompts);

  // The past tool call in echo's history, with its answer and its arguments in the (read-only) form.
  await inspector.openTab(/^Tools/);
  await f.tools.select("echo");
  const echo = f.tools.panel("echo");
  const history = echo.getByRole("region", { name: "Call history" });
  await expect(history.getByRole("button")).toHaveCount(1);
  await expect(history).toContainText('{"message":"recorded hello"}');
  await expect(f.tools.result).toContainText("Echo: recorded hello");
  await expect(echo.getByLabel("message", { exact: true })).toHaveValue("recorded hello");
  await expect(echo.getByLabel("message", { exact: true })).toBeDisabled();
  await expect(echo.getByRole("note", { name: "Read-only recording" })).toBeVisible();
  await expect(echo.getByText(/is required/)).toHaveCount(0);
  await expectNothingEnabled(page, "the tools view");
  // A tool never called: its form, for reading, with no "is required" and no Call.
  await f.tools.select("get-sum");
  await expect(f.tools.panel("get-sum").getByRole("note", { name: "Read-only recording" })).toBeVisible();
  await expect(f.tools.panel("get-sum").getByText(/is required/)).toHaveCount(0);
  await expectNothingEnabled(page, "a tool never called");

  // The prompt's recorded answer.
  const recordedPrompt = await f.selectPrompt("simple-prompt");
  await expect(recordedPrompt.getByRole("region", { name: "Conversation" })).toBeVisible();
  await expectNothingEnabled(page, "the prompts view");

  // The templates: listed, and the recorded read of one of their URIs.
  const recordedTemplate = await f.selectTemplate(TEXT_TEMPLATE);
  await expect(page.getByText("Not loaded: connect first.")).toHaveCount(0);
  const contents = recordedTemplate.getByRole("region", { name: "Resource contents" });
  await expect(contents.getByRole("status", { name: "Read status" })).toHaveText(/^Read #1 /);
  await expect(contents).toContainText("Resource 3");
  await expectNothingEnabled(page, "the templates view");

  await inspector.openTab(/^Resources/);
  await expectNothingEnabled(page, "the resources view");
  await inspector.openTab("Composer");
  await expect(
    page.getByRole("region", { name: "Raw composer" }).getByRole("note", { name: "Read-only recording" }),
  ).toBeVisible();
  await expectNothingEnabled(page, "the composer");
  await inspector.openTab(/^Logs/);
  await expectNothingEnabled(page, "the logs view");
  await inspector.openTab("Checks");
  await expectNothingEnabled(page, "the checks view");
});
