import { expect, test, type Page } from "@playwright/test";
import { FeaturesPage } from "./pages/features";
import { EVERYTHING, NODE, startEverythingHttp, type Started } from "./support/processes";

/**
 * Issue 4's server features through the UI: resources (text, blob, templates with completions,
 * subscriptions), prompts as conversations, and the server log; against server-everything over
 * stdio and Streamable HTTP, and the demo server's 2026-07-28 subscriptions/listen.
 */

const DOC = "demo://resource/static/document/architecture.md";
const BLOB_TEMPLATE = "demo://resource/dynamic/blob/{resourceId}";

type Transport = "stdio" | "Streamable HTTP";

/** Connect to server-everything over `transport`; returns the HTTP server to stop, if any. */
async function connectEverything(page: Page, transport: Transport): Promise<{ f: FeaturesPage; server?: Started }> {
  const f = new FeaturesPage(page);
  let server: (Started & { url: string }) | undefined;
  await f.inspector.open();
  if (transport === "stdio") {
    await f.inspector.addConnection({
      name: "everything stdio",
      transport: "stdio",
      command: NODE,
      args: `${EVERYTHING} stdio`,
    });
  } else {
    server = await startEverythingHttp("streamableHttp");
    await f.inspector.addConnection({ name: "everything http", transport: "Streamable HTTP" });
    // By role: a "URL mode" capability switch in the same form also matches the label "URL".
    await f.inspector.form.getByRole("textbox", { name: "URL", exact: true }).fill(server.url);
  }
  await f.inspector.connect();
  await f.inspector.expectConnected();
  expect(await f.inspector.count("resources")).toBeGreaterThanOrEqual(1);
  return { f, server };
}

