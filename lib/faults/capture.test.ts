import { errorMessage } from "../base";
/**
 * Both capture points under broken input, without processes: the HTTP one with cut bodies, bytes that
 * are not UTF-8 and odd line endings; the stdio one with the bridge's events after an over-long line.
 */
import type { JSONRPCMessage } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import type { BridgeEvent } from "../base";
import { TrafficLog } from "../traffic";
import { BridgeStdioTransport } from "../transports";
import { capturingFetch } from "../transports";
import { waitFor } from "../testing";

const syncLog = () => new TrafficLog({ schedule: (f) => f() });
const enc = new TextEncoder();

/** A body that sends `chunks`, then either ends or breaks off with `error`. */
function body(chunks: (string | Uint8Array)[], error?: Error): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    // One chunk per read, so the error comes only after every chunk was read (erroring drops what is queued).
    pull(c) {
      const ch = chunks[next++];
      if (ch !== undefined) c.enqueue(typeof ch === "string" ? enc.encode(ch) : ch);
      else if (error) c.error(error);
      else c.close();
    },
  });
}

async function capture(
  chunks: (string | Uint8Array)[],
  contentType: string,
  options: { error?: Error; signal?: AbortSignal } = {},
) {
  const log = syncLog();
  const f = capturingFetch(
    log,
    async () => new Response(body(chunks, options.error), { status: 200, headers: { "content-type": contentType } }),
  );
  const res = await f("http://127.0.0.1:1/mcp", {
    method: "POST",
    body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    signal: options.signal,
  });
  const text = await res.text().catch((e: unknown) => `threw: ${errorMessage(e)}`);
  const incoming = log.frames().filter((e) => e.direction === "incoming");
  const events = log.entries.flatMap((e) => (e.kind === "event" ? [e.message] : []));
  const codes = log.entries.flatMap((e) => (e.kind === "event" ? [`${e.source}/${e.code}`] : []));
  return { text, incoming, events, codes };
}

describe("capturingFetch with broken bodies", () => {
  it("an SSE stream that breaks off mid-event: the consumer sees the error, the log keeps the half event flagged as cut", async () => {
    const { text, incoming, events, codes } = await capture(
      ['data: {"jsonrpc":"2.0","id":1,"result":{}}\n\n', 'event: message\ndata: {"jsonrpc":"2.0","id":2,"res'],
      "text/event-stream",
      { error: new TypeError("terminated") },
    );
    expect(text).toBe("threw: terminated");
    expect(incoming.map((f) => [f.rpc.type, f.problem])).toEqual([
      ["result", undefined],
      ["invalid-json", "cut: the SSE stream stopped before this event was complete (the client never received it)"],
    ]);
    expect(incoming[1]?.raw).toBe('{"jsonrpc":"2.0","id":2,"res');
    expect(events).toEqual([
      "the SSE stream broke off (terminated) in the middle of an event: the client never received it",
    ]);
    expect(codes).toEqual(["transport/sse-event-cut"]);
  });

  it("an SSE stream that breaks off between events is noted, with no invented frame", async () => {
    const { incoming, events, codes } = await capture(
      ['data: {"jsonrpc":"2.0","id":1,"result":{}}\r\n\r\n: keep-alive\r\n'],
      "text/event-stream",
      { error: new TypeError("terminated") },
    );
    expect(incoming).toHaveLength(1);
    expect(events).toEqual(["the SSE stream broke off (terminated)"]);
    expect(codes).toEqual(["transport/sse-broke-off"]);
  });

  it("an SSE stream that ends cleanly, with CRLF, CR or LF line endings, leaves no warning", async () => {
    const { incoming, events } = await capture(
      [
        'data: {"jsonrpc":"2.0","method":"a"}\r\n',
        '\r\ndata: {"jsonrpc":"2.0","method":"b"}\r\r',
        'data: {"jsonrpc":"2.0","method":"c"}\n\n: bye\n',
      ],
      "text/event-stream",
    );
    expect(incoming.map((f) => f.rpc.type === "notification" && f.rpc.method)).toEqual(["a", "b", "c"]);
    expect(events).toEqual([]);
  });

  it("an SSE stream that ends without the last event's blank line says the event was never delivered", async () => {
    const { incoming, events, codes } = await capture(['data: {"jsonrpc":"2.0","method":"a"}\n'], "text/event-stream");
    expect(incoming).toMatchObject([
      { rpc: { type: "notification", method: "a" }, problem: expect.stringMatching(/^cut:/) },
    ]);
    expect(events).toEqual(["the SSE stream ended in the middle of an event: the client never received it"]);
    expect(codes).toEqual(["transport/sse-event-cut"]);
  });

  it("a body the client aborted itself is not reported as cut", async () => {
    const controller = new AbortController();
    controller.abort();
    const { incoming, events } = await capture(['data: {"jsonrpc":"2.0",'], "text/event-stream", {
      error: new DOMException("aborted", "AbortError"),
      signal: controller.signal,
    });
    expect(incoming).toEqual([]);
    expect(events).toEqual([]);
  });

  it("a JSON body that breaks off is logged as far as it came, flagged as cut", async () => {
    const { incoming, events, codes } = await capture(['{"jsonrpc":"2.0","id":1,"res'], "application/json", {
      error: new TypeError("terminated"),
    });
    expect(incoming).toMatchObject([
      {
        raw: '{"jsonrpc":"2.0","id":1,"res',
        rpc: { type: "invalid-json" },
        problem: "cut: the response body broke off before it was complete",
      },
    ]);
    expect(events).toEqual(["the response body broke off after 28 characters (terminated)"]);
    expect(codes).toEqual(["transport/body-cut-off"]);
  });

  it("flags bytes that are not UTF-8, even split across chunks, but not a U+FFFD the server really sent", async () => {
    const bad = await capture(
      [enc.encode('{"jsonrpc":"2.0","method":"x","params":{"t":"'), new Uint8Array([0xe2, 0x82]), enc.encode('"}}')],
      "application/json",
    );
    expect(bad.incoming[0]).toMatchObject({
      rpc: { type: "notification" },
      problem: "invalid UTF-8: bytes that are not UTF-8 are shown as U+FFFD",
    });
    const split = await capture(
      [
        new Uint8Array([...enc.encode('data: {"jsonrpc":"2.0","method":"\u20ac'.slice(0, -1)), 0xe2, 0x82]),
        new Uint8Array([0xac, ...enc.encode('"}\n\n')]),
      ],
      "text/event-stream",
    );
    expect(split.incoming[0]).toMatchObject({ raw: '{"jsonrpc":"2.0","method":"\u20ac"}' });
    expect(split.incoming[0]?.problem).toBeUndefined();
    const genuine = await capture(['{"jsonrpc":"2.0","method":"\uFFFD"}'], "application/json");
    expect(genuine.incoming[0]?.problem).toBeUndefined();
  });
});

