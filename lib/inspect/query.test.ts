import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { compileQuery, parseQuery, queryMatcher } from "./query";
import { FrameValidator } from "./validate";

describe("parseQuery", () => {
  it("parses keys, negation, comparisons, quotes and free text", () => {
    const q = parseQuery(
      'method:tools/call is:error duration:>500ms dir:in kind:notification is:invalid id:5 "free text" -method:ping size:>10kb status:>=400 latency:<=2s word',
    );
    expect(q.errors).toEqual([]);
    expect(q.terms.map(({ start: _s, end: _e, ...t }) => t)).toEqual([
      { key: "method", pattern: "tools/call", negate: false },
      { key: "is", value: "error", negate: false },
      { key: "duration", op: ">", ms: 500, negate: false },
      { key: "dir", value: "in", negate: false },
      { key: "kind", value: "notification", negate: false },
      { key: "is", value: "invalid", negate: false },
      { key: "id", value: "5", negate: false },
      { key: "text", value: "free text", negate: false },
      { key: "method", pattern: "ping", negate: true },
      { key: "size", op: ">", bytes: 10 * 1024, negate: false },
      { key: "status", op: ">=", value: 400, negate: false },
      { key: "duration", op: "<=", ms: 2000, negate: false },
      { key: "text", value: "word", negate: false },
    ]);
  });

  it("keeps positions, and reads quoted values and escapes", () => {
    const text = ' -text:"a \\"b\\" c"  id:"x y"';
    const q = parseQuery(text);
    expect(q.terms[0]).toEqual({ key: "text", value: 'a "b" c', negate: true, start: 1, end: 18 });
    expect(text.slice(1, 18)).toBe('-text:"a \\"b\\" c"');
    expect(q.terms[1]).toMatchObject({ key: "id", value: "x y", start: 20, end: 28 });
  });

  it("reports malformed terms with their position and never throws", () => {
    const text = 'colour:red dir:up duration:fast size:>1zb status:abc method: - "open';
    const q = parseQuery(text);
    expect(q.errors.map((e) => text.slice(e.start, e.end))).toEqual([
      "colour:red",
      "dir:up",
      "duration:fast",
      "size:>1zb",
      "status:abc",
      "method:",
      "-",
      '"open',
    ]);
    expect(q.errors[0]?.message).toMatch(/Unknown key "colour"/);
    expect(q.errors[6]?.message).toMatch(/lone -/);
    expect(q.errors[7]?.message).toMatch(/closing quote/);
    // The unterminated quote still searches for what it holds.
    expect(q.terms).toEqual([{ key: "text", value: "open", negate: false, start: 63, end: 68 }]);
    for (const junk of ['"', ":", "::::", "-", '-"', "a:b:c", "\\", "is:", "🙂:x"])
      expect(() => parseQuery(junk)).not.toThrow();
  });

  it("takes a bare comparison as at least (duration, size) or exactly (status)", () => {
    expect(parseQuery("duration:1.5s size:2mb status:404").terms.map((t) => ("op" in t ? t.op : ""))).toEqual([
      ">=",
      ">=",
      "=",
    ]);
  });
});

function sampleLog() {
  let now = 0;
  const log = new TrafficLog({ now: () => now, schedule: () => {} });
  const frame = (direction: "outgoing" | "incoming", raw: unknown, at: number) => {
    now = at;
    return log.recordFrame(direction, typeof raw === "string" ? raw : JSON.stringify(raw), { transport: "stdio" }).entry
      .seq;
  };
  const seqs = {
    listReq: frame("outgoing", { jsonrpc: "2.0", id: 1, method: "tools/list" }, 0),
    listRes: frame("incoming", { jsonrpc: "2.0", id: 1, result: { tools: [{ name: "echo" }] } }, 20),
    callReq: frame("outgoing", { jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "slow" } }, 100),
    callErr: frame("incoming", { jsonrpc: "2.0", id: 5, error: { code: -32603, message: "boom" } }, 900),
    progress: frame(
      "incoming",
      { jsonrpc: "2.0", method: "notifications/progress", params: { progressToken: 1, progress: 1 } },
      901,
    ),
    pingReq: frame("outgoing", { jsonrpc: "2.0", id: 6, method: "ping" }, 1000),
    garbage: frame("incoming", "not json at all", 1001),
    http: log.append({
      kind: "http",
      ts: 1002,
      exchange: 1,
      phase: "response",
      method: "POST",
      url: "http://x/mcp",
      status: 404,
      headers: {},
      durationMs: 700,
    }).seq,
    stderr: log.append({ kind: "stderr", ts: 1003, line: "server says hello" }).seq,
  };
  return { log, seqs };
}

