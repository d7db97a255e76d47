import { expect, type Frame, type FrameLocator, type Locator, type Page } from "@playwright/test";
import { NODE } from "../support/processes";
import { ToolsPage } from "./tools";

/** An MCP App view under a tool call (issue 15). */
export class AppsPage {
  readonly tools: ToolsPage;
  constructor(readonly page: Page) {
    this.tools = new ToolsPage(page);
  }

  /** Connects over stdio to the fixture server of MCP App views (servers/fixtures/app-views.ts); `extraArgs` are its flags. */
  async connectFixture(name = "app fixture", extraArgs: string[] = []): Promise<void> {
    await this.tools.connectStdio({
      name,
      transport: "stdio",
      command: NODE,
      args: ["--import tsx servers/fixtures/app-views.ts", ...extraArgs].join(" "),
      protocol: "2025-11-25",
    });
  }

  get section(): Locator {
    return this.page.getByRole("region", { name: "MCP App view" });
  }

  /** The view's own document: the sandbox page's inner frame. */
  view(toolName: string): FrameLocator {
    return this.page.frameLocator(`iframe[title="MCP App view of ${toolName}"]`).frameLocator("iframe");
  }

  /** The view's frame object, for evaluating inside it (the containment checks). */
  async viewFrame(): Promise<Frame> {
    await expect
      .poll(() => this.page.frames().filter((f) => f.parentFrame()?.url().includes("/app-sandbox")).length)
      .toBeGreaterThan(0);
    return this.page.frames().find((f) => f.parentFrame()?.url().includes("/app-sandbox"))!;
  }
}