for (const transport of ["stdio", "Streamable HTTP"] as const) {
  test.describe(`server-everything over ${transport}`, () => {
    let server: Started | undefined;
    test.afterEach(async () => {
      await server?.stop();
      server = undefined;
    });

    test("resources: a text read, a blob read from a template with a picked completion, subscribe → update → re-read", async ({
      page,
    }) => {
      const c = await connectEverything(page, transport);
      server = c.server;
      const f = c.f;

      // A text resource: markdown, with mime type and size.
      const panel = await f.selectResource(DOC);
      let contents = await f.read(panel);
      const text = f.item(contents);
      await expect(text.getByLabel("MIME type")).toHaveText("text/markdown");
      await expect(text.getByLabel("Size")).toHaveText(/\d+ bytes\)$/);
      await expect(text.getByRole("heading").first()).toBeVisible();

      // A template read: a suggestion from completion/complete picked from the list.
      const template = await f.selectTemplate(BLOB_TEMPLATE);
      await expect(f.expandedUri(template)).toHaveText("demo://resource/dynamic/blob/");
      await f.typeAndPick(template, "resourceId", "7", "7");
      await expect(f.expandedUri(template)).toHaveText("demo://resource/dynamic/blob/7");
      await template.getByRole("button", { name: "Read", exact: true }).click();
      contents = await f.readDone(template, 1);
      const blob = f.item(contents);
      await expect(blob.getByLabel("MIME type")).toHaveText("text/plain");
      await expect(blob.getByLabel("Size")).toHaveText(/\(\d+ bytes\)$/);
      await expect(blob).toContainText("blob");
      await expect(blob.getByLabel("Decoded blob text")).toContainText("Resource 7: This is a base64 blob");
      const download = page.waitForEvent("download");
      await blob.getByRole("button", { name: "Download" }).click();
      expect((await download).suggestedFilename()).toBe("7.txt");

      // Subscribe, have the server send updates, see the mark, re-read.
      const doc = await f.selectResource(DOC);
      await f.subscribe(doc);
      await f.callTool("toggle-subscriber-updates");
      await expect(f.tools.result).toContainText("Started simulated resource updated notifications");
      await f.openResources();
      await expect(page.getByRole("list", { name: "Resources list" }).getByRole("button", { name: DOC })).toContainText(
        "updated",
        { timeout: 15_000 },
      );
      const again = await f.selectResource(DOC);
      const mark = f.updatedMark(again);
      await expect(mark).toBeVisible();
      await mark.getByRole("button", { name: "Re-read" }).click();
      await f.readDone(again, 2);
      await expect(mark).toBeHidden();
      // Stop the updates (the tool toggles).
      await f.callTool("toggle-subscriber-updates");
      await expect(f.tools.result).toContainText("Stopped simulated resource updates");
    });

    test("prompts: arguments with picked completions, rendered as a conversation", async ({ page }) => {
      const c = await connectEverything(page, transport);
      server = c.server;
      const f = c.f;

      // Completions with context: the department narrows the names.
      let panel = await f.selectPrompt("completable-prompt");
      await f.typeAndPick(panel, "department", "Eng", "Engineering");
      await f.typeAndPick(panel, "name", "A", "Alice");
      let conversation = await f.getPrompt(panel, "completable-prompt");
      await expect(f.message(conversation, 1, "user")).toContainText(
        "Please promote Alice to the head of the Engineering team.",
      );

      // Required arguments are marked; an optional one left empty is not sent.
      panel = await f.selectPrompt("args-prompt");
      await expect(panel.getByText("(required)")).toHaveCount(1);
      await panel.getByLabel("city", { exact: true }).fill("Lisbon");
      conversation = await f.getPrompt(panel, "args-prompt");
      await expect(f.message(conversation, 1, "user")).toContainText("What's weather in Lisbon?");

      // An embedded resource in the conversation, shown with its mime type and size.
      panel = await f.selectPrompt("resource-prompt");
      await f.typeAndPick(panel, "resourceType", "T", "Text");
      await panel.getByRole("combobox", { name: "resourceId", exact: true }).fill("3");
      conversation = await f.getPrompt(panel, "resource-prompt");
      await expect(f.message(conversation, 1, "user")).toContainText(
        "This prompt includes the Text resource with id: 3",
      );
      const embedded = f.message(conversation, 2, "user").getByRole("article", { name: "Resource contents 1" });
      await expect(embedded.getByLabel("MIME type")).toHaveText("text/plain");
      await expect(embedded).toContainText("Resource 3: This is a plaintext resource");
    });

    test("logs: the level set on the server and the view's level filter", async ({ page }) => {
      const c = await connectEverything(page, transport);
      server = c.server;
      const f = c.f;

      await f.setServerLevel("info");
      // Subscribing makes server-everything log at info level.
      const doc = await f.selectResource(DOC);
      await f.subscribe(doc);
      let log = await f.openLogs();
      const subscribed = f.logEntries(log).filter({ hasText: "Received Subscribe Resource request" });
      await expect(subscribed).toHaveCount(1);
      await expect(subscribed.getByTestId("log-level")).toHaveText("info");
      expect(Number(await page.getByTestId("count-logs").textContent())).toBeGreaterThanOrEqual(1);

      // The view's filter: warning and above hides it.
      await log.getByLabel("Show level").selectOption("warning");
      await expect(subscribed).toHaveCount(0);
      for (const level of await log.getByTestId("log-level").allTextContents())
        expect(["warning", "error", "critical", "alert", "emergency"]).toContain(level);
      await log.getByLabel("Show level").selectOption("");
      await expect(subscribed).toHaveCount(1);
      await log.getByLabel("Search log").fill("no such text anywhere");
      await expect(subscribed).toHaveCount(0);
      await log.getByLabel("Search log").fill("");

      // The server's level: at error, the unsubscribe's info message is not sent.
      await f.setServerLevel("error");
      const again = await f.selectResource(DOC);
      await f.unsubscribe(again);
      await page.waitForTimeout(1000);
      log = await f.openLogs();
      await expect(f.logEntries(log).filter({ hasText: "Received Unsubscribe Resource request" })).toHaveCount(0);
      await expect(subscribed).toHaveCount(1);

      // Back at debug, the next one arrives.
      await f.setServerLevel("debug");
      await f.subscribe(await f.selectResource(DOC));
      log = await f.openLogs();
      await expect(f.logEntries(log).filter({ hasText: "Received Subscribe Resource request" })).toHaveCount(2);
    });
  });
}

