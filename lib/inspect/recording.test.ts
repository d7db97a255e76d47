import { describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../base";
import { TrafficLog } from "../traffic";
import {
  exportRecording,
  parseRecording,
  parseRecordingPaced,
  recordingLog,
  recordingLogSteps,
  runPaced,
  serializeRecording,
} from "./recording";
import { REDACTED, redactArgs, redactUrl } from "./redact";

const SECRET = "s3cr3t-value-xyz";

const httpConfig: ConnectionConfig = {
  id: "c1",
  name: "Weather",
  protocol: "auto",
  transport: "streamable-http",
  url: `https://user:${SECRET}@api.example.com/mcp?region=eu&api_key=${SECRET}`,
  headers: [
    { name: "Authorization", value: `Bearer ${SECRET}`, secret: false },
    { name: "Cookie", value: `sid=${SECRET}`, secret: false },
    { name: "x-mcp-lens-token", value: SECRET, secret: false },
    { name: "X-Tenant", value: SECRET, secret: true },
    { name: "Accept-Language", value: "en", secret: false },
  ],
};

/** A log with everything a session can hold: pairing, latency, problems, bad frames, a cut frame, HTTP, stderr, events. */
function busyLog(): TrafficLog {
  let now = 1_700_000_000_000.25;
  const log = new TrafficLog({ now: () => (now += 7.5), schedule: () => {}, frameLimit: 120 });
  const http = (exchange: number, stream: "request-body" | "json-body" | "sse") => ({
    transport: "http" as const,
    exchange,
    stream,
  });
  log.append({
    kind: "http",
    ts: now,
    exchange: 1,
    phase: "request",
    method: "POST",
    url: "https://api.example.com/mcp",
    headers: { authorization: REDACTED, "mcp-protocol-version": "2025-11-25" },
  });
  log.recordFrame(
    "outgoing",
    '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"lens","version":"1"}}}',
    http(1, "request-body"),
  );
  log.append({
    kind: "http",
    ts: now,
    exchange: 1,
    phase: "response",
    method: "POST",
    url: "https://api.example.com/mcp",
    status: 200,
    headers: { "mcp-session-id": "abc" },
    durationMs: 12.5,
  });
  log.recordFrame(
    "incoming",
    '{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-11-25","capabilities":{"tools":{}},"serverInfo":{"name":"w","version":"1"}}}',
    http(1, "sse"),
  );
  log.recordFrame(
    "outgoing",
    '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"big","arguments":{"pad":"' +
      "é".repeat(200) +
      '"}}}',
    { transport: "stdio" },
  );
  log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"method":"ping"}', { transport: "stdio" });
  log.recordFrame("incoming", '{"jsonrpc":"2.0","id":9,"result":{}}', { transport: "stdio" });
  log.recordFrame("incoming", "{oops", { transport: "stdio" });
  log.recordFrame(
    "outgoing",
    '[{"jsonrpc":"2.0","id":"b","method":"tools/list"},{"jsonrpc":"2.0","method":"notifications/x"}]',
    { transport: "memory" },
  );
  log.recordFrame("incoming", '[{"jsonrpc":"2.0","id":"b","error":{"code":-32601,"message":"nope"}}]', {
    transport: "memory",
  });
  log.append({ kind: "stderr", ts: now, line: "warming up" });
  log.append({
    kind: "http",
    ts: now,
    exchange: 2,
    phase: "failed",
    method: "GET",
    url: "https://api.example.com/mcp",
    headers: {},
    note: "connection reset",
  });
  log.event("body-cut-off", "warn", "slow server");
  return log;
}

const state = {
  config: httpConfig,
  protocolVersion: "2025-11-25",
  era: "legacy" as const,
  serverInfo: { name: "w", version: "1", title: "Weather" },
  serverCapabilities: { tools: { listChanged: true }, experimental: { "acme/x": { on: true } } },
  clientCapabilities: { sampling: {}, elicitation: { form: {} } },
  instructions: "Ask about weather.",
};

