import { describe, expect, it } from "vitest";
import { TrafficLog } from "./log";

const stdio = { transport: "stdio" } as const;
const syncLog = () => new TrafficLog({ schedule: (f) => f() });

describe("TrafficLog capture", () => {
  it("records a frame that is not JSON, raw and marked", () => {
    const log = syncLog();
    const { entry } = log.recordFrame("incoming", "hello, I am not MCP", stdio);
    expect(entry.raw).toBe("hello, I am not MCP");
    expect(entry.rpc.type).toBe("invalid-json");
    expect(log.entries).toHaveLength(1);
  });

  it("records JSON that is not JSON-RPC, with the reason", () => {
    const log = syncLog();
    expect(log.recordFrame("incoming", '{"hello":"world"}', stdio).entry.rpc).toEqual({
      type: "not-jsonrpc",
      reason: 'missing "jsonrpc": "2.0"',
    });
    expect(log.recordFrame("incoming", '{"jsonrpc":"2.0","id":{"x":1},"method":"m"}', stdio).entry.rpc.type).toBe(
      "not-jsonrpc",
    );
    expect(
      log.recordFrame("incoming", '{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1}}', stdio).entry.rpc,
    ).toMatchObject({ reason: "has both result and error" });
    expect(log.recordFrame("incoming", "42", stdio).entry.rpc.type).toBe("not-jsonrpc");
  });

  it("pairs requests with responses both ways and measures latency", () => {
    let now = 1000;
    const log = new TrafficLog({ now: () => now, schedule: (f) => f() });
    const req = log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', stdio).entry;
    now = 1012.5;
    const res = log.recordFrame("incoming", '{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}', stdio).entry;
    expect(res.pairedSeq).toBe(req.seq);
    expect(req.pairedSeq).toBe(res.seq);
    expect(res.latencyMs).toBe(12.5);
    // A server-to-client request answered by the client; ids are per direction.
    const sreq = log.recordFrame("incoming", '{"jsonrpc":"2.0","id":1,"method":"ping"}', stdio).entry;
    const sres = log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"result":{}}', stdio).entry;
    expect(sres.pairedSeq).toBe(sreq.seq);
  });

  it("flags a response to no request, a second response and a duplicate id", () => {
    const log = syncLog();
    expect(log.recordFrame("incoming", '{"jsonrpc":"2.0","id":7,"result":{}}', stdio).entry.problem).toMatch(
      /response to no request/,
    );
    log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":"a","method":"ping"}', stdio);
    expect(log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":"a","method":"ping"}', stdio).entry.problem).toMatch(
      /duplicate request id/,
    );
    log.recordFrame("incoming", '{"jsonrpc":"2.0","id":"a","result":{}}', stdio);
    expect(log.recordFrame("incoming", '{"jsonrpc":"2.0","id":"a","result":{}}', stdio).entry.problem).toMatch(
      /second response/,
    );
  });

  it("keeps ids of different types apart", () => {
    const log = syncLog();
    log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":1,"method":"ping"}', stdio);
    expect(log.recordFrame("incoming", '{"jsonrpc":"2.0","id":"1","result":{}}', stdio).entry.problem).toMatch(
      /no request/,
    );
  });

  it("classifies batches element by element and pairs their members", () => {
    const log = syncLog();
    log.recordFrame("outgoing", '[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"n"}]', stdio);
    const res = log.recordFrame("incoming", '[{"jsonrpc":"2.0","id":1,"result":{}}]', stdio).entry;
    expect(res.rpc).toEqual({ type: "batch", items: [{ type: "result", id: 1 }] });
    expect(res.problem).toBeUndefined();
  });

  it("stores a huge frame cut but with its real size, and tells listeners once per flush", () => {
    const flushes: (() => void)[] = [];
    const log = new TrafficLog({ frameLimit: 100, schedule: (f) => flushes.push(f) });
    let told = 0;
    log.subscribe(() => told++);
    const big = `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"x":"${"é".repeat(500)}"}}`;
    const { entry } = log.recordFrame("outgoing", big, stdio);
    log.recordFrame("incoming", '{"jsonrpc":"2.0","id":3,"result":{}}', stdio);
    expect(entry.truncated).toBe(true);
    expect(entry.raw).toHaveLength(100);
    expect(entry.size).toBe(new TextEncoder().encode(big).length);
    expect(entry.rpc).toEqual({ type: "request", id: 3, method: "tools/call" });
    expect(told).toBe(0);
    flushes.forEach((f) => f());
    expect(told).toBe(1);
  });

  it("a frame over the storage limit is parsed whole (classified, paired, value returned) and stored cut", () => {
    const log = new TrafficLog({ schedule: (f) => f(), frameLimit: 100 });
    log.recordFrame("outgoing", '{"jsonrpc":"2.0","id":"a","method":"resources/read"}', stdio);
    const line = JSON.stringify({ result: { text: "z".repeat(500) }, jsonrpc: "2.0", id: "a" });
    const { entry, value } = log.recordFrame("incoming", line, stdio);
    expect(entry).toMatchObject({ truncated: true, size: line.length, rpc: { type: "result", id: "a" }, pairedSeq: 0 });
    expect(entry.raw).toHaveLength(100);
    expect(value).toEqual(JSON.parse(line));
  });

  it("a frame too big to parse is classified from its head, or from its tail when the id comes last", () => {
    const log = new TrafficLog({ schedule: (f) => f(), frameLimit: 100, fullParseLimit: 1000 });
    const idLast = JSON.stringify({ result: { text: "z".repeat(5000), nested: { id: 99 } }, jsonrpc: "2.0", id: 3 });
    expect(log.recordFrame("incoming", idLast, stdio)).toMatchObject({
      entry: { rpc: { type: "result", id: 3 } },
      value: undefined,
    });
    const idFirst = JSON.stringify({ jsonrpc: "2.0", id: 4, result: { text: "z".repeat(5000) } });
    expect(log.recordFrame("incoming", idFirst, stdio).entry.rpc).toEqual({ type: "result", id: 4 });
    // A nested "id" near the head is not taken for the message's.
    const nested = JSON.stringify({ result: { items: [{ id: 5 }], text: "z".repeat(5000) }, jsonrpc: "2.0" });
    expect(log.recordFrame("incoming", nested, stdio).entry.rpc.type).toBe("not-jsonrpc");
  });
});