/** A stdio transport whose bridge replays `events` (after `spawned`), then ends the stream. */
async function replay(events: BridgeEvent[]) {
  const log = syncLog();
  const ndjson = [{ type: "spawned", id: "x", pid: 1 } satisfies BridgeEvent, ...events]
    .map((e) => JSON.stringify(e) + "\n")
    .join("");
  const fetch = async (_url: string | URL, init?: RequestInit) =>
    init?.method === "DELETE" ? new Response(null, { status: 204 }) : new Response(ndjson, { status: 200 });
  const transport = new BridgeStdioTransport(
    { url: "/api/bridge/stdio", token: "t", fetch },
    { command: "x", args: [], env: {} },
    log,
  );
  const delivered: JSONRPCMessage[] = [];
  const errors: string[] = [];
  let closed = false;
  transport.onmessage = (m) => delivered.push(m);
  transport.onerror = (e) => errors.push(e.message);
  transport.onclose = () => (closed = true);
  await transport.start();
  await waitFor(() => closed, 5000, 5);
  const incoming = log.frames().filter((f) => f.direction === "incoming");
  return { log, delivered, errors, incoming, exit: transport.exit };
}

describe("BridgeStdioTransport with a misbehaving line", () => {
  const big = (text: string) => text + "x".repeat(9 * 1024 * 1024);

  it("a line over the log's limit whose head looks like a result but which is no JSON: parsed whole, logged as invalid JSON, not delivered", async () => {
    const { delivered, errors, incoming } = await replay([
      { type: "stdout", line: big('{"jsonrpc":"2.0","id":1,"result":{"t":"') },
    ]);
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ truncated: true, size: 9 * 1024 * 1024 + 39, rpc: { type: "invalid-json" } });
    expect(delivered).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/^the server wrote a line that is not JSON-RPC \(/)]);
  });

  it("a 12 MB answer with its id last (SDK 1.x key order): logged cut as a result, delivered whole", async () => {
    const text = "y".repeat(12 * 1024 * 1024);
    const line = JSON.stringify({ result: { content: [{ type: "text", text }] }, jsonrpc: "2.0", id: 7 });
    const { delivered, errors, incoming } = await replay([{ type: "stdout", line }]);
    expect(incoming[0]).toMatchObject({ truncated: true, rpc: { type: "result", id: 7 } });
    expect(incoming[0]!.raw.length).toBe(8 * 1024 * 1024);
    expect(errors).toEqual([]);
    expect(delivered).toHaveLength(1);
    expect(
      (delivered[0] as unknown as { result: { content: { text: string }[] } }).result.content[0]!.text.length,
    ).toBe(text.length);
  });

  it("after an over-long-line error: the error is logged once, and a later line (a remnant) is flagged, not delivered", async () => {
    const error: BridgeEvent = {
      type: "error",
      message: "The server wrote a line on stdout exceeded 16 MiB; the connection was closed.",
      hint: "One message per line.",
    };
    const { log, delivered, incoming, exit } = await replay([
      error,
      error,
      error,
      { type: "stdout", line: '{"jsonrpc":"2.0","id":1,"result":{}}' },
      { type: "exit", code: 0, signal: null },
    ]);
    expect(
      log.entries.filter((e) => e.kind === "event" && e.level === "error" && e.message.includes("exceeded 16 MiB")),
    ).toMatchObject([{ source: "bridge", code: "bridge-error" }]);
    expect(delivered).toEqual([]);
    // (No request was sent here, so the log's pairing also calls it a response to no request.)
    expect(incoming[0]?.problem).toContain(
      "not delivered: it came after the bridge closed the connection (The server wrote a line on stdout exceeded 16 MiB; the connection was closed.)",
    );
    expect(exit).toMatchObject({ code: 0, error: { message: error.message } });
  });

  it("a line with U+FFFD is delivered and flagged: the bridge decoded it, so bad bytes cannot be told from a real U+FFFD", async () => {
    const { delivered, incoming } = await replay([
      { type: "stdout", line: '{"jsonrpc":"2.0","method":"m","params":{"t":"\uFFFD"}}' },
    ]);
    expect(delivered).toHaveLength(1);
    expect(incoming[0]?.problem).toBe(
      "contains U+FFFD: bytes that were not valid UTF-8 were replaced on decoding (or the server sent U+FFFD itself)",
    );
  });
});
