import { describe, expect, it } from "vitest";
import { TrafficLog } from "./log";
import { latencyByMethod, percentile, spans } from "./timing";

describe("timing", () => {
  it("derives spans and per-method latency from the log", () => {
    let now = 0;
    const log = new TrafficLog({ now: () => now, schedule: (f) => f() });
    const stdio = { transport: "stdio" } as const;
    for (let i = 0; i < 20; i++) {
      now = i * 100;
      log.recordFrame("outgoing", JSON.stringify({ jsonrpc: "2.0", id: i, method: "tools/call" }), stdio);
      now += i + 1; // latencies 1..20 ms
      log.recordFrame("incoming", JSON.stringify(i === 19 ? { jsonrpc: "2.0", id: i, error: { code: -1, message: "x" } } : { jsonrpc: "2.0", id: i, result: {} }), stdio);
    }
    log.recordFrame("outgoing", JSON.stringify({ jsonrpc: "2.0", id: 99, method: "ping" }), stdio);
    const list = spans(log.entries);
    expect(list).toHaveLength(21);
    expect(list.at(-1)).toMatchObject({ method: "ping", outcome: "pending", end: undefined });
    const [calls] = latencyByMethod(list);
    expect(calls).toEqual({ method: "tools/call", count: 20, median: 10, p95: 19, max: 20, errors: 1 });
  });

  it("uses the nearest rank", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([5], 0.95)).toBe(5);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
