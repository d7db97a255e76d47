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
      log.recordFrame(
        "incoming",
        JSON.stringify(
          i === 19
            ? { jsonrpc: "2.0", id: i, error: { code: -1, message: "x" } }
            : { jsonrpc: "2.0", id: i, result: {} },
        ),
        stdio,
      );
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

  it("a cancelled request ends at its cancel, is not pending, and later progress for it is flagged", () => {
    let now = 0;
    const log = new TrafficLog({ now: () => now, schedule: (f) => f() });
    const stdio = { transport: "stdio" } as const;
    log.recordFrame(
      "outgoing",
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "slow", _meta: { progressToken: 7 } },
      }),
      stdio,
    );
    now = 50;
    const early = log.recordFrame(
      "incoming",
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/progress", params: { progressToken: 7, progress: 1 } }),
      stdio,
    ).entry;
    now = 120;
    const cancel = log.recordFrame(
      "outgoing",
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1, reason: "x" } }),
      stdio,
    ).entry;
    now = 200;
    const late = log.recordFrame(
      "incoming",
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/progress", params: { progressToken: 7, progress: 2 } }),
      stdio,
    ).entry;
    expect(early.problem).toBeUndefined();
    expect(late.problem).toMatch(/^progress after its request \(#0\) was cancelled \(#2\)/);
    expect(spans(log.entries)).toEqual([
      {
        seq: 0,
        method: "tools/call",
        subject: "slow",
        direction: "outgoing",
        start: 0,
        end: 120,
        outcome: "cancelled",
      },
    ]);
    expect(cancel.seq).toBe(2);
    expect(latencyByMethod(spans(log.entries))).toEqual([]);
  });

  it("progress after the request was answered is flagged", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const stdio = { transport: "stdio" } as const;
    log.recordFrame(
      "outgoing",
      JSON.stringify({ jsonrpc: "2.0", id: "a", method: "tools/call", params: { _meta: { progressToken: "t" } } }),
      stdio,
    );
    log.recordFrame("incoming", JSON.stringify({ jsonrpc: "2.0", id: "a", result: {} }), stdio);
    const late = log.recordFrame(
      "incoming",
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/progress", params: { progressToken: "t", progress: 9 } }),
      stdio,
    ).entry;
    expect(late.problem).toMatch(/was answered \(#1\)/);
  });
});