test("demo server in the 2026-07-28 era: subscriptions/listen, touch_resource, updated mark, re-read", async ({
  page,
}) => {
  const f = new FeaturesPage(page);
  await f.inspector.open();
  await f.inspector.selectConnection("Demo server (stdio)");
  await f.inspector.setProtocol("2026-07-28");
  await f.inspector.connect();
  await f.inspector.expectConnected();
  await expect(page.getByTestId("handshake-version")).toHaveText("2026-07-28");

  const uri = "demo://docs/readme.md";
  const panel = await f.selectResource(uri);
  await f.read(panel);
  await f.subscribe(panel);
  await expect(panel).toContainText("via subscriptions/listen (stream open");

  await f.callTool("touch_resource", { uri });
  await expect(f.tools.result).toContainText(`Sent an update for ${uri}.`);
  const again = await f.selectResource(uri);
  const mark = f.updatedMark(again);
  await expect(mark).toBeVisible();
  await mark.getByRole("button", { name: "Re-read" }).click();
  await f.readDone(again, 2);
  await expect(mark).toBeHidden();

  // An image resource is previewed, with its mime type and size.
  const image = await f.selectResource("demo://images/lens.png");
  const contents = await f.read(image);
  const item = f.item(contents);
  await expect(item.getByLabel("MIME type")).toHaveText("image/png");
  await expect(item.getByRole("img")).toBeVisible();
  await expect(item.getByLabel("Size")).toHaveText(/\(\d+ bytes\)$/);

  // A JSON resource opens in the read-only Monaco viewer.
  const settings = f.item(await f.read(await f.selectResource("demo://config/settings.json")));
  await expect(settings.getByLabel("MIME type")).toHaveText("application/json");
  await expect(settings.locator(".monaco-editor")).toBeVisible({ timeout: 20_000 });
  await expect(settings.locator(".monaco-editor .view-lines")).toContainText("retries");
});

test("the selected tool, resource and prompt are still selected after switching tabs", async ({ page }) => {
  const f = new FeaturesPage(page);
  await f.inspector.open();
  await f.inspector.selectConnection("Demo server (stdio)");
  await f.inspector.connect();
  await f.inspector.expectConnected();
  const uri = "demo://docs/readme.md";
  await f.read(await f.selectResource(uri));
  await f.selectPrompt("welcome");
  await f.inspector.openTab(/^Tools/);
  await f.tools.select("echo");
  await f.inspector.openTab("Handshake");

  await f.inspector.openTab(/^Tools/);
  await expect(f.tools.panel("echo")).toBeVisible();
  await f.openResources();
  await expect(f.resourcePanel(uri)).toBeVisible();
  await expect(f.contents(f.resourcePanel(uri))).toBeVisible(); // the read is kept too
  await f.inspector.openTab(/^Prompts/);
  await expect(page.getByRole("region", { name: "Prompt welcome", exact: true })).toBeVisible();
});

test("an HTML resource is shown only in a sandboxed frame, and its script never runs", async ({ page }) => {
  const f = new FeaturesPage(page);
  await f.inspector.open();
  await f.inspector.selectConnection("Demo server (stdio)");
  await f.inspector.connect();
  await f.inspector.expectConnected();
  const title = await page.title();
  const contents = await f.read(await f.selectResource("demo://pages/hello.html"));
  const frame = contents.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(frame).toHaveAttribute("title", "HTML resource demo://pages/hello.html (sandboxed)");
  await expect(f.item(contents).getByLabel("MIME type")).toHaveText("text/html");
  // An empty sandbox gives the frame an opaque origin: the page cannot see into it, nor it into the page.
  expect(await frame.evaluate((el: HTMLIFrameElement) => el.contentDocument)).toBeNull();
  await expect(frame).toHaveAttribute("srcdoc", /Hello from an HTML resource/);
  await page.waitForTimeout(300);
  expect(await page.title()).toBe(title);
});
