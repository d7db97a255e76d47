import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import type { Channel } from "../traffic";
import { DEFAULT_SPEC_VERSION, explain, knownMethods, specUrl, specVersion } from "./explain";

const stdio: Channel = { transport: "stdio" };
const syncLog = () => new TrafficLog({ schedule: (f) => f() });
const SITE = "https://modelcontextprotocol.io/specification/";

/** Every method the demo server (SDK v2, both eras) and server-everything (SDK 1.x) send or answer. */
const SERVER_METHODS: [string, "outgoing" | "incoming"][] = [
  ["initialize", "outgoing"],
  ["notifications/initialized", "outgoing"],
  ["server/discover", "outgoing"],
  ["ping", "outgoing"],
  ["tools/list", "outgoing"],
  ["tools/call", "outgoing"],
  ["resources/list", "outgoing"],
  ["resources/templates/list", "outgoing"],
  ["resources/read", "outgoing"],
  ["resources/subscribe", "outgoing"],
  ["resources/unsubscribe", "outgoing"],
  ["prompts/list", "outgoing"],
  ["prompts/get", "outgoing"],
  ["completion/complete", "outgoing"],
  ["logging/setLevel", "outgoing"],
  ["subscriptions/listen", "outgoing"],
  ["notifications/cancelled", "outgoing"],
  ["notifications/roots/list_changed", "outgoing"],
  ["notifications/message", "incoming"],
  ["notifications/progress", "incoming"],
  ["notifications/tools/list_changed", "incoming"],
  ["notifications/resources/updated", "incoming"],
  ["notifications/resources/list_changed", "incoming"],
  ["notifications/prompts/list_changed", "incoming"],
  ["sampling/createMessage", "incoming"],
  ["elicitation/create", "incoming"],
  ["roots/list", "incoming"],
  ["notifications/elicitation/complete", "incoming"],
  ["tasks/get", "outgoing"],
  ["tasks/result", "outgoing"],
  ["tasks/list", "outgoing"],
  ["tasks/cancel", "outgoing"],
  ["notifications/tasks/status", "incoming"],
  ["notifications/subscriptions/acknowledged", "incoming"],
];

function frame(log: TrafficLog, direction: "outgoing" | "incoming", message: object, channel: Channel = stdio) {
  return log.recordFrame(direction, JSON.stringify({ jsonrpc: "2.0", ...message }), channel).entry;
}

