import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import type { Channel } from "../traffic";
import {
  MAX_BRACKETS,
  SequenceBuilder,
  arrowText,
  buildSequence,
  describeItem,
  emptySequence,
  extendSequence,
  nearestRow,
  rowSeq,
  sequenceView,
} from "./sequence";

const stdio: Channel = { transport: "stdio" };

function clockLog() {
  let now = 5000;
  const log = new TrafficLog({ now: () => now, schedule: (f) => f() });
  return { log, tick: (ms: number) => (now += ms) };
}

const send = (log: TrafficLog, direction: "outgoing" | "incoming", message: object, channel: Channel = stdio) =>
  log.recordFrame(direction, JSON.stringify({ jsonrpc: "2.0", ...message }), channel).entry;

describe("sequence items", () => {
  it("turns stdio frames into arrows across the bridge, pairs requests and times them", () => {
    const { log, tick } = clockLog();
    send(log, "outgoing", { id: 3, method: "tools/call" });
    tick(10);
    send(log, "incoming", { method: "notifications/progress", params: { progressToken: 1, progress: 1 } });
    tick(5);
    send(log, "incoming", { id: 3, result: { content: [] } });
    const { items } = buildSequence(log.entries);
    expect(items.map((i) => i.kind)).toEqual(["request", "notification", "response"]);
    expect(items[0]).toMatchObject({
      from: "client",
      to: "server",
      label: "tools/call id 3",
      via: "stdio",
      pairedSeq: 2,
      t: 0,
    });
    expect(items[1]).toMatchObject({ from: "server", to: "client", label: "notifications/progress", t: 10 });
    expect(items[2]).toMatchObject({
      from: "server",
      to: "client",
      label: "tools/call id 3",
      pairedSeq: 0,
      latencyMs: 15,
      t: 15,
    });
    expect(describeItem(items[0]!)).toBe("client to server: request tools/call id 3");
    expect(describeItem(items[1]!)).toBe("server to client: notification notifications/progress");
    expect(describeItem(items[2]!)).toBe("server to client: response tools/call id 3");
    expect(arrowText(items[2]!)).toBe("result tools/call id 3");
  });

  it("keeps server-initiated requests, errors, batches and invalid frames distinct", () => {
    const { log } = clockLog();
    send(log, "incoming", { id: 0, method: "sampling/createMessage" });
    send(log, "outgoing", { id: 0, error: { code: -32601, message: "no" } });
    log.recordFrame("incoming", "banner text", stdio);
    log.recordFrame(
      "outgoing",
      JSON.stringify([
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { jsonrpc: "2.0", id: 9, method: "ping" },
      ]),
      stdio,
    );
    const { items } = buildSequence(log.entries);
    expect(items.map((i) => i.kind)).toEqual(["server-request", "error", "invalid", "request"]);
    expect(describeItem(items[0]!)).toBe("server to client: request sampling/createMessage id 0");
    expect(describeItem(items[1]!)).toBe("client to server: error -32601 sampling/createMessage id 0");
    expect(describeItem(items[2]!)).toBe("server to client: invalid frame invalid JSON");
    expect(items[3]!.label).toBe("batch of 2: notifications/initialized, ping");
  });

  it("names the HTTP exchange and stream that carried each frame", () => {
    const { log } = clockLog();
    const post = log.newExchange();
    log.append({
      kind: "http",
      ts: log.now(),
      exchange: post,
      phase: "request",
      method: "POST",
      url: "http://h/mcp",
      headers: {},
    });
    send(
      log,
      "outgoing",
      { id: 1, method: "tools/list" },
      { transport: "http", exchange: post, stream: "request-body" },
    );
    log.append({
      kind: "http",
      ts: log.now(),
      exchange: post,
      phase: "response",
      method: "POST",
      url: "http://h/mcp",
      status: 200,
      headers: { "content-type": "text/event-stream" },
    });
    send(log, "incoming", { id: 1, result: { tools: [] } }, { transport: "http", exchange: post, stream: "sse" });
    const get = log.newExchange();
    log.append({
      kind: "http",
      ts: log.now(),
      exchange: get,
      phase: "request",
      method: "GET",
      url: "http://h/mcp",
      headers: {},
    });
    send(
      log,
      "incoming",
      { method: "notifications/tools/list_changed" },
      { transport: "http", exchange: get, stream: "sse" },
    );
    const json = log.newExchange();
    log.append({
      kind: "http",
      ts: log.now(),
      exchange: json,
      phase: "request",
      method: "POST",
      url: "http://h/mcp",
      headers: {},
    });
    send(log, "outgoing", { id: 2, method: "ping" }, { transport: "http", exchange: json, stream: "request-body" });
    send(log, "incoming", { id: 2, result: {} }, { transport: "http", exchange: json, stream: "json-body" });
    log.append({
      kind: "http",
      ts: log.now(),
      exchange: 9,
      phase: "failed",
      method: "DELETE",
      url: "http://h/mcp",
      headers: {},
      note: "refused",
    });
    const { items, frames } = buildSequence(log.entries);
    expect(items.filter((i) => i.kind !== "http").map((i) => i.via)).toEqual([
      "POST body #1",
      "SSE on POST #1",
      "SSE on GET stream #2",
      "POST body #3",
      "JSON response to POST #3",
    ]);
    expect(items[0]).toMatchObject({
      kind: "http",
      from: "client",
      to: "server",
      label: "POST /mcp",
      via: "exchange #1",
    });
    expect(items[2]).toMatchObject({ kind: "http", from: "server", to: "client", label: "200 POST /mcp · SSE" });
    expect(items.at(-1)).toMatchObject({ kind: "http", from: "bridge", to: "client", label: "failed DELETE /mcp" });
    expect(frames).toEqual(items.flatMap((i, n) => (i.kind === "http" ? [] : [n])));
  });

  it("places stderr and notes on their lanes", () => {
    const { log } = clockLog();
    log.append({
      kind: "event",
      ts: log.now(),
      level: "info",
      source: "bridge",
      code: "process-started",
      message: "server process started (pid 4)",
    });
    log.append({ kind: "stderr", ts: log.now(), line: "ready" });
    log.event("connected", "info", "connected: legacy era, protocol 2025-11-25");
    log.event("sse-endpoint", "info", 'SSE "endpoint" event: /messages?sessionId=1');
    const { items } = buildSequence(log.entries);
    expect(items.map((i) => [i.kind, i.from, i.to])).toEqual([
      ["event", "bridge", "bridge"],
      ["stderr", "server", "client"],
      ["event", "client", "client"],
      ["event", "server", "client"],
    ]);
    expect(describeItem(items[0]!)).toBe("note on bridge: event server process started (pid 4)");
  });

  it("chooses a note's lane by its code and source, never by its words", () => {
    const { log } = clockLog();
    // Reworded messages, and messages that look like another kind: the lanes do not move.
    log.event("process-started", "info", "the child is up");
    log.event("process-start-failed", "error", "Command not found: nope");
    log.event("bridge-error", "error", "a line too long");
    log.event("connecting", "info", "server process started (pid 1)");
    log.event("connect-failed", "error", 'SSE "endpoint" looks like this');
    log.event("sse-note", "info", "a legacy SSE note");
    log.event("redirect-followed", "info", "starting over at another URL");
    log.event("roots-changed-failed", "warn", "lost the stdio bridge");
    const { items } = buildSequence(log.entries);
    expect(items.map((i) => [i.from, i.to, i.via])).toEqual([
      ["bridge", "bridge", undefined],
      ["bridge", "bridge", undefined],
      ["bridge", "bridge", undefined],
      ["client", "client", undefined],
      ["client", "client", undefined],
      ["server", "client", "SSE"],
      ["client", "client", undefined],
      ["client", "client", undefined],
    ]);
    expect(items.map((i) => i.label)).toEqual(log.entries.map((e) => (e.kind === "event" ? e.message : "")));
  });
});

