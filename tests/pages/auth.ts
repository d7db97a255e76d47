import { expect, type Locator, type Page } from "@playwright/test";

/** A connection's OAuth: the form's Authorization section, the session's Authorization panel, the popup. */
export class AuthPage {
  constructor(readonly page: Page) {}

  /** The session's "Authorization required" / "Authorized" panel. */
  get region(): Locator {
    return this.page.getByRole("region", { name: "Authorization" });
  }

  /** Unfold the connection form's Authorization section and type what is given. */
  async fillSettings(settings: {
    clientId?: string;
    clientSecret?: string;
    clientMetadataUrl?: string;
    scope?: string;
  }): Promise<void> {
    const form = this.page.getByRole("form", { name: "Connection" });
    await form.getByRole("button", { name: /Authorization \(OAuth/ }).click();
    const type = async (label: string, value?: string) => {
      if (value === undefined) return;
      const input = form.getByLabel(label, { exact: true });
      await input.click();
      await input.pressSequentially(value);
    };
    await type("Client ID", settings.clientId);
    await type("Client secret", settings.clientSecret);
    await type("Client ID Metadata Document URL", settings.clientMetadataUrl);
    await type("Scopes", settings.scope);
  }

  /**
   * Click Authorize; in the popup (the authorization server's page) check what it asks and click
   * Approve; the popup hands back to the inspector through its callback page.
   */
  async authorizeAndApprove(expectClient?: string | RegExp): Promise<void> {
    // The page's COOP severs the popup's opener once it is on the authorization server's origin,
    // so it is awaited as a new page of the context (the 'popup' event needs the opener link).
    const popupOpened = this.page.context().waitForEvent("page");
    await this.region.getByRole("button", { name: "Authorize" }).click();
    const popup = await popupOpened;
    await popup.waitForLoadState();
    if (expectClient) await expect(popup.locator("#client")).toHaveText(expectClient);
    await popup.getByRole("button", { name: "Approve" }).click();
  }
}
