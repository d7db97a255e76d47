import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { ConnectionWatch } from "./connectionWatch";

const URL = "http://127.0.0.1:9/mcp";

function exchange(
  log: TrafficLog,
  request: Record<string, string>,
  answer: { status?: number; failed?: string; body?: string },
) {
  const x = log.newExchange();
  log.append({ kind: "http", ts: 0, exchange: x, phase: "request", method: "POST", url: URL, headers: request });
  if (answer.failed)
    log.append({
      kind: "http",
      ts: 0,
      exchange: x,
      phase: "failed",
      method: "POST",
      url: URL,
      headers: {},
      note: answer.failed,
    });
  else
    log.append({
      kind: "http",
      ts: 0,
      exchange: x,
      phase: "response",
      method: "POST",
      url: URL,
      status: answer.status,
      headers: {},
    });
  if (answer.body) log.recordFrame("incoming", answer.body, { transport: "http", exchange: x, stream: "json-body" });
}

describe("ConnectionWatch", () => {
  it("a refused request of this session is a loss; one of another session is not", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const watch = new ConnectionWatch(() => "live", URL, 0);
    exchange(log, { "mcp-session-id": "other" }, { failed: "ECONNREFUSED" });
    expect(watch.scan(log.entries)).toBeUndefined();
    exchange(log, { "mcp-session-id": "live" }, { failed: "fetch failed: ECONNREFUSED" });
    expect(watch.scan(log.entries)).toEqual({ kind: "unreachable", detail: "fetch failed: ECONNREFUSED" });
  });

  it("404 for the live session id is a loss; 400 only when its body names the session", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const watch = new ConnectionWatch(() => "live", URL, 0);
    exchange(
      log,
      { "mcp-session-id": "live" },
      { status: 400, body: '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}' },
    );
    expect(watch.scan(log.entries)).toBeUndefined();
    exchange(
      log,
      { "mcp-session-id": "live" },
      {
        status: 400,
        body: '{"jsonrpc":"2.0","error":{"code":-32000,"message":"Bad Request: No valid session ID provided"},"id":null}',
      },
    );
    expect(watch.scan(log.entries)).toMatchObject({
      kind: "session-unknown",
      status: 400,
      sessionId: "live",
      detail: "Bad Request: No valid session ID provided",
    });
    const again = new ConnectionWatch(() => "live", URL, log.entries.length);
    exchange(log, { "mcp-session-id": "live" }, { status: 404 });
    expect(again.scan(log.entries)).toMatchObject({ kind: "session-unknown", status: 404 });
  });

  it("a sessionless connection (2026-07-28) is lost when a request to its URL gets no answer", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const watch = new ConnectionWatch(() => undefined, URL, 0);
    exchange(log, {}, { status: 404 });
    expect(watch.scan(log.entries)).toBeUndefined();
    exchange(log, {}, { failed: "ECONNRESET" });
    expect(watch.scan(log.entries)).toMatchObject({ kind: "unreachable" });
  });
});