describe("sequence brackets and increments", () => {
  it("gives overlapping requests separate bracket columns that pass through the rows between", () => {
    const { log } = clockLog();
    send(log, "outgoing", { id: 1, method: "tools/call" });
    send(log, "outgoing", { id: 2, method: "tools/call" });
    send(log, "incoming", { method: "notifications/message" });
    send(log, "incoming", { id: 1, result: {} });
    send(log, "incoming", { id: 2, result: {} });
    const { items } = buildSequence(log.entries);
    expect(items.map((i) => [i.bracket, i.through])).toEqual([
      [{ column: 0, end: "start" }, 0],
      [{ column: 1, end: "start" }, 0b01],
      [undefined, 0b11],
      [{ column: 0, end: "end" }, 0b10],
      [{ column: 1, end: "end" }, 0],
    ]);
  });

  it("stops adding columns past the limit", () => {
    const { log } = clockLog();
    for (let id = 0; id <= MAX_BRACKETS; id++) send(log, "outgoing", { id, method: "ping" });
    const { items } = buildSequence(log.entries);
    expect(items.at(-1)!.bracket).toBeUndefined();
    expect(items.at(-2)!.bracket).toEqual({ column: MAX_BRACKETS - 1, end: "start" });
  });

  it("extends from where it stopped and equals a full rebuild, including pairs that close later", () => {
    const { log, tick } = clockLog();
    const state = emptySequence();
    send(log, "outgoing", { id: 1, method: "tools/list" });
    extendSequence(state, log.entries);
    expect(state.items[0]!.pairedSeq).toBeUndefined();
    tick(7);
    send(log, "incoming", { id: 1, result: { tools: [] } });
    log.append({ kind: "stderr", ts: log.now(), line: "x" });
    extendSequence(state, log.entries);
    expect(state.items[0]!.pairedSeq).toBe(1);
    expect(state.items).toEqual(buildSequence(log.entries).items);
  });

  it("SequenceBuilder starts over for another log", () => {
    const a = clockLog().log;
    const b = clockLog().log;
    send(a, "outgoing", { id: 1, method: "ping" });
    send(b, "incoming", { method: "notifications/message" });
    send(b, "incoming", { method: "notifications/message" });
    const builder = new SequenceBuilder();
    expect(builder.update(a.entries).items).toHaveLength(1);
    expect(builder.update(b.entries).items.map((i) => i.kind)).toEqual(["notification", "notification"]);
  });
});

describe("sequence views", () => {
  it("shows all rows or only frames, and finds the nearest row of a hidden entry", () => {
    const { log } = clockLog();
    log.event("connecting", "info", "connecting");
    send(log, "outgoing", { id: 1, method: "ping" });
    log.append({ kind: "stderr", ts: log.now(), line: "x" });
    send(log, "incoming", { id: 1, result: {} });
    const state = buildSequence(log.entries);
    const all = sequenceView(state, true);
    const frames = sequenceView(state, false);
    expect(all).toEqual({ count: 4, indices: null });
    expect(frames.count).toBe(2);
    expect([0, 1].map((r) => rowSeq(frames, r))).toEqual([1, 3]);
    expect(rowSeq(frames, 2)).toBe(-1);
    expect([0, 1, 2, 3, 9].map((s) => nearestRow(frames, s))).toEqual([0, 0, 1, 1, 1]);
    expect(nearestRow(all, 2)).toBe(2);
    expect(nearestRow(sequenceView(emptySequence(), false), 0)).toBe(-1);
  });
});