describe("compileQuery on a TrafficLog", () => {
  const { log, seqs } = sampleLog();
  const run = (text: string, options = {}) => {
    const predicate = compileQuery(parseQuery(text), options);
    return log.entries.filter((e) => predicate(e, log)).map((e) => e.seq);
  };

  it("matches methods, by glob, on requests and on their responses", () => {
    expect(run("method:tools/list")).toEqual([seqs.listReq, seqs.listRes]);
    expect(run("method:tools/*")).toEqual([seqs.listReq, seqs.listRes, seqs.callReq, seqs.callErr]);
    expect(run("method:notifications/*")).toEqual([seqs.progress]);
    expect(run("method:tools/* -method:tools/list")).toEqual([seqs.callReq, seqs.callErr]);
  });

  it("matches direction, kind, id and pending", () => {
    expect(run("dir:out")).toEqual([seqs.listReq, seqs.callReq, seqs.pingReq]);
    expect(run("kind:response")).toEqual([seqs.listRes, seqs.callErr]);
    expect(run("kind:error")).toEqual([seqs.callErr]);
    expect(run("kind:http")).toEqual([seqs.http]);
    expect(run("kind:stderr")).toEqual([seqs.stderr]);
    expect(run("id:5")).toEqual([seqs.callReq, seqs.callErr]);
    expect(run("is:pending")).toEqual([seqs.pingReq]);
  });

  it("compares durations (an exchange's latency, HTTP duration), sizes and HTTP status", () => {
    expect(run("duration:>500ms")).toEqual([seqs.callReq, seqs.callErr, seqs.http]);
    expect(run("latency:<0.1s kind:response")).toEqual([seqs.listRes]);
    expect(run("size:>60")).toEqual([seqs.listRes, seqs.callReq, seqs.callErr, seqs.progress]);
    expect(run("status:>=400")).toEqual([seqs.http]);
    expect(run("status:200")).toEqual([]);
  });

  it("matches errors, invalid frames (with and without a validator) and free text", () => {
    expect(run("is:error")).toEqual([seqs.callErr, seqs.garbage, seqs.http]);
    expect(run("is:invalid")).toEqual([seqs.garbage]);
    const validator = new FrameValidator(log, { protocolVersion: () => "2025-11-25" });
    // The schema sees what the classification cannot: the listed tool has no inputSchema.
    expect(run("is:invalid", { validity: validator.status })).toEqual([seqs.listRes, seqs.garbage]);
    expect(run('"server says"')).toEqual([seqs.stderr]);
    expect(run("boom dir:in")).toEqual([seqs.callErr]);
    expect(run("-kind:http -kind:stderr -dir:out -dir:in")).toEqual([]);
    expect(run("")).toHaveLength(log.entries.length);
  });

  it("binds to a log and still applies the valid terms of a query with errors", () => {
    const { match, errors } = queryMatcher("dir:sideways method:ping", log);
    expect(errors).toHaveLength(1);
    expect(log.entries.filter((e) => match!(e)).map((e) => e.seq)).toEqual([seqs.pingReq]);
    expect(queryMatcher("  ", log).match).toBeNull();
  });
});
