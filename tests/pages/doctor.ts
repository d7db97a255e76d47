import { expect, type Locator, type Page } from "@playwright/test";

/** The connection doctor in the session's status bar (components/doctor). */
export class DoctorPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole("region", { name: "Connection doctor" });
  }

  get verdict(): Locator {
    return this.region.getByTestId("doctor-verdict");
  }

  /** "Run the doctor" in the failure panel. */
  async runFromFailure(): Promise<void> {
    await this.page
      .getByRole("main")
      .getByRole("alert")
      .getByRole("button", { name: "Run the doctor", exact: true })
      .click();
    await expect(this.verdict).toBeVisible({ timeout: 20_000 });
  }

  /** "Doctor" in the status bar, on demand. */
  async runOnDemand(): Promise<void> {
    await this.page.getByRole("main").getByRole("button", { name: "Doctor", exact: true }).click();
    await expect(this.verdict).toBeVisible({ timeout: 20_000 });
  }

  step(id: string): Locator {
    return this.region.getByRole("list", { name: "Doctor's steps" }).locator(`li[data-step="${id}"]`);
  }

  /** Every step's id and status, in order. */
  async statuses(): Promise<string[]> {
    return this.region
      .getByRole("list", { name: "Doctor's steps" })
      .getByRole("listitem")
      .evaluateAll((items) => items.map((li) => `${li.getAttribute("data-step")}:${li.getAttribute("data-status")}`));
  }
}