describe("explain: methods", () => {
  it("gives every method of the demo and reference servers its own explanation", () => {
    expect(new Set(knownMethods())).toEqual(new Set(SERVER_METHODS.map(([m]) => m)));
    for (const [method, direction] of SERVER_METHODS) {
      const log = syncLog();
      const notification = method.startsWith("notifications/");
      const entry = frame(log, direction, notification ? { method } : { id: 1, method });
      const e = explain(entry, log.entries, "2025-11-25");
      expect(e.title, method).toMatch(new RegExp(`^${method}: `));
      expect(e.title, method).not.toMatch(/does not know/);
      expect(e.text, method).not.toMatch(/no explanation/);
      expect(e.text, method).not.toMatch(/Unusual/);
      expect(e.specUrl, method).toMatch(/^https:\/\/modelcontextprotocol\.io\//);
      expect(e.specUrl, method).not.toMatch(/basic\/index$/);
      expect(e.text, method).toMatch(notification ? /A notification, sent by/ : /A request from/);
    }
  });

  it("is honest about a method it does not know", () => {
    const log = syncLog();
    const e = explain(frame(log, "outgoing", { id: 9, method: "acme/frobnicate" }), log.entries, "2025-06-18");
    expect(e.title).toBe("acme/frobnicate: a method MCP Lens does not know");
    expect(e.text).toMatch(/not a method of the MCP specification.*-32601/);
    expect(e.specUrl).toBe(`${SITE}2025-06-18/basic/index`);
  });

  it("explains direction, pairing and latency of a request and its response", () => {
    let now = 1000;
    const log = new TrafficLog({ now: () => now, schedule: (f) => f() });
    const req = frame(log, "outgoing", { id: 3, method: "tools/call", params: { name: "echo" } });
    expect(explain(req, log.entries, "2025-11-25").text).toMatch(/No answer has been recorded yet/);
    now = 1042;
    const res = frame(log, "incoming", { id: 3, result: { content: [] } });
    const r = explain(req, log.entries, "2025-11-25");
    expect(r.text).toMatch(/A request from the client \(MCP Lens, in this page\) to the server, with id 3/);
    expect(r.text).toMatch(/answered by #1 after 42 ms/);
    const a = explain(res, log.entries, "2025-11-25");
    expect(a.title).toBe("Result of tools/call");
    expect(a.text).toMatch(/isError: true/);
    expect(a.text).toMatch(/answers tools\/call id 3, which the client .* sent as #0; it arrived 42 ms later/);
    expect(a.specUrl).toBe(`${SITE}2025-11-25/server/tools`);
  });

  it("tells server-to-client requests apart, and flags a method sent the wrong way", () => {
    const log = syncLog();
    const e = explain(frame(log, "incoming", { id: 0, method: "sampling/createMessage" }), log.entries, "2025-06-18");
    expect(e.text).toMatch(/A request from the server to the client/);
    expect(e.specUrl).toBe(`${SITE}2025-06-18/client/sampling`);
    expect(explain(frame(log, "incoming", { id: 1, method: "tools/list" }), log.entries, "2025-06-18").text).toMatch(
      /Unusual: this method is normally sent by the client/,
    );
  });

  it("links pagination for cursors and nextCursor", () => {
    const log = syncLog();
    const req = frame(log, "outgoing", { id: 2, method: "tools/list", params: { cursor: "abc" } });
    const res = frame(log, "incoming", { id: 2, result: { tools: [], nextCursor: "def" } });
    expect(explain(req, log.entries, "2025-06-18").specUrl).toBe(`${SITE}2025-06-18/server/utilities/pagination`);
    expect(explain(res, log.entries, "2026-07-28").specUrl).toBe(`${SITE}2026-07-28/server/utilities/pagination`);
    expect(explain(res, log.entries, "2026-07-28").text).toMatch(/nextCursor/);
  });
});

describe("explain: spec versions", () => {
  it("uses the negotiated version, and a default when it is unknown", () => {
    const log = syncLog();
    const list = frame(log, "outgoing", { id: 1, method: "tools/list" });
    for (const v of ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"])
      expect(explain(list, log.entries, v).specUrl).toBe(`${SITE}${v}/server/tools`);
    expect(explain(list, log.entries).specUrl).toBe(`${SITE}${DEFAULT_SPEC_VERSION}/server/tools`);
    expect(specVersion("garbage")).toBe(DEFAULT_SPEC_VERSION);
    expect(specVersion("2025-07-01")).toBe("2025-06-18");
    expect(specVersion("2031-01-01")).toBe("2026-07-28");
  });

  it("reads the version a frame names when none was negotiated", () => {
    const log = syncLog();
    const init = frame(log, "outgoing", {
      id: 0,
      method: "initialize",
      params: { protocolVersion: "2025-03-26", capabilities: {} },
    });
    expect(explain(init, log.entries).specUrl).toBe(`${SITE}2025-03-26/basic/lifecycle`);
  });

  it("links 2026-only methods to 2026-07-28 whatever the version", () => {
    const log = syncLog();
    const discover = frame(log, "outgoing", { id: 0, method: "server/discover" });
    const listen = frame(log, "outgoing", { id: 1, method: "subscriptions/listen" });
    expect(explain(discover, log.entries, "2025-06-18").specUrl).toBe(`${SITE}2026-07-28/server/discover`);
    expect(explain(discover, log.entries, "2025-06-18").text).toMatch(/new in 2026-07-28/);
    expect(explain(listen, log.entries, "2024-11-05").specUrl).toBe(`${SITE}2026-07-28/basic/patterns/subscriptions`);
    expect(explain(discover, log.entries).specUrl).toBe(`${SITE}2026-07-28/server/discover`);
  });

  it("follows the 2026 page layout and sends removed methods to the last revision that had them", () => {
    expect(specUrl("progress", "2026-07-28")).toBe(`${SITE}2026-07-28/basic/patterns/progress`);
    expect(specUrl("progress", "2025-06-18")).toBe(`${SITE}2025-06-18/basic/utilities/progress`);
    expect(specUrl("http", "2026-07-28")).toBe(`${SITE}2026-07-28/basic/transports/streamable-http`);
    expect(specUrl("ping", "2026-07-28")).toBe(`${SITE}2025-11-25/basic/utilities/ping`);
    expect(specUrl("lifecycle", "2026-07-28")).toBe(`${SITE}2025-11-25/basic/lifecycle`);
    expect(specUrl("elicitation", "2025-03-26")).toBe(`${SITE}2025-06-18/client/elicitation`);
    expect(specUrl("tasks", "2026-07-28")).toBe("https://modelcontextprotocol.io/extensions/tasks/overview");
    const log = syncLog();
    expect(explain(frame(log, "outgoing", { id: 1, method: "ping" }), log.entries, "2026-07-28").text).toMatch(
      /2026-07-28 removed it/,
    );
  });
});

describe("explain: errors, transport and invalid frames", () => {
  it("names error codes and links the right page", () => {
    const log = syncLog();
    frame(log, "outgoing", { id: 1, method: "resources/read", params: { uri: "x:" } });
    const cases: [number, RegExp, string][] = [
      [-32700, /Parse error/, "2025-11-25/basic/index"],
      [-32600, /Invalid request/, "2025-11-25/basic/index"],
      [-32601, /Method not found/, "2025-11-25/basic/index"],
      [-32602, /Invalid params/, "2025-11-25/basic/index"],
      [-32603, /Internal error/, "2025-11-25/basic/index"],
      [-32002, /Resource not found/, "2025-11-25/server/resources"],
      [-32042, /URL elicitation required/, "2025-11-25/client/elicitation"],
      [-32020, /Header mismatch/, "2026-07-28/basic/transports/streamable-http"],
      [-32021, /Missing required client capability/, "2026-07-28/basic/index"],
      [-32022, /Unsupported protocol version/, "2026-07-28/basic/versioning"],
    ];
    for (const [code, name, page] of cases) {
      const e = explain(frame(log, "incoming", { id: null, error: { code, message: "m" } }), log.entries, "2025-11-25");
      expect(e.title, String(code)).toMatch(name);
      expect(e.specUrl, String(code)).toBe(`${SITE}${page}`);
    }
    const paired = syncLog();
    frame(paired, "outgoing", { id: 7, method: "nope" });
    const err = explain(
      frame(paired, "incoming", { id: 7, error: { code: -32601, message: "Method not found: nope" } }),
      paired.entries,
      "2025-06-18",
    );
    expect(err.text).toMatch(/answers nope id 7/);
    expect(err.text).toMatch(/“Method not found: nope”/);
    expect(explain(frame(paired, "incoming", { id: 8, error: { code: 42, message: "" } }), paired.entries).title).toBe(
      "Error 42",
    );
  });

  it("explains HTTP exchanges, SSE and sessions", () => {
    const log = syncLog();
    const req = log.append({
      kind: "http",
      ts: 1,
      exchange: 1,
      phase: "request",
      method: "POST",
      url: "http://h/mcp",
      headers: { "mcp-session-id": "abc" },
    });
    const res = log.append({
      kind: "http",
      ts: 2,
      exchange: 1,
      phase: "response",
      method: "POST",
      url: "http://h/mcp",
      status: 200,
      headers: { "content-type": "text/event-stream" },
      durationMs: 5,
    });
    const get = log.append({
      kind: "http",
      ts: 3,
      exchange: 2,
      phase: "request",
      method: "GET",
      url: "http://h/mcp",
      headers: {},
    });
    const gone = log.append({
      kind: "http",
      ts: 4,
      exchange: 3,
      phase: "response",
      method: "POST",
      url: "http://h/mcp",
      status: 404,
      headers: {},
    });
    expect(explain(req, log.entries, "2025-06-18")).toMatchObject({
      title: "HTTP POST: one message to the server",
      specUrl: `${SITE}2025-06-18/basic/transports`,
    });
    expect(explain(req, log.entries, "2025-06-18").text).toMatch(/Mcp-Session-Id header \(abc\)/);
    expect(explain(res, log.entries, "2025-06-18").text).toMatch(/SSE stream/);
    expect(explain(get, log.entries, "2026-07-28").text).toMatch(/replaces this stream with subscriptions\/listen/);
    expect(explain(get, log.entries, "2026-07-28").specUrl).toBe(`${SITE}2026-07-28/basic/transports/streamable-http`);
    expect(explain(gone, log.entries, "2025-06-18").text).toMatch(/session id is unknown/);
  });

  it("explains stderr, notes and frames that are not MCP", () => {
    const log = syncLog();
    const err = log.append({ kind: "stderr", ts: 1, line: "listening" });
    expect(explain(err, log.entries, "2026-07-28")).toMatchObject({
      title: "stderr: the server's own log output",
      specUrl: `${SITE}2026-07-28/basic/transports/stdio`,
    });
    const note = log.append({
      kind: "event",
      ts: 2,
      level: "info",
      source: "session",
      code: "connecting",
      message: "connecting (stdio, protocol auto)",
    });
    expect(explain(note, log.entries).text).toMatch(/Not a message on the wire/);
    expect(explain(note, log.entries).title).toBe("MCP Lens note");
  });

  it("explains a note by its code and source, never by its words", () => {
    const log = syncLog();
    const at = (code: Parameters<typeof log.event>[0], message: string) => {
      log.event(code, "info", message);
      return explain(log.entries.at(-1)!, log.entries, "2025-06-18");
    };
    expect(at("process-started", "the child is up")).toMatchObject({
      title: "Bridge note",
      specUrl: `${SITE}2025-06-18/basic/transports`,
    });
    expect(at("process-start-failed", "Command not found: nope").title).toBe("Bridge note");
    expect(at("bridge-lost", "gone").text).toMatch(/runs the stdio server as a child process/);
    expect(at("sse-endpoint", "the legacy endpoint note")).toMatchObject({
      title: "SSE endpoint event",
      specUrl: `${SITE}2024-11-05/basic/transports`,
    });
    expect(at("sse-note", "x")).toMatchObject({
      title: "SSE stream note",
      specUrl: `${SITE}2025-06-18/basic/transports`,
    });
    // Words that once picked another explanation no longer do.
    expect(at("connecting", "starting server process over the stdio bridge").title).toBe("MCP Lens note");
    expect(at("connect-failed", 'SSE "endpoint" event').title).toBe("MCP Lens note");
    expect(at("redirect-followed", "SSE x")).toEqual({
      title: "MCP Lens note",
      text: "Not a message on the wire: a note MCP Lens wrote to the log (info): SSE x",
    });
    const bad = log.recordFrame("incoming", "Server ready!", stdio).entry;
    const e = explain(bad, log.entries, "2025-06-18");
    expect(e.title).toBe("Not JSON");
    expect(e.text).toMatch(/stdout.*logs belong on stderr/);
  });
});
