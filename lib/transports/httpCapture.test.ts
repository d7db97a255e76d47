import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { capturingFetch } from "./httpCapture";

const syncLog = () => new TrafficLog({ schedule: (f) => f() });

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
}

describe("capturingFetch (the HTTP capture point)", () => {
  it("records the request body and each SSE event, split across chunks, before the consumer reads them", async () => {
    const log = syncLog();
    const inner = async () =>
      new Response(
        stream([
          'event: message\ndata: {"jsonrpc":"2.0","id":1,',
          '"result":{}}\n\n',
          "data: not json\n\n",
          "event: endpoint\ndata: /messages?s=1\n\n",
        ]),
        {
          status: 200,
          headers: { "content-type": "text/event-stream", "mcp-session-id": "abc" },
        },
      );
    const f = capturingFetch(log, inner);
    const res = await f("http://127.0.0.1:1/mcp", {
      method: "POST",
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
      headers: { authorization: "Bearer secret" },
    });
    const text = await res.text();
    expect(text).toContain("not json"); // the consumer gets the bytes unchanged
    const frames = log.entries.filter((e) => e.kind === "frame");
    expect(frames.map((f) => (f.kind === "frame" ? [f.direction, f.rpc.type] : []))).toEqual([
      ["outgoing", "request"],
      ["incoming", "result"],
      ["incoming", "invalid-json"],
    ]);
    const http = log.entries.filter((e) => e.kind === "http");
    expect(http[0]).toMatchObject({ phase: "request", method: "POST", headers: { authorization: "[redacted]" } });
    expect(http[1]).toMatchObject({ phase: "response", status: 200, headers: { "mcp-session-id": "abc" } });
    expect(log.entries.find((e) => e.kind === "sse")).toMatchObject({ shape: "endpoint", data: "/messages?s=1" });
    expect(frames[1]!.kind === "frame" && frames[1]!.pairedSeq).toBe(frames[0]!.seq);
  });

  it("records a JSON body, even on an HTTP error status", async () => {
    const log = syncLog();
    const f = capturingFetch(
      log,
      async () =>
        new Response('{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Bad Request: no session"}}', {
          status: 400,
          headers: { "content-type": "application/json" },
        }),
    );
    await (await f("http://x/mcp", { method: "POST", body: "{}" })).text();
    const last = log.entries.at(-1)!;
    expect(last.kind === "frame" && last.rpc).toMatchObject({ type: "error", code: -32000 });
  });

  it("notes what came back when it is not MCP (an HTML page) and still hands it over", async () => {
    const log = syncLog();
    const f = capturingFetch(
      log,
      async () =>
        new Response("<!doctype html><title>Hi</title><p>Welcome</p>", {
          status: 200,
          headers: { "content-type": "text/html" },
        }),
    );
    const res = await f("http://x/", { method: "POST", body: "{}" });
    expect(await res.text()).toContain("Welcome");
    const http = log.entries.find((e) => e.kind === "http" && e.phase === "response");
    expect(http?.kind === "http" && http.note).toMatch(/^an HTML page: .*Welcome/);
  });

  it("records a network failure as a failed exchange and rethrows it", async () => {
    const log = syncLog();
    const f = capturingFetch(log, async () => {
      throw new TypeError("fetch failed: ECONNREFUSED");
    });
    await expect(f("http://127.0.0.1:1/mcp", { method: "GET" })).rejects.toThrow("ECONNREFUSED");
    expect(log.entries.at(-1)).toMatchObject({ kind: "http", phase: "failed", note: "fetch failed: ECONNREFUSED" });
  });
});
