import { expect, type Locator, type Page } from "@playwright/test";
import { InspectorPage } from "./inspector";
import { ToolsPage } from "./tools";

/** The Resources, Resource templates, Prompts and Logs tabs of a connected session. */
export class FeaturesPage {
  readonly inspector: InspectorPage;
  readonly tools: ToolsPage;
  constructor(readonly page: Page) {
    this.inspector = new InspectorPage(page);
    this.tools = new ToolsPage(page);
  }

  // Resources

  async openResources(): Promise<void> {
    await this.inspector.openTab(/^Resources/);
  }

  /** Select a listed resource through the search box (the list is virtualized). */
  async selectResource(uri: string): Promise<Locator> {
    await this.openResources();
    await this.page.getByLabel("Search resources").fill(uri);
    await this.page
      .getByRole("list", { name: "Resources list" })
      .getByRole("button", { name: uri, exact: true })
      .click();
    const panel = this.resourcePanel(uri);
    await expect(panel).toBeVisible();
    return panel;
  }

  resourcePanel(uri: string): Locator {
    return this.page.getByRole("region", { name: `Resource ${uri}`, exact: true });
  }

  /** The contents of the latest read shown inside `scope`. */
  contents(scope: Locator): Locator {
    return scope.getByRole("region", { name: "Resource contents" });
  }

  /** Read and wait until read #`attempt` is shown. */
  async read(scope: Locator, attempt = 1): Promise<Locator> {
    await scope.getByRole("button", { name: "Read", exact: true }).click();
    return this.readDone(scope, attempt);
  }

  async readDone(scope: Locator, attempt: number): Promise<Locator> {
    const contents = this.contents(scope);
    await expect(contents.getByRole("status", { name: "Read status" })).toHaveText(new RegExp(`^Read #${attempt} `));
    return contents;
  }

  /** Entry n (from 1) of the contents: MIME type and size are always shown. */
  item(contents: Locator, n = 1): Locator {
    return contents.getByRole("article", { name: `Resource contents ${n}` });
  }

  async subscribe(scope: Locator): Promise<void> {
    await scope.getByRole("button", { name: "Subscribe", exact: true }).click();
    await expect(scope.getByRole("status", { name: "Subscription status" })).toHaveText(/^subscribed/);
  }

  async unsubscribe(scope: Locator): Promise<void> {
    await scope.getByRole("button", { name: "Unsubscribe", exact: true }).click();
    await expect(scope.getByRole("status", { name: "Subscription status" })).toHaveText(/^not subscribed/);
  }

  updatedMark(scope: Locator): Locator {
    return scope.getByRole("status", { name: "Resource updated" });
  }

  // Resource templates

  async selectTemplate(uriTemplate: string): Promise<Locator> {
    await this.inspector.openTab(/^Resource templates/);
    await this.page.getByLabel("Search resource templates").fill(uriTemplate);
    await this.page
      .getByRole("list", { name: "Resource templates list" })
      .getByRole("button", { name: uriTemplate, exact: true })
      .click();
    const panel = this.page.getByRole("region", { name: `Resource template ${uriTemplate}`, exact: true });
    await expect(panel).toBeVisible();
    return panel;
  }

  expandedUri(panel: Locator): Locator {
    return panel.getByRole("status", { name: "Expanded URI" });
  }

  // Completions (templates and prompts)

  /** Type into a field and pick `suggestion` from the server's suggestions list. */
  async typeAndPick(scope: Locator, field: string, text: string, suggestion: string): Promise<void> {
    const input = scope.getByRole("combobox", { name: field, exact: true });
    await input.click();
    await input.fill(text);
    const option = scope
      .getByRole("listbox", { name: `Suggestions for ${field}` })
      .getByRole("option", { name: suggestion, exact: true });
    await expect(option).toBeVisible();
    await option.click();
    await expect(input).toHaveValue(suggestion);
  }

  // Prompts

  async selectPrompt(name: string): Promise<Locator> {
    await this.inspector.openTab(/^Prompts/);
    await this.page.getByLabel("Search prompts").fill(name);
    await this.page.getByRole("list", { name: "Prompts list" }).getByRole("button", { name, exact: true }).click();
    const panel = this.page.getByRole("region", { name: `Prompt ${name}`, exact: true });
    await expect(panel).toBeVisible();
    return panel;
  }

  async getPrompt(panel: Locator, name: string): Promise<Locator> {
    await panel.getByRole("button", { name: `Get ${name}`, exact: true }).click();
    const conversation = panel.getByRole("region", { name: "Conversation" });
    await expect(conversation).toBeVisible();
    return conversation;
  }

  message(conversation: Locator, n: number, role: string): Locator {
    return conversation.getByRole("article", { name: `Message ${n} (${role})` });
  }

  // Logs

  async openLogs(): Promise<Locator> {
    await this.inspector.openTab(/^Logs/);
    const log = this.page.getByRole("region", { name: "Server log" });
    await expect(log).toBeVisible();
    return log;
  }

  async setServerLevel(level: string): Promise<void> {
    const log = await this.openLogs();
    await log.getByLabel("Server log level").selectOption(level);
    await expect(log.getByRole("status", { name: "Log level status" })).toHaveText(/: set$/);
  }

  logEntries(log: Locator): Locator {
    return log.getByRole("list", { name: "Log entries" }).getByRole("listitem");
  }

  // Tools

  async callTool(name: string, args?: unknown): Promise<void> {
    await this.inspector.openTab(/^Tools/);
    await this.tools.select(name);
    if (args !== undefined) await this.tools.useJson(name, args);
    await this.tools.call(name);
    await expect(this.tools.result).toBeVisible();
  }
}
