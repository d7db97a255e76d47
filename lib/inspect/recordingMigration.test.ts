import { describe, expect, it } from "vitest";
import { migrate } from "../base";
import { EVENT_CODES, type EventCode } from "../traffic";
import { deriveEventCode, RECORDING_MIGRATIONS } from "./recordingMigration";

/** Messages as MCP Lens v1 wrote them (see the recording sites), with the code each must get. */
const V1_SAMPLES: [level: "info" | "warn" | "error", message: string, code: EventCode][] = [
  ["info", "connecting (stdio, protocol auto)", "connecting"],
  ["info", "connecting (streamable-http, protocol 2026-07-28)", "connecting"],
  [
    "warn",
    "the server closed the connection on the server/discover probe: restarting it for the legacy initialize handshake",
    "discover-probe-closed",
  ],
  ["info", "connected: legacy era, protocol 2025-11-25", "connected"],
  ["info", "disconnected by the user", "disconnected"],
  ["info", "disconnected to reconnect", "disconnected"],
  ["error", "The server exited (code 1) before the handshake completed.", "connect-failed"],
  ["error", "The server writes text on stdout that is not JSON-RPC.", "connect-failed"],
  ["error", "Could not reach http://127.0.0.1:9/mcp", "connect-failed"],
  ["error", "http://h/mcp answered HTTP 404: no MCP endpoint there.", "connect-failed"],
  ["error", "http://h/mcp answered HTTP 401: authorization required.", "connect-failed"],
  ["error", "http://h/ is not an MCP server: it answered with an HTML page.", "connect-failed"],
  ["error", "The server answered with something that is not JSON-RPC.", "connect-failed"],
  ["error", "The server did not complete the handshake within 8 s.", "connect-failed"],
  ["error", "Connection failed: fetch failed", "connect-failed"],
  ["info", "starting node server.js in /tmp", "process-starting"],
  ["info", "server process started (pid 4242)", "process-started"],
  ["info", "server process exited (code 0)", "process-exited"],
  ["error", "server process exited (signal SIGKILL)", "process-exited"],
  ["error", "lost the stdio bridge stream: network error", "bridge-lost"],
  ["error", "the stdio bridge closed before the server started", "process-start-failed"],
  ["error", "Command not found: nope", "process-start-failed"],
  ["error", "Permission denied running ./server", "process-start-failed"],
  ["error", "Could not start node: spawn EAGAIN", "process-start-failed"],
  ["error", "The working directory /nowhere does not exist.", "process-start-failed"],
  [
    "error",
    "The server wrote a line of more than 16 MiB on stdout: a line that exceeded 16 MiB is refused, and the connection was closed. Servers must write one JSON-RPC message per line on stdout.",
    "bridge-error",
  ],
  [
    "error",
    "The server's output waited in the inspector beyond 64 MiB for this connection; the connection was closed. The page reads more slowly than the server writes (or one line's encoding is this large).",
    "bridge-error",
  ],
  [
    "info",
    "HTTP 307 redirect from http://a/mcp to http://b/mcp: following it through the relay, hop 1 of at most 5",
    "redirect-followed",
  ],
  ["error", "stopped after 5 redirects (the last, 302, to http://a/)", "redirect-refused"],
  ["error", 'the server redirected (302) to "ftp://x", which is not an http(s) URL', "redirect-refused"],
  ["error", "the server redirected (307) a request whose body cannot be sent again", "redirect-refused"],
  ["warn", "the response body broke off after 12 characters (terminated)", "body-cut-off"],
  ["warn", "the SSE stream broke off (terminated)", "sse-broke-off"],
  ["warn", "the SSE stream ended in the middle of an event: the client never received it", "sse-event-cut"],
  [
    "warn",
    "the SSE stream broke off (terminated) in the middle of an event: the client never received it",
    "sse-event-cut",
  ],
  ["info", 'SSE "endpoint" event: /messages?sessionId=1', "sse-endpoint"],
  ["info", "SSE comment: keep-alive", "sse-note"],
  ["warn", "notifications/roots/list_changed failed: Not connected", "roots-changed-failed"],
  ["info", "authorization: tokens obtained", "authorization"],
  ["warn", "slow server", "note"],
];

describe("v1 event codes told from their prose", () => {
  it.each(V1_SAMPLES)("%s %j → %s", (level, message, code) => {
    expect(deriveEventCode({ level, message })).toEqual({ code, source: EVENT_CODES[code] });
  });

  it("reaches every code but those only marks give", () => {
    const reached = new Set(V1_SAMPLES.map(([, , code]) => code));
    const byMark: EventCode[] = ["session-started", "connection-lost", "connection-closed"];
    // Codes born after v1 recordings (MCP App views, issue 15): no v1 prose to tell them from.
    const afterV1: EventCode[] = ["app-view", "app-view-problem"];
    expect(
      Object.keys(EVENT_CODES).filter(
        (c) => !reached.has(c as EventCode) && !byMark.includes(c as EventCode) && !afterV1.includes(c as EventCode),
      ),
    ).toEqual([]);
  });

  it("takes session boundaries from their marks, whatever their text", () => {
    expect(
      deriveEventCode({
        level: "info",
        message: "new session: reconnected by you, same settings",
        mark: { type: "session-started", reason: "x" },
      }).code,
    ).toBe("session-started");
    expect(
      deriveEventCode({
        level: "error",
        message: "Connection lost: nothing answers at http://h/mcp any more.",
        mark: { type: "session-ended", reason: "unreachable" },
      }).code,
    ).toBe("connection-lost");
    expect(
      deriveEventCode({
        level: "warn",
        message: "Command not found: x",
        mark: { type: "session-ended", reason: "the server exited" },
      }),
    ).toEqual({ source: "session", code: "connection-closed" });
  });

  it("tells a bridge error repeated as the connect failure by its place in the log", () => {
    const doc = {
      format: "mcp-lens-recording",
      v: 1,
      traffic: [
        { kind: "event", seq: 0, ts: 0, level: "info", message: "starting nope" },
        { kind: "event", seq: 1, ts: 1, level: "error", message: "Command not found: nope" },
        { kind: "event", seq: 2, ts: 2, level: "error", message: "Command not found: nope" },
      ],
    };
    const result = migrate(RECORDING_MIGRATIONS, 1, doc);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.v).toBe(2);
    expect((result.value.traffic as { source: string; code: string }[]).map((e) => [e.source, e.code])).toEqual([
      ["bridge", "process-starting"],
      ["bridge", "process-start-failed"],
      ["session", "connect-failed"],
    ]);
  });

  it("leaves what is not an event, and documents without traffic, for validation to judge", () => {
    const traffic = [
      null,
      5,
      { kind: "stderr", seq: 0, ts: 0, line: "x" },
      { kind: "event", seq: 1, ts: 1, level: "info", message: 7 },
    ];
    const result = migrate(RECORDING_MIGRATIONS, 1, { v: 1, traffic });
    expect(result.ok && result.value.traffic).toEqual([
      null,
      5,
      traffic[2],
      { ...(traffic[3] as object), source: "unknown", code: "note" },
    ]);
    const bare = migrate(RECORDING_MIGRATIONS, 1, { v: 1 });
    expect(bare).toEqual({ ok: true, from: 1, value: { v: 2 } });
  });

  it("leaves a current (v2) document untouched", () => {
    const doc = {
      v: 2,
      traffic: [{ kind: "event", level: "info", message: "SSE x", source: "session", code: "connecting" }],
    };
    const result = migrate(RECORDING_MIGRATIONS, 2, doc);
    expect(result.ok && result.value).toBe(doc);
  });
});
