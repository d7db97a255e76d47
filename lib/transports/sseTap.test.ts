import { describe, expect, it } from "vitest";
import type { FrameEntry, SseEntry } from "../traffic";
import { TrafficLog } from "../traffic";
import { isError } from "../traffic";
import { SseBlockReader } from "./sseBlocks";
import { sseTap } from "./sseTap";

const enc = new TextEncoder();

function capture(chunks: string[]): TrafficLog {
  const log = new TrafficLog({ schedule: (f) => f() });
  log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x"}}', {
    transport: "http",
    exchange: 1,
    stream: "request-body",
  });
  const tap = sseTap(log, 1);
  for (const c of chunks) tap.chunk(enc.encode(c));
  tap.end();
  return log;
}

const sse = (log: TrafficLog) => log.entries.filter((e): e is SseEntry => e.kind === "sse");
const incoming = (log: TrafficLog) =>
  log.entries.filter((e): e is FrameEntry => e.kind === "frame" && e.direction === "incoming");

describe("SseBlockReader", () => {
  it("keeps comments, retry, ids and data lines; handles CRLF split across chunks and a BOM", () => {
    const reader = new SseBlockReader();
    const blocks = [
      ...reader.push("\uFEFF: hi\r"),
      ...reader.push("\nid: 7\r\ndata: a\r\ndata: b\r\n\r\nretry: 5\n\nfoo: bar\n\n"),
    ];
    expect(blocks).toEqual([
      { comments: ["hi"], id: "7", data: ["a", "b"], retry: [], unknown: [] },
      { comments: [], data: [], retry: ["5"], unknown: [] },
      { comments: [], data: [], retry: [], unknown: ["foo"] },
    ]);
    expect(reader.pending()).toBeUndefined();
  });

  it("reassembles a long data line from many chunks", () => {
    const reader = new SseBlockReader();
    const body = "x".repeat(100_000);
    const blocks = [];
    blocks.push(...reader.push("data: "));
    for (let i = 0; i < body.length; i += 1000) blocks.push(...reader.push(body.slice(i, i + 1000)));
    blocks.push(...reader.push("\n\n"));
    expect(blocks[0]?.data[0]?.length).toBe(100_000);
  });
});

describe("sseTap: every SSE shape the spec allows, shown for what it is", () => {
  it("a priming event (id, empty data) before the response is a grey entry, not an error (server-everything)", () => {
    const log = capture([
      "id: 123_0\ndata: \n\n",
      'id: 123_1\nevent: message\ndata: {"result":{"content":[]},"jsonrpc":"2.0","id":1}\n\n',
    ]);
    expect(sse(log)).toMatchObject([{ shape: "priming", id: "123_0" }]);
    expect(sse(log)[0]!.problem).toBeUndefined();
    expect(incoming(log).map((f) => f.rpc.type)).toEqual(["result"]);
    expect(incoming(log)[0]!.channel).toMatchObject({ sseId: "123_1" });
    expect(log.entries.filter(isError)).toEqual([]);
  });

  it("comments, retry, id-only and empty events are grey; multi-line data is one message", () => {
    const log = capture([
      ": keep-alive\n\n",
      "retry: 3000\n\n",
      "id: 9\n\n",
      "data:\n\n",
      'data: {"jsonrpc":"2.0",\ndata: "id":1,"result":{}}\n\n',
    ]);
    expect(sse(log).map((e) => [e.shape, e.retryMs, e.id, e.comments])).toEqual([
      ["comment", undefined, undefined, ["keep-alive"]],
      ["retry", 3000, undefined, undefined],
      ["id-only", undefined, "9", undefined],
      ["empty", undefined, undefined, undefined],
    ]);
    const [answer] = incoming(log);
    expect(answer).toMatchObject({ rpc: { type: "result", id: 1 }, channel: { dataLines: 2 } });
    expect(answer!.problem).toBeUndefined();
    expect(log.entries.filter(isError)).toEqual([]);
  });

  it("malformed SSE is still flagged: data that is not JSON, an invalid retry, unknown fields, a message in a named event", () => {
    const log = capture([
      "data: {oops\n\n",
      "retry: soon\n\n",
      "colour: red\n\n",
      'event: notice\ndata: {"jsonrpc":"2.0","method":"notifications/message","params":{}}\n\n',
      'retry: 1x\ndata: {"jsonrpc":"2.0","id":1,"result":{}}\n\n',
    ]);
    expect(incoming(log).map((f) => f.rpc.type)).toEqual(["invalid-json", "result"]);
    expect(incoming(log)[1]!.problem).toMatch(/invalid retry value "1x"/);
    expect(sse(log).map((e) => [e.shape, e.problem])).toEqual([
      ["retry", expect.stringMatching(/invalid retry value "soon"/)],
      ["ignored", expect.stringMatching(/field the SSE format does not define: "colour"/)],
      ["ignored", expect.stringMatching(/event of type "notice".*never reaches it/)],
    ]);
    expect(log.entries.filter(isError)).toHaveLength(5);
  });

  it("an event left open when the stream ends is recorded cut and flagged", () => {
    const log = capture(['id: 1\ndata: {"jsonrpc":"2.0","id":1,"res']);
    expect(incoming(log)[0]).toMatchObject({ rpc: { type: "invalid-json" }, problem: expect.stringMatching(/^cut: /) });
  });
});
