import { expect, type Locator, type Page } from "@playwright/test";
import { InspectorPage } from "./inspector";
import { NODE } from "../support/processes";

/** The Tools tab of a connected session. */
export class ToolsPage {
  readonly inspector: InspectorPage;
  constructor(readonly page: Page) {
    this.inspector = new InspectorPage(page);
  }

  /** Open the inspector and connect to the schema-corpus fixture server. */
  async connectCorpus(): Promise<void> {
    await this.inspector.open();
    await this.inspector.addConnection({ name: "corpus", transport: "stdio", command: NODE, args: "--import tsx servers/fixtures/corpus-server.ts", protocol: "2025-11-25" });
    await this.inspector.connect();
    await this.inspector.expectConnected();
    await this.inspector.openTab(/^Tools/);
  }

  async select(name: string): Promise<void> {
    await this.page.getByRole("listbox", { name: "Tools" }).getByRole("option", { name, exact: true }).click();
    await expect(this.panel(name)).toBeVisible();
  }

  panel(name: string): Locator {
    return this.page.getByRole("region", { name: `Tool ${name}` });
  }

  async call(name: string): Promise<void> {
    await this.panel(name).getByRole("button", { name: `Call ${name}` }).click();
  }

  get result(): Locator {
    return this.page.getByRole("region", { name: "Tool result" });
  }

  content(label: string): Locator {
    return this.result.getByRole("article", { name: label });
  }

  async useJson(name: string, args: unknown): Promise<void> {
    const panel = this.panel(name);
    await panel.getByRole("radio", { name: "JSON" }).click();
    const editor = panel.getByLabel("Arguments JSON");
    await editor.fill(JSON.stringify(args));
  }
}
