import { expect, type Locator, type Page } from "@playwright/test";
import { InspectorPage, type NewConnection } from "./inspector";
import { NODE } from "../support/processes";
import type { Shown, Step } from "../support/formPlan";

export interface ListedTool {
  name: string;
  inputSchema: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

/** The Tools tab of a connected session. */
export class ToolsPage {
  readonly inspector: InspectorPage;
  constructor(readonly page: Page) {
    this.inspector = new InspectorPage(page);
  }

  /** Open the inspector and connect to the schema-corpus fixture server. */
  async connectCorpus(): Promise<void> {
    await this.inspector.open();
    await this.inspector.addConnection({
      name: "corpus",
      transport: "stdio",
      command: NODE,
      args: "--import tsx servers/fixtures/corpus-server.ts",
      protocol: "2025-11-25",
    });
    await this.inspector.connect();
    await this.inspector.expectConnected();
    await this.inspector.openTab(/^Tools/);
  }

  /** Connect over stdio (with environment variables) and open the Tools tab. */
  async connectStdio(c: NewConnection & { env?: Record<string, string> }): Promise<void> {
    await this.inspector.open();
    await this.inspector.addConnection(c);
    const form = this.inspector.form;
    let i = 0;
    for (const [name, value] of Object.entries(c.env ?? {})) {
      i++;
      await form.getByRole("button", { name: "+ Add environment variable" }).click();
      await form.getByLabel(`Environment variables ${i} name`, { exact: true }).fill(name);
      await form.getByLabel(`Environment variables ${i} value`, { exact: true }).fill(value);
    }
    await this.inspector.connect();
    await this.inspector.expectConnected();
    await this.inspector.openTab(/^Tools/);
  }

  /** The tools as the server listed them: the newest tools/list result in the traffic panel. */
  async listedTools(): Promise<ListedTool[]> {
    // The filter's query language: a quoted term matches the raw frame text.
    await this.inspector.filterTraffic(`dir:in ${JSON.stringify('"tools":[')}`);
    const row = this.inspector.trafficRows(/^incoming result/).last();
    await row.click();
    const frame = JSON.parse(await this.rawFrameText()) as { result?: { tools?: ListedTool[] } };
    await this.inspector.filterTraffic("");
    return frame.result?.tools ?? [];
  }

  /** The pretty JSON of the traffic entry open in the detail pane. */
  async rawFrameText(): Promise<string> {
    const raw = this.inspector.traffic.getByRole("group", { name: "Raw frame" });
    await expect(raw).toContainText("jsonrpc");
    return (await raw.locator("pre").first().textContent()) ?? "";
  }

  /** The `arguments` of the newest outgoing tools/call of `name`, as the traffic panel recorded it. */
  async sentArguments(name: string): Promise<unknown> {
    await this.inspector.filterTraffic(`method:tools/call dir:out ${JSON.stringify(`"name":${JSON.stringify(name)}`)}`);
    const rows = this.inspector.trafficRows(/^outgoing request tools\/call .*id \d+/);
    await expect(rows.first()).toBeVisible();
    await rows.last().click();
    const frame = JSON.parse(await this.rawFrameText()) as {
      method?: string;
      params?: { name?: string; arguments?: unknown };
    };
    expect(frame.method).toBe("tools/call");
    expect(frame.params?.name).toBe(name);
    return frame.params?.arguments;
  }

  /** Run form steps against the controls of a tool's panel, located by their accessible names. */
  async apply(name: string, steps: readonly Step[]): Promise<void> {
    const panel = this.panel(name);
    for (const step of steps) {
      switch (step.kind) {
        case "fill":
          await panel.getByLabel(step.label, { exact: true }).fill(step.text);
          break;
        case "select":
          await panel.getByLabel(step.label, { exact: true }).selectOption(step.option);
          break;
        case "check":
          await panel.getByLabel(step.label, { exact: true }).setChecked(step.checked);
          break;
        case "radio":
          await panel
            .getByRole("radiogroup", { name: step.label, exact: true })
            .getByRole("radio", { name: step.option, exact: true })
            .check();
          break;
        case "click":
          await panel.getByRole("button", { name: step.label, exact: true }).click();
          break;
      }
    }
  }

