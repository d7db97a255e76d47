import { expect, type Locator, type Page } from "@playwright/test";
import { InspectorPage } from "./inspector";

/** The client-features bar and drawer of a session (requests from the server, roots, ping), driven by accessible names. */
export class ClientFeaturesPage {
  readonly inspector: InspectorPage;
  constructor(readonly page: Page) {
    this.inspector = new InspectorPage(page);
  }

  get bar(): Locator {
    return this.page.getByRole("region", { name: "Client features" });
  }

  get pendingCount(): Locator {
    return this.page.getByTestId("pending-requests");
  }

  get requests(): Locator {
    return this.page.getByRole("region", { name: "Requests from the server" });
  }

  get roots(): Locator {
    return this.page.getByRole("region", { name: "Roots" });
  }

  /** Open the requests drawer (it also opens by itself when a request arrives). */
  async openRequests(): Promise<void> {
    const toggle = this.bar.getByRole("button", { name: /^Requests from the server/ });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(this.requests).toBeVisible();
  }

  async openRoots(): Promise<void> {
    const toggle = this.bar.getByRole("button", { name: /^Roots/ });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(this.roots).toBeVisible();
  }

  /** A request card by kind ("Sampling request", "Elicitation request", "URL elicitation request") and status. */
  card(kind: string, status: "pending" | "awaiting-completion" | "answered" | "cancelled" = "pending"): Locator {
    return this.requests.getByRole("article", { name: `${kind}, ${status}`, exact: true });
  }

  /** Answer the (only) pending sampling card. */
  async answerSampling(text: string, model = "lens-test-model"): Promise<void> {
    const card = this.card("Sampling request");
    await expect(card).toBeVisible();
    await card.getByLabel("Answer text").fill(text);
    await card.getByLabel("Model", { exact: true }).fill(model);
    await card.getByRole("button", { name: "Send" }).click();
  }

  /** The client capabilities shown in the handshake view's declared table (first-column paths). */
  declared(): Locator {
    return this.page.getByRole("region", { name: "Capabilities MCP Lens declared" });
  }

  /** Switch a client capability in the connection form (the switches fold out first). */
  async setCapability(label: string, on: boolean): Promise<void> {
    const toggle = this.inspector.form.getByRole("button", { name: /Client capabilities/ });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await this.inspector.form.getByLabel(label, { exact: true }).setChecked(on);
  }
}
