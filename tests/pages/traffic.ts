import { expect, type Locator } from "@playwright/test";
import type { InspectorPage } from "./inspector";

/** Counting in the traffic panel: the header's error count and how many entries a query shows. */
export class TrafficCounts {
  constructor(readonly inspector: InspectorPage) {}

  get errors(): Locator {
    return this.inspector.traffic.getByTestId("traffic-errors");
  }

  /** Expect the header to count exactly `n` errors. */
  async expectErrors(n: number): Promise<void> {
    await expect(this.errors).toHaveText(n === 1 ? "1 error" : `${n.toLocaleString("en-US")} errors`);
  }

  /** Expect the query to show exactly `n` entries (the list is virtualized: the header counts them). */
  async expectShown(query: string, n: number): Promise<void> {
    await this.inspector.filterTraffic(query);
    await expect(this.inspector.traffic).toContainText(`${n.toLocaleString("en-US")} shown`);
  }
}
