/** The MCP App view's lane of the sequence diagram: its frames, their pairs, and a reopened recording. */
import { describe, expect, it } from "vitest";
import { initialState } from "../base";
import { TrafficLog } from "../traffic";
import type { Channel } from "../traffic";
import { exportRecording, parseRecording, recordingLog, serializeRecording } from "./recording";
import { APP_LANES, LANES, SequenceBuilder, buildSequence, describeItem } from "./sequence";

const stdio: Channel = { transport: "stdio" };
const view = (id: string): Channel => ({ transport: "app", view: id });
const rpc = (m: object) => JSON.stringify({ jsonrpc: "2.0", ...m });

/** A session where a view initializes, gets its tool's result and asks for a tool call through the host. */
function appLog(): TrafficLog {
  const log = new TrafficLog({ schedule: (f) => f() });
  const a = view("get-time#1");
  log.recordFrame("outgoing", rpc({ id: 1, method: "tools/call", params: { name: "get-time" } }), stdio);
  log.recordFrame("incoming", rpc({ id: 1, result: { content: [] } }), stdio);
  log.recordFrame("incoming", rpc({ id: 1, method: "ui/initialize", params: {} }), a);
  log.recordFrame("outgoing", rpc({ id: 1, result: { protocolVersion: "2026-01-26" } }), a);
  log.recordFrame("incoming", rpc({ method: "ui/notifications/initialized" }), a);
  log.recordFrame("outgoing", rpc({ method: "ui/notifications/tool-result", params: { content: [] } }), a);
  log.recordFrame("incoming", rpc({ id: 2, method: "tools/call", params: { name: "get-time" } }), a);
  log.onBehalfOf("get-time#1", "tools/call");
  log.recordFrame("outgoing", rpc({ id: 2, method: "tools/call", params: { name: "get-time" } }), stdio);
  log.recordFrame("incoming", rpc({ id: 2, result: { content: [] } }), stdio);
  log.recordFrame("outgoing", rpc({ id: 2, result: { content: [] } }), a);
  return log;
}

const arrows = (log: { entries: Parameters<typeof buildSequence>[0] }) =>
  buildSequence(log.entries).items.map((i) => [i.from, i.to, i.kind]);

const EXPECTED = [
  ["client", "server", "request"],
  ["server", "client", "response"],
  ["view", "client", "request"],
  ["client", "view", "response"],
  ["view", "client", "notification"],
  ["client", "view", "notification"],
  ["view", "client", "request"],
  ["client", "server", "request"],
  ["server", "client", "response"],
  ["client", "view", "response"],
];

describe("the MCP App view's lane", () => {
  it("is not drawn for a log without app traffic", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    log.recordFrame("outgoing", rpc({ id: 1, method: "ping" }), stdio);
    const state = buildSequence(log.entries);
    expect(state.lanes).toBe(LANES);
    expect(state.lanes.map((l) => l.id)).toEqual(["client", "bridge", "server"]);
  });

  it("sits left of the client, and carries the view's frames to and from the client with their own pairs", () => {
    const state = buildSequence(appLog().entries);
    expect(state.lanes).toBe(APP_LANES);
    expect(state.lanes.map((l) => l.id)).toEqual(["view", "client", "bridge", "server"]);
    expect(state.lanes[0]!.title).toMatch(/MCP App view/);
    expect(arrows(appLog())).toEqual(EXPECTED);
    const { items } = state;
    expect(describeItem(items[2]!)).toBe("view to client: request ui/initialize id 1");
    expect(describeItem(items[3]!)).toBe("client to view: response ui/initialize id 1");
    expect(describeItem(items[5]!)).toBe("client to view: notification ui/notifications/tool-result");
    // ui/initialize id 1 pairs with the host's answer, not with the server's result of id 1.
    expect([items[2]!.pairedSeq, items[3]!.pairedSeq]).toEqual([3, 2]);
    expect(items[2]!.bracket).toEqual({ column: 0, end: "start" });
    expect(items[3]!.bracket).toEqual({ column: 0, end: "end" });
    expect(items[2]!.via).toBe("postMessage, app view get-time#1");
    expect([items[6]!.pairedSeq, items[9]!.pairedSeq]).toEqual([9, 6]);
  });

  it("says which view a server request and its answer were for", () => {
    const { items } = buildSequence(appLog().entries);
    expect(items[7]!.via).toBe("stdio, for app view get-time#1");
    expect(items[8]!.via).toBe("stdio, for app view get-time#1");
    expect(items[0]!.via).toBe("stdio");
  });

  it("shares one lane among views, named in each item, and takes a view's problems as notes on it", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    log.event("app-view", "info", "MCP App view ui://a started for a");
    log.recordFrame("incoming", rpc({ method: "ui/notifications/size-changed" }), view("a#1"));
    log.recordFrame("incoming", rpc({ method: "ui/notifications/size-changed" }), view("b#2"));
    log.event("app-view-problem", "warn", "MCP App view b#2: CSP blocked https://x (connect-src)");
    const { items } = buildSequence(log.entries);
    expect(items.map((i) => [i.from, i.to, i.via])).toEqual([
      ["client", "client", undefined],
      ["view", "client", "postMessage, app view a#1"],
      ["view", "client", "postMessage, app view b#2"],
      ["view", "view", undefined],
    ]);
  });

  it("appears when the first view frame arrives in an incremental build", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const builder = new SequenceBuilder();
    log.recordFrame("outgoing", rpc({ id: 1, method: "ping" }), stdio);
    expect(builder.update(log.entries).lanes).toBe(LANES);
    log.recordFrame("incoming", rpc({ id: 1, method: "ui/initialize", params: {} }), view("a#1"));
    expect(builder.update(log.entries).lanes).toBe(APP_LANES);
  });
});

describe("a reopened recording", () => {
  it("keeps the view's frames and who a forwarded request was for, and draws the view's lane", () => {
    const config = { id: "x", name: "x", transport: "stdio", command: "node", args: [], env: [], cwd: "" };
    const state = initialState(config as unknown as Parameters<typeof initialState>[0], {});
    const live = appLog();
    const parsed = parseRecording(serializeRecording(exportRecording(state, live)));
    if ("error" in parsed) throw new Error(parsed.error);
    const reopened = recordingLog(parsed.recording);
    expect(reopened.entries.filter((e) => e.kind === "frame" && e.channel.transport === "app")).toHaveLength(6);
    const sequence = buildSequence(reopened.entries);
    expect(sequence.lanes).toBe(APP_LANES);
    expect(arrows(reopened)).toEqual(EXPECTED);
    expect(sequence.items[7]!.via).toBe("stdio, for app view get-time#1");
    expect(sequence.items).toEqual(buildSequence(live.entries).items);
  });
});
