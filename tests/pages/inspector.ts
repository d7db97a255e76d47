import { expect, type Locator, type Page } from "@playwright/test";
import { mintLaunchUrl } from "../support/launch";

export interface NewConnection {
  name?: string;
  transport: "stdio" | "Streamable HTTP" | "SSE (legacy HTTP+SSE)";
  command?: string;
  args?: string;
  cwd?: string;
  url?: string;
  protocol?: string;
}

/** The inspector page, driven through accessible names only. */
export class InspectorPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the inspector the way a person does: through a one-time launch URL (docs/security.md).
   * Without one, a launch URL is minted for the Playwright web server; pass `inspector.launchUrl()`
   * for an inspector of the test's own.
   */
  async open(launchUrl: string = mintLaunchUrl()): Promise<void> {
    // From "/" to "/#k=…" would be a same-document hash change that the page never reads.
    if (this.page.url() !== "about:blank") await this.page.goto("about:blank");
    await this.page.goto(launchUrl);
    await this.expectOpen();
  }

  /** The app itself is shown (not the page saying how to get in). */
  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole("complementary", { name: "Connections" })).toBeVisible();
    await expect(this.page.getByRole("heading", { name: "MCP Lens", exact: true })).toBeVisible();
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Connection" });
  }

  async addConnection(c: NewConnection): Promise<void> {
    await this.page.getByRole("button", { name: "+ New connection" }).click();
    const form = this.form;
    if (c.name) await form.getByLabel("Name").fill(c.name);
    await form.getByLabel("Transport").selectOption({ label: c.transport });
    if (c.command !== undefined) await form.getByLabel("Command").fill(c.command);
    if (c.args !== undefined) await form.getByLabel("Arguments").fill(c.args);
    if (c.cwd !== undefined) await form.getByLabel("Working directory").fill(c.cwd);
    if (c.url !== undefined) await form.getByLabel("URL", { exact: true }).fill(c.url);
    if (c.protocol) await this.setProtocol(c.protocol);
  }

  async setProtocol(version: string): Promise<void> {
    const select = this.form.getByLabel("Protocol version");
    const value = version === "auto" ? "auto" : version;
    await select.selectOption(value);
  }

  async selectConnection(name: string): Promise<void> {
    await this.page.getByRole("navigation", { name: "Saved connections" }).getByRole("button", { name }).click();
  }

  async connect(): Promise<void> {
    // Exact: "Disconnect" holds "connect", so right after a Disconnect the same button would be clicked again.
    await this.form.getByRole("button", { name: "Connect", exact: true }).click();
  }

  async disconnect(): Promise<void> {
    await this.form.getByRole("button", { name: "Disconnect" }).click();
  }

  get status(): Locator {
    return this.page.getByRole("status", { name: "Connection status" });
  }

  /** The connection's failure panel (a list that could not load is another alert beside it). */
  get failure(): Locator {
    return this.page.getByTestId("connection-failure");
  }

  async expectConnected(): Promise<void> {
    await expect(this.status).toHaveText(/^Connected/, { timeout: 20_000 });
  }

  async count(kind: "tools" | "resources" | "resourceTemplates" | "prompts"): Promise<number> {
    const badge = this.page.getByTestId(`count-${kind}`);
    await expect(badge).toBeVisible();
    return Number(await badge.textContent());
  }

  async openTab(name: RegExp | string): Promise<void> {
    await this.page.getByRole("tab", { name }).click();
  }

  get handshake(): Locator {
    return this.page.getByRole("tabpanel");
  }

  get traffic(): Locator {
    return this.page.getByRole("region", { name: "Traffic" });
  }

  async filterTraffic(text: string): Promise<void> {
    await this.traffic.getByLabel("Filter traffic").fill(text);
  }

  /** Rows of the traffic panel whose accessible name matches. */
  trafficRows(name: RegExp): Locator {
    return this.traffic.getByRole("option", { name });
  }
}
