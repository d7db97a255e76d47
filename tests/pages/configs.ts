import { expect, type Locator, type Page } from "@playwright/test";

/** The Import dialog of the connection list and the Export dialog of a connection, by accessible names. */
export class ConfigDialogs {
  constructor(readonly page: Page) {}

  get importDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Import connections" });
  }

  get exportDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Export connection" });
  }

  async openImport(): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Saved connections" })
      .getByRole("button", { name: /^Import/ })
      .click();
    await expect(this.importDialog).toBeVisible();
  }

  /**
   * Pastes `text` into the dialog's box the way a person does (the clipboard, then Ctrl/Cmd+V over
   * what was there) and asks the dialog to read it. Needs the clipboard permissions.
   */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    const box = this.importDialog.getByLabel("Or paste the config");
    await box.click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("ControlOrMeta+V");
    await expect(box).toHaveValue(text);
    await this.importDialog.getByRole("button", { name: "Read pasted config" }).click();
  }

  /** The entries the dialog will import. */
  get toImport(): Locator {
    return this.importDialog.getByRole("list", { name: "Connections to import" }).getByRole("listitem");
  }

  /** The entries it refuses, each with its reason. */
  get invalid(): Locator {
    return this.importDialog.getByRole("list", { name: "Invalid entries" }).getByRole("listitem");
  }

  async importAll(): Promise<void> {
    await this.importDialog.getByRole("button", { name: /^Import \d+ connections?$/ }).click();
    await expect(this.importDialog).toBeHidden();
  }

  /** Opens Export for the selected connection, picks a shape and returns the exported text. */
  async exportAs(shapeLabel: string): Promise<string> {
    await this.page
      .getByRole("form", { name: "Connection" })
      .getByRole("button", { name: /^Export/ })
      .click();
    await expect(this.exportDialog).toBeVisible();
    await this.exportDialog.getByLabel("Config shape").selectOption({ label: shapeLabel });
    const text = this.exportDialog.getByLabel("Exported config");
    await expect(text).toBeVisible();
    return text.inputValue();
  }
}
