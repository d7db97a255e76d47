import { describe, expect, it } from "vitest";
import { AutoReconnect, MAX_RECONNECT_ATTEMPTS, reconnectDelayMs } from "./autoReconnect";

describe("AutoReconnect", () => {
  it("waits 0.5, 1, 2, 4 s, then 5 s between attempts", () => {
    expect([1, 2, 3, 4, 5, 9].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });

  it("runs attempts one after another, counts from the start after a reset, and gives up", () => {
    const planned: { fn: () => void; ms: number }[] = [];
    const runs: number[] = [];
    const shown: unknown[] = [];
    const auto = new AutoReconnect(
      async (n) => void runs.push(n),
      (next) => void shown.push(next),
      {
        setTimeout: (fn, ms) => planned.push({ fn, ms }),
        clearTimeout: () => {},
      },
    );
    auto.schedule();
    planned.at(-1)!.fn();
    auto.schedule();
    expect(planned.map((p) => p.ms)).toEqual([500, 1000]);
    expect(shown.at(-1)).toEqual({ attempt: 2, inMs: 1000 });
    auto.reset();
    expect(shown.at(-1)).toBeUndefined();
    auto.schedule();
    expect(planned.at(-1)!.ms).toBe(500);
    for (let i = 1; i < MAX_RECONNECT_ATTEMPTS; i++) auto.schedule();
    expect(auto.schedule()).toBe(false);
    expect(runs).toEqual([1]);
  });
});
