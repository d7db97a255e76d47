import { describe, expect, it } from "vitest";
import { TrafficLog } from "./log";
import {
  TrafficFilter,
  TrafficStats,
  entryFlags,
  entrySummary,
  exchangeEntries,
  formatBytes,
  formatClock,
  positionOf,
  prettyFrame,
  seqAt,
} from "./view";

function makeLog() {
  let t = 1000;
  const log = new TrafficLog({ now: () => t, schedule: () => {} });
  const advance = (ms: number) => (t += ms);
  return { log, advance };
}

const stdio = { transport: "stdio" } as const;

describe("entrySummary", () => {
  it("names requests, results and latency", () => {
    const { log, advance } = makeLog();
    const req = log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}', stdio).entry;
    advance(12);
    const res = log.recordFrame("incoming", '{"jsonrpc":"2.0","id":0,"result":{}}', stdio).entry;
    expect(entrySummary(req)).toBe("outgoing request initialize id 0");
    expect(entrySummary(res)).toBe("incoming result id 0 12 ms");
  });

  it("flags bad frames once", () => {
    const { log } = makeLog();
    const bad = log.recordFrame("incoming", "hello", stdio).entry;
    expect(entrySummary(bad)).toBe("incoming invalid JSON");
    expect(entryFlags(bad).map((f) => f.text)).toEqual(["invalid JSON"]);
    const orphan = log.recordFrame("incoming", '{"jsonrpc":"2.0","id":9,"result":{}}', stdio).entry;
    expect(entryFlags(orphan)).toEqual([{ level: "warn", text: "problem", detail: "a response to no request (id 9)" }]);
    expect(entrySummary(orphan)).toBe("incoming result id 9 problem");
  });

  it("summarizes HTTP, stderr and events", () => {
    const { log } = makeLog();
    const http = log.append({
      kind: "http",
      ts: 1,
      exchange: 1,
      phase: "response",
      method: "POST",
      url: "http://x/mcp?a=1",
      status: 404,
      headers: {},
    });
    expect(entrySummary(http)).toBe("HTTP response POST 404 /mcp?a=1");
    expect(entryFlags(http)).toEqual([{ level: "error", text: "HTTP 404" }]);
    expect(entrySummary(log.append({ kind: "stderr", ts: 1, line: "boot" }))).toBe("stderr boot");
    expect(
      entrySummary(
        log.append({ kind: "event", ts: 1, level: "warn", source: "transport", code: "body-cut-off", message: "slow" }),
      ),
    ).toBe("warn slow");
  });
});

describe("TrafficFilter", () => {
  it("shows everything for a blank query", () => {
    const { log } = makeLog();
    log.event("connecting", "info", "a");
    const view = new TrafficFilter().update(log.entries, "  ");
    expect(view).toEqual({ query: "  ", count: 1, indices: null });
    expect(seqAt(view, 0)).toBe(0);
    expect(positionOf(view, 0)).toBe(0);
    expect(positionOf(view, 1)).toBe(-1);
  });

  it("matches method and raw text case-insensitively, and extends with appended entries only", () => {
    const { log } = makeLog();
    log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', stdio);
    log.recordFrame("incoming", '{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"Echo"}]}}', stdio);
    log.append({ kind: "stderr", ts: 1, line: "echo server ready" });
    const filter = new TrafficFilter();
    const first = filter.update(log.entries, "ECHO");
    expect(first.count).toBe(2);
    expect([seqAt(first, 0), seqAt(first, 1)]).toEqual([1, 2]);
    expect(positionOf(first, 2)).toBe(1);
    expect(positionOf(first, 0)).toBe(-1);

    log.event("connected", "info", "another echo");
    log.event("connected", "info", "unrelated");
    const second = filter.update(log.entries, "ECHO");
    expect(second.count).toBe(3);
    expect(seqAt(second, 2)).toBe(3);
    // An earlier snapshot keeps its own count.
    expect(first.count).toBe(2);

    expect(filter.update(log.entries, "tools/list").count).toBe(1);
    expect(filter.update(log.entries, "(").count).toBe(0);
  });

  it("filters 50,000 entries, matching only the requests", () => {
    const { log } = makeLog();
    for (let i = 0; i < 25_000; i++) {
      log.recordFrame("outgoing", `{"jsonrpc":"2.0","id":${i},"method":"ping"}`, stdio);
      log.recordFrame("incoming", `{"jsonrpc":"2.0","id":${i},"result":{}}`, stdio);
    }
    const view = new TrafficFilter().update(log.entries, "ping");
    expect(view.count).toBe(25_000);
    expect(view.indices?.every((seq) => seq % 2 === 0)).toBe(true);
  });
});

describe("TrafficStats", () => {
  it("counts messages and errors incrementally", () => {
    const { log } = makeLog();
    const stats = new TrafficStats();
    log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"method":"x"}', stdio);
    log.recordFrame("incoming", '{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"nope"}}', stdio);
    expect(stats.update(log.entries)).toEqual({ total: 2, messages: 2, errors: 1 });
    log.recordFrame("incoming", "{broken", stdio);
    log.event("connect-failed", "error", "disconnected");
    log.append({ kind: "stderr", ts: 1, line: "x" });
    expect(stats.update(log.entries)).toEqual({ total: 5, messages: 3, errors: 3 });
    expect(new TrafficStats().update(new TrafficLog().entries)).toEqual({ total: 0, messages: 0, errors: 0 });
  });
});

describe("formatting", () => {
  it("formats sizes and clock times", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(300 * 1024)).toBe("300 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatClock(new Date(2024, 0, 1, 9, 5, 7, 42).getTime())).toBe("09:05:07.042");
  });

  it("pretty-prints JSON and keeps other text verbatim", () => {
    expect(prettyFrame('{"a":[1]}')).toEqual({ text: '{\n  "a": [\n    1\n  ]\n}', json: true });
    expect(prettyFrame("<b>x</b>")).toEqual({ text: "<b>x</b>", json: false });
  });

  it("finds the entries of one HTTP exchange", () => {
    const { log } = makeLog();
    log.append({
      kind: "http",
      ts: 1,
      exchange: 1,
      phase: "request",
      method: "POST",
      url: "/mcp",
      headers: { a: "1" },
    });
    log.append({ kind: "http", ts: 1, exchange: 2, phase: "request", method: "POST", url: "/mcp", headers: {} });
    log.append({
      kind: "http",
      ts: 2,
      exchange: 1,
      phase: "response",
      method: "POST",
      url: "/mcp",
      status: 200,
      headers: {},
    });
    expect(exchangeEntries(log.entries, 2, 1).map((e) => e.phase)).toEqual(["request", "response"]);
  });
});
