/** The `app` channel in the traffic log: its own pairing lane, attribution of forwarded requests, `channel:app`. */
import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { entrySummary } from "../traffic";
import { buildSequence, queryMatcher, validateFrame } from "../inspect";
import { exportRecording, parseRecording, serializeRecording } from "../inspect";
import { initialState } from "../base";

const stdio = { transport: "stdio" } as const;
const app = { transport: "app", view: "get-time#1" } as const;
const config = {
  id: "x",
  name: "x",
  transport: "stdio",
  protocol: "2025-11-25",
  command: "node",
  args: [],
  env: [],
  cwd: "",
} as unknown as Parameters<typeof initialState>[0];
const rpc = (m: object) => JSON.stringify({ jsonrpc: "2.0", ...m });

describe("the app channel", () => {
  it("pairs a view's requests apart from the server's, even with the same ids", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const server = log.recordFrame("outgoing", rpc({ id: 1, method: "tools/list" }), stdio).entry;
    const view = log.recordFrame("incoming", rpc({ id: 1, method: "ui/initialize", params: {} }), app).entry;
    const toView = log.recordFrame("outgoing", rpc({ id: 1, result: {} }), app).entry;
    const fromServer = log.recordFrame("incoming", rpc({ id: 1, result: { tools: [] } }), stdio).entry;
    expect(toView.pairedSeq).toBe(view.seq);
    expect(fromServer.pairedSeq).toBe(server.seq);
    expect(toView.problem).toBeUndefined();
    expect(fromServer.problem).toBeUndefined();
    expect(entrySummary(view)).toContain("on app view get-time#1");
  });

  it("marks the server request a view asked for", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    log.recordFrame("incoming", rpc({ id: 5, method: "tools/call", params: { name: "get-time" } }), app);
    log.onBehalfOf("get-time#1", "tools/call");
    const sent = log.recordFrame("outgoing", rpc({ id: 9, method: "tools/call", params: { name: "get-time" } }), stdio);
    const later = log.recordFrame(
      "outgoing",
      rpc({ id: 10, method: "tools/call", params: { name: "get-time" } }),
      stdio,
    );
    expect(sent.entry.from).toBe("get-time#1");
    expect(later.entry.from).toBeUndefined();
    expect(entrySummary(sent.entry)).toContain("asked by app view get-time#1");
  });

  it("is filtered with channel:app, and survives a recording", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    log.recordFrame("outgoing", rpc({ id: 1, method: "tools/list" }), stdio);
    log.recordFrame("incoming", rpc({ id: 1, method: "ui/initialize", params: {} }), app);
    const { match } = queryMatcher("channel:app", log);
    expect(log.entries.filter((e) => match!(e)).map((e) => e.seq)).toEqual([1]);
    expect(queryMatcher("channel:nope", log).errors[0]?.message).toMatch(/channel is one of/);
    const text = serializeRecording(exportRecording(initialState(config, {}), log));
    const back = parseRecording(text);
    if ("error" in back) throw new Error(back.error);
    expect(back.recording.traffic[1]).toMatchObject({ channel: app });
  });
});

describe("the app channel in the sequence diagram", () => {
  it("draws a view's postMessage between the view's lane and the page's, never as a message to the server", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    log.recordFrame("outgoing", rpc({ id: 1, result: {} }), app);
    log.recordFrame("incoming", rpc({ id: 2, method: "tools/call", params: { name: "get-time" } }), app);
    const items = buildSequence(log.entries).items;
    expect(items.map((i) => [i.from, i.to, i.via])).toEqual([
      ["client", "view", "postMessage, app view get-time#1"],
      ["view", "client", "postMessage, app view get-time#1"],
    ]);
  });
});

describe("validation of the app channel", () => {
  it("is not judged against the MCP schema: unchecked, or invalid by its MCP Apps problem", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const ok = log.recordFrame("incoming", rpc({ id: 1, method: "ui/initialize", params: {} }), app).entry;
    const bad = log.recordFrame("incoming", rpc({ method: "ui/notifications/nope" }), app).entry;
    bad.problem = "ui/notifications/nope is not an MCP Apps method";
    expect(validateFrame(ok, log.entries, { protocolVersion: "2025-11-25" }).status).toBe("unchecked");
    expect(validateFrame(bad, log.entries, { protocolVersion: "2025-11-25" }).status).toBe("invalid");
  });
});