  /** Every control the steps touched shows what they left in it. */
  async expectShown(name: string, shown: readonly Shown[]): Promise<void> {
    const panel = this.panel(name);
    for (const s of shown) {
      const control = panel.getByLabel(s.label, { exact: true });
      if ("radio" in s)
        await expect(
          panel
            .getByRole("radiogroup", { name: s.label, exact: true })
            .getByRole("radio", { name: s.radio, exact: true }),
          s.label,
        ).toBeChecked();
      else if ("checked" in s) await expect(control, s.label).toBeChecked({ checked: s.checked });
      else await expect(control, s.label).toHaveValue(s.value);
    }
  }

  /** Switch to JSON mode, wait for Monaco and return its whole text (copied through the clipboard). */
  async jsonModeText(name: string): Promise<string> {
    const panel = this.panel(name);
    await panel.getByRole("radio", { name: "JSON" }).click();
    const editor = panel.locator(".monaco-editor");
    await expect(editor).toBeVisible();
    // Emptied first, so a copy that did not happen cannot pass with an earlier tool's text.
    await this.page.evaluate(() => navigator.clipboard.writeText(""));
    await editor.locator(".view-lines").click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("ControlOrMeta+C");
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async useForm(name: string): Promise<void> {
    const panel = this.panel(name);
    await panel.getByRole("radio", { name: "Form" }).click();
    await expect(panel.getByRole("radio", { name: "Form" })).toBeChecked();
  }

  /** Select a tool, found through the search box: the list is virtualized, so its row may not be rendered. */
  async select(name: string): Promise<void> {
    await this.page.getByLabel("Search tools").fill(name);
    await this.page.getByRole("listbox", { name: "Tools" }).getByRole("option", { name, exact: true }).click();
    await expect(this.panel(name)).toBeVisible();
  }

  panel(name: string): Locator {
    return this.page.getByRole("region", { name: `Tool ${name}` });
  }

  async call(name: string): Promise<void> {
    await this.panel(name)
      .getByRole("button", { name: `Call ${name}` })
      .click();
  }

  get result(): Locator {
    return this.page.getByRole("region", { name: "Tool result" });
  }

  content(label: string): Locator {
    return this.result.getByRole("article", { name: label });
  }

  async useJson(name: string, args: unknown): Promise<void> {
    const panel = this.panel(name);
    const text = JSON.stringify(args);
    await panel.getByRole("radio", { name: "JSON" }).click();
    const editor = panel.getByLabel("Arguments JSON");
    // Before Monaco loads, a plain textarea stands in: fill it. Monaco itself gets a paste, as from a
    // person's clipboard: typed or filled text would have Monaco close its brackets and quotes.
    await this.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    for (let attempt = 1; ; attempt++) {
      const monaco = panel.locator(".monaco-editor").first();
      try {
        if (await monaco.isVisible()) {
          await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
          await monaco.locator(".view-lines").click();
          await this.page.keyboard.press("ControlOrMeta+A");
          await this.page.keyboard.press("ControlOrMeta+V");
        } else await editor.fill(text, { timeout: 5_000 });
        // The editor holds exactly these arguments (a paste can miss a focus that was not there yet).
        const bare = (t: string) => t.replace(/\s+/g, "");
        const shown = monaco.locator(".view-lines");
        await expect
          .poll(async () => bare((await monaco.isVisible()) ? await shown.innerText() : await editor.inputValue()), {
            timeout: 3_000,
          })
          .toBe(bare(text));
        await expect(panel.getByRole("alert").filter({ hasText: "Not valid JSON" })).toHaveCount(0, { timeout: 2_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }
}