describe("recordings", () => {
  const log = busyLog();
  const recording = exportRecording(state, log, new Date("2026-09-01T10:00:00Z"));

  it("exports a versioned document with what was negotiated", () => {
    expect(recording).toMatchObject({ format: "mcp-lens-recording", v: 2, exportedAt: "2026-09-01T10:00:00.000Z" });
    const { config: _config, ...negotiated } = state;
    expect(recording.negotiated).toStrictEqual(negotiated);
    expect(recording.traffic).toHaveLength(log.entries.length);
  });

  it("redacts secrets in the connection", () => {
    const c = recording.connection as Extract<ConnectionConfig, { transport: "streamable-http" | "sse" }>;
    expect(c.headers.map((h) => h.value)).toEqual([REDACTED, REDACTED, REDACTED, REDACTED, "en"]);
    expect(c.url).toContain("region=eu");
    expect(JSON.stringify(recording)).not.toContain(SECRET);
    expect(httpConfig.headers[0]!.value).toContain(SECRET); // the live config is untouched
    expect(redactArgs(["--token=abc", "--api-key", "k", "--verbose", "file"])).toEqual([
      `--token=${REDACTED}`,
      "--api-key",
      REDACTED,
      "--verbose",
      "file",
    ]);
    expect(redactUrl("not a url")).toBe("not a url");
  });

  it("export → JSON.stringify → import is lossless, and the rebuilt log equals the original", () => {
    for (const text of [JSON.stringify(recording), serializeRecording(recording)]) {
      const read = parseRecording(text);
      if ("error" in read) throw new Error(read.error);
      expect(read.recording).toStrictEqual(recording);
      const rebuilt = recordingLog(read.recording);
      expect(rebuilt.entries).toStrictEqual(log.entries);
    }
    // Spot checks that the things worth keeping were there to keep.
    const frames = log.frames();
    expect(frames.some((f) => f.truncated)).toBe(true);
    expect(frames.filter((f) => f.problem).map((f) => f.problem)).toHaveLength(2);
    expect(frames[1]).toMatchObject({ pairedSeq: 1, latencyMs: 7.5 });
  });

  it("reports malformed files and never throws", () => {
    const good = JSON.parse(JSON.stringify(recording)) as Record<string, unknown>;
    const variants: [string, RegExp][] = [
      ["", /not valid JSON/],
      ["[".repeat(200_000), /not valid JSON|could not be read/],
      ["null", /format/],
      [JSON.stringify({ ...good, format: "har" }), /format/],
      [JSON.stringify({ ...good, v: 99 }), /newer MCP Lens/],
      [JSON.stringify({ ...good, v: "1" }), /version/],
      [JSON.stringify({ ...good, traffic: undefined }), /damaged at traffic/],
      [JSON.stringify({ ...good, traffic: [{ kind: "frame", seq: 0 }] }), /damaged at traffic\.0/],
      [JSON.stringify({ ...good, traffic: (good.traffic as unknown[]).slice(1) }), /seq/],
      [JSON.stringify({ ...good, negotiated: { clientCapabilities: {}, serverInfo: { name: 5 } } }), /serverInfo/],
      [JSON.stringify({ ...good, connection: { transport: "carrier-pigeon" } }), /damaged at connection/],
    ];
    for (const [text, message] of variants) {
      const read = parseRecording(text);
      expect("error" in read ? read.error : "parsed").toMatch(message);
    }
  });

  it("writes every event's source and code, and reads them back", () => {
    const events = recording.traffic.filter((e) => e.kind === "event");
    expect(events).toEqual([
      expect.objectContaining({ source: "transport", code: "body-cut-off", message: "slow server" }),
    ]);
    const read = parseRecording(serializeRecording(recording));
    if ("error" in read) throw new Error(read.error);
    expect(read.recording.traffic.filter((e) => e.kind === "event")).toEqual(events);
  });

  it("opens a v1 file (events without codes) by telling each event's code from its text", () => {
    const v1 = JSON.parse(serializeRecording(recording)) as { v: number; traffic: Record<string, unknown>[] };
    v1.v = 1;
    for (const e of v1.traffic) {
      if (e.kind !== "event") continue;
      delete e.source;
      delete e.code;
    }
    v1.traffic[v1.traffic.length - 1]!.message = "server process exited (code 3)";
    const read = parseRecording(JSON.stringify(v1));
    if ("error" in read) throw new Error(read.error);
    expect(read.recording.v).toBe(2);
    expect(read.recording.traffic.at(-1)).toMatchObject({
      kind: "event",
      level: "warn",
      source: "bridge",
      code: "process-exited",
      message: "server process exited (code 3)",
    });
  });

  it("refuses a v2 event without a known code, or with another source than its code's", () => {
    const doc = JSON.parse(serializeRecording(recording)) as { traffic: Record<string, unknown>[] };
    const last = doc.traffic.length - 1;
    const withEvent = (change: Record<string, unknown>) =>
      JSON.stringify({ ...doc, traffic: doc.traffic.map((e, i) => (i === last ? { ...e, ...change } : e)) });
    expect(parseRecording(withEvent({ code: "made-up" }))).toMatchObject({
      error: expect.stringMatching(new RegExp(`damaged at traffic\\.${last}\\.code`)),
    });
    expect(parseRecording(withEvent({ code: undefined }))).toMatchObject({
      error: expect.stringMatching(/damaged at traffic\.\d+\.code/),
    });
    expect(parseRecording(withEvent({ source: "bridge" }))).toMatchObject({
      error: expect.stringMatching(
        /damaged at traffic\.\d+\.source: event code "body-cut-off" is written by "transport", not "bridge"/,
      ),
    });
    expect(parseRecording(withEvent({ source: "elsewhere" }))).toMatchObject({
      error: expect.stringMatching(/damaged at traffic\.\d+\.source/),
    });
    expect(parseRecording(JSON.stringify({ ...doc, v: 0 }))).toMatchObject({
      error: 'The recording has no valid version ("v")',
    });
  });

  it("reads and replays in slices (so a big file never holds the page), with the same result", async () => {
    const text = serializeRecording(recording);
    const paced = await parseRecordingPaced(text);
    expect(paced).toStrictEqual(parseRecording(text));
    if ("error" in paced) throw new Error(paced.error);
    let yields = 0;
    const rebuilt = await runPaced(recordingLogSteps(paced.recording), async () => void yields++);
    expect(rebuilt.entries).toStrictEqual(log.entries);
    expect(yields).toBeGreaterThanOrEqual(log.entries.length);
    expect(
      await parseRecordingPaced(JSON.stringify({ ...JSON.parse(text), traffic: [{ kind: "frame", seq: 0 }] })),
    ).toMatchObject({ error: expect.stringMatching(/damaged at traffic\.0/) });
  });
});
