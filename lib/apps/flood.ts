/**
 * A view that floods its host: past `limit` messages in one second, the rest of that second is not
 * logged one by one (the page stays responsive); one event says how many were left out.
 */
export class FloodGate {
  private windowStart = 0;
  private count = 0;
  private dropped = 0;

  constructor(
    private readonly limit = 200,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Whether this message is logged; `report` is set on the first message after a flooded second. */
  admit(): { log: boolean; report?: { dropped: number } } {
    const t = this.now();
    let report: { dropped: number } | undefined;
    if (t - this.windowStart >= 1000) {
      if (this.dropped > 0) report = { dropped: this.dropped };
      this.windowStart = t;
      this.count = 0;
      this.dropped = 0;
    }
    this.count++;
    if (this.count > this.limit) {
      this.dropped++;
      return { log: false, report };
    }
    return { log: true, report };
  }

  /** Messages left out in the current second (for a report at close). */
  get pending(): number {
    return this.dropped;
  }
}
