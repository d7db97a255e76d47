/**
 * Fault tests over Streamable HTTP: the misbehaving fixture (a child process, stopped by its pid)
 * reached through the real relay handler. A witness session to a second, benign fixture goes through
 * the same relay during the fault and must still work; no process or relayed request is left.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InspectorSession } from "../session";
import type { HttpEntry } from "../traffic";
import type { TrafficLog } from "../traffic";
import { isError } from "../traffic";
import {
  Sessions,
  call,
  events,
  expectNothingLeft,
  expectStillWorks,
  httpConfig,
  incoming,
  requestId,
  startHttpFixture,
  outcomeText,
  toolCallFrame,
} from "../testing";
import { descendants, waitFor, type Started } from "../testing";

const sessions = new Sessions();
let witnessServer: Started & { url: string };
let server: (Started & { url: string }) | undefined;
let baseline: number[] = [];

beforeAll(async () => {
  witnessServer = await startHttpFixture();
});
afterAll(async () => {
  await witnessServer?.stop();
});
beforeEach(() => {
  baseline = descendants(process.pid);
});
afterEach(async () => {
  await sessions.closeAll();
  await server?.stop();
  server = undefined;
});

/** A fresh misbehaving server, a session to it, and a witness session to the benign one. */
async function pair(): Promise<{ faulty: InspectorSession; witness: InspectorSession }> {
  server = await startHttpFixture();
  const [faulty, witness] = await Promise.all([
    sessions.connect(httpConfig(server.url)),
    sessions.connect(httpConfig(witnessServer.url)),
  ]);
  return { faulty, witness };
}

async function finish(witness: InspectorSession): Promise<void> {
  await expectStillWorks(witness);
  await sessions.closeAll();
  await server?.stop();
  await expectNothingLeft(baseline);
}

/** The HTTP response (or failure) entry of the exchange that carried the tools/call for `tool`. */
function exchangeOf(log: TrafficLog, tool: string): HttpEntry | undefined {
  const request = toolCallFrame(log, tool);
  const exchange = request?.channel.transport === "http" ? request.channel.exchange : undefined;
  return log.entries.find((e): e is HttpEntry => e.kind === "http" && e.exchange === exchange && e.phase !== "request");
}

function depthOf(value: unknown): number {
  let depth = 0;
  for (let node = value; Array.isArray(node); node = node[0]) depth++;
  return depth;
}

describe("misbehaving Streamable HTTP server, through the relay", () => {
  it("exit-mid-call: the call fails with the relay's reason, the exchange is logged as failed", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "exit-mid-call");
    expect(outcome).toMatchObject({ kind: "failed", message: expect.stringMatching(/closed the connection/) });
    expect(exchangeOf(faulty.log, "exit-mid-call")).toMatchObject({
      phase: "failed",
      note: expect.stringMatching(/closed the connection/),
    });
    await waitFor(() => server!.child.exitCode !== null);
    expect(server!.child.exitCode).toBe(7);
    await finish(witness);
  });

  it("hang: the call times out; disconnect aborts the hung upstream request", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "hang", {}, 1500);
    expect(outcome).toMatchObject({
      kind: "failed",
      message: expect.stringMatching(/^Timed out: no result and no progress for 1500 ms\./),
    });
    expect(toolCallFrame(faulty.log, "hang")?.pairedSeq).toBeUndefined();
    expect(exchangeOf(faulty.log, "hang")).toBeUndefined(); // no response ever came
    const cancelled = faulty.log
      .frames()
      .find(
        (f) =>
          f.direction === "outgoing" && f.rpc.type === "notification" && f.rpc.method === "notifications/cancelled",
      );
    expect(cancelled?.raw).toContain(`"requestId":${JSON.stringify(requestId(toolCallFrame(faulty.log, "hang")))}`);
    await finish(witness); // includes: no relayed request still in flight
  });

  it("non-json: each bad SSE event is logged raw and classified, the call still gets its answer", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "non-json");
    expect(outcomeText(outcome)).toBe("answered after 3 events that are not JSON-RPC");
    const bad = incoming(faulty.log).filter((f) => f.rpc.type === "invalid-json" || f.rpc.type === "not-jsonrpc");
    expect(bad.map((f) => [f.raw, f.rpc.type, f.channel])).toEqual([
      ["this is not JSON at all", "invalid-json", expect.objectContaining({ stream: "sse" })],
      ['{"jsonrpc": "2.0", oops', "invalid-json", expect.objectContaining({ stream: "sse" })],
      ['{"hello":"world"}', "not-jsonrpc", expect.objectContaining({ stream: "sse" })],
    ]);
    await finish(witness);
  });

  it("invalid-utf8: the JSON body is logged with U+FFFD for the bytes and flagged as invalid UTF-8", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "invalid-utf8");
    expect(outcomeText(outcome)).toBe("bytes: \uFFFD\uFFFD");
    const frame = incoming(faulty.log).find((f) => f.raw.includes("bytes: "));
    expect(frame).toMatchObject({
      rpc: { type: "result" },
      channel: { stream: "json-body" },
      problem: "invalid UTF-8: bytes that are not UTF-8 are shown as U+FFFD",
    });
    // A U+FFFD the server really sent (valid UTF-8) is not flagged.
    expect(outcomeText(await call(faulty, "echo", { text: "real \uFFFD" }))).toBe("real \uFFFD");
    expect(incoming(faulty.log).find((f) => f.raw.includes("real "))?.problem).toBeUndefined();
    await finish(witness);
  });

  it("partial-line: an SSE event written in two halves 500 ms apart is reassembled into one frame, not flagged", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "partial-line");
    expect(outcomeText(outcome)).toBe("reassembled from two writes 500 ms apart");
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(400);
    const request = toolCallFrame(faulty.log, "partial-line");
    expect(faulty.log.entries[request!.pairedSeq!]).toMatchObject({
      rpc: { type: "result" },
      channel: { stream: "sse" },
    });
    expect(
      incoming(faulty.log).filter((f) => f.problem || f.rpc.type === "invalid-json" || f.rpc.type === "not-jsonrpc"),
    ).toEqual([]);
    expect(events(faulty.log).filter((e) => e.startsWith("warn"))).toEqual([]);
    await finish(witness);
  });

  it("deep-json: a JSON body nested 100,000 levels is logged, paired and delivered without a crash", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "deep-json");
    expect(outcomeText(outcome)).toBe("nested 100000 levels");
    expect(depthOf(outcome.kind === "result" ? (outcome.result as { deep?: unknown }).deep : undefined)).toBe(100_000);
    const request = toolCallFrame(faulty.log, "deep-json");
    expect(faulty.log.entries[request!.pairedSeq!]).toMatchObject({
      rpc: { type: "result" },
      channel: { stream: "json-body" },
    });
    await finish(witness);
  });

  it("huge-body: a 50 MB answer is delivered whole and stored cut at 8 MiB in the log, flagged truncated", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "huge-body", {}, 30_000);
    expect(outcomeText(outcome)?.length).toBe(50 * 1024 * 1024);
    const request = toolCallFrame(faulty.log, "huge-body");
    const answer = faulty.log.entries[request!.pairedSeq!];
    expect(answer).toMatchObject({ rpc: { type: "result" }, truncated: true, channel: { stream: "json-body" } });
    expect(answer?.kind === "frame" && answer.raw.length).toBe(8 * 1024 * 1024);
    expect(answer?.kind === "frame" && answer.size).toBeGreaterThan(50 * 1024 * 1024);
    await finish(witness);
  });

  it("big-answer (12 MB on an SSE stream with a priming event, id last): delivered whole, the priming event grey, nothing flagged", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "big-answer", { mb: 12 }, 20_000);
    expect(outcomeText(outcome)?.length).toBe(12 * 1024 * 1024);
    const request = toolCallFrame(faulty.log, "big-answer");
    expect(faulty.log.entries[request!.pairedSeq!]).toMatchObject({
      rpc: { type: "result" },
      truncated: true,
      channel: { stream: "sse" },
    });
    expect(faulty.log.entries.filter((e) => e.kind === "sse")).toMatchObject([{ shape: "priming" }]);
    expect(faulty.log.entries.filter((e) => isError(e))).toEqual([]);
    await finish(witness);
  });

  it("malformed-sse: the allowed shapes are grey, each malformed one is flagged, the answer (two data lines) arrives", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "malformed-sse");
    expect(outcomeText(outcome)).toBe("answered after malformed SSE");
    const channel = toolCallFrame(faulty.log, "malformed-sse")!.channel;
    const exchange = channel.transport === "http" ? channel.exchange : -1;
    const ofCall = faulty.log.entries.flatMap((e) => {
      if (e.kind === "sse" && e.exchange === exchange) return [`sse ${e.shape}${e.problem ? " flagged" : ""}`];
      if (e.kind === "frame" && e.channel.transport === "http" && e.channel.exchange === exchange)
        return [`${e.direction} ${e.rpc.type}${e.problem ? " flagged" : ""}`];
      return [];
    });
    expect(ofCall).toEqual([
      "outgoing request",
      "sse priming",
      "sse comment",
      "sse retry",
      "incoming invalid-json",
      "sse retry flagged",
      "sse ignored flagged",
      "sse ignored flagged",
      "incoming result",
    ]);
    await finish(witness);
  });

  it("wrong-id: the answer is flagged as a response to no request and the call times out", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "wrong-id", {}, 1500);
    expect(outcome).toMatchObject({
      kind: "failed",
      message: expect.stringMatching(/^Timed out: no result and no progress for 1500 ms\./),
    });
    const id = requestId(toolCallFrame(faulty.log, "wrong-id")) as number;
    const stray = incoming(faulty.log).find((f) => f.rpc.type === "result" && f.rpc.id === id + 100_000);
    expect(stray?.problem).toBe(`a response to no request (id ${id + 100_000})`);
    await finish(witness);
  });

  it("duplicate-id: the first answer counts, the second is flagged", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "duplicate-id");
    expect(outcomeText(outcome)).toBe("first answer");
    const id = requestId(toolCallFrame(faulty.log, "duplicate-id"));
    await waitFor(() => incoming(faulty.log).filter((f) => f.rpc.type === "result" && f.rpc.id === id).length === 2);
    const answers = incoming(faulty.log).filter((f) => f.rpc.type === "result" && f.rpc.id === id);
    expect(answers.map((f) => f.problem)).toEqual([undefined, `a second response to request id ${JSON.stringify(id)}`]);
    await finish(witness);
  });

  it("unsolicited-response: the stray response is flagged, the real one answers the call", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "unsolicited-response");
    expect(outcomeText(outcome)).toBe("the real answer");
    const stray = incoming(faulty.log).find((f) => f.rpc.type === "result" && f.rpc.id === "unsolicited-1");
    expect(stray?.problem).toBe('a response to no request (id "unsolicited-1")');
    await finish(witness);
  });

  it("flood: 10,000 notifications on the SSE stream are all logged and the answer still arrives", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "flood", {}, 15_000);
    expect(outcomeText(outcome)).toBe("sent 10000 notifications");
    const notes = incoming(faulty.log).filter(
      (f) => f.rpc.type === "notification" && f.rpc.method === "notifications/message",
    );
    expect(notes).toHaveLength(10_000);
    await finish(witness);
  });

  it("wrong-content-type: the call fails naming the content type; the exchange notes the text/plain body", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "wrong-content-type");
    expect(outcome).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("Unexpected content type: text/plain"),
    });
    expect(exchangeOf(faulty.log, "wrong-content-type")).toMatchObject({
      status: 200,
      note: "a text/plain body: this is plain text, not JSON-RPC",
    });
    await finish(witness);
  });

  it("sse-cut: the half event is logged and flagged as cut, the log says the stream broke off", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "sse-cut", {}, 3000);
    // The SDK keeps waiting (no event id, so nothing to resume): the call ends by its timeout, the log says why.
    expect(outcome).toMatchObject({
      kind: "failed",
      message: expect.stringMatching(/^Timed out: no result and no progress for 3000 ms\./),
    });
    const id = requestId(toolCallFrame(faulty.log, "sse-cut"));
    const cut = incoming(faulty.log).filter((f) => f.problem?.startsWith("cut:"));
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({
      rpc: { type: "invalid-json" },
      channel: { stream: "sse" },
      problem: "cut: the SSE stream stopped before this event was complete (the client never received it)",
    });
    expect(cut[0]!.raw.startsWith(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":`)).toBe(true);
    expect(events(faulty.log)).toContainEqual(
      expect.stringMatching(/^warn: the SSE stream broke off .* in the middle of an event/),
    );
    await finish(witness);
  });

  it("session-lost: the call fails with the 404 and its JSON-RPC error; reconnecting starts a new session", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "session-lost");
    expect(outcome).toMatchObject({ kind: "failed", message: expect.stringMatching(/Session not found/) });
    expect(exchangeOf(faulty.log, "session-lost")).toMatchObject({ status: 404 });
    expect(incoming(faulty.log).at(-1)).toMatchObject({
      rpc: { type: "error", code: -32001, message: "Session not found" },
      channel: { stream: "json-body" },
    });
    expect(outcome.kind === "failed" && outcome.message).toMatch(/^HTTP 404/);
    // The session is gone for good on the server: the inspector says so instead of staying "connected" …
    expect(faulty.state).toMatchObject({
      status: "failed",
      failure: { title: expect.stringMatching(/no longer knows this session \(HTTP 404 for Mcp-Session-Id /) },
    });
    // … and a reconnect (a new initialize) recovers.
    await faulty.connect();
    expect(faulty.state.status).toBe("connected");
    expect(outcomeText(await call(faulty, "echo", { text: "back" }))).toBe("back");
    await finish(witness);
  });

  it("http-500: the call fails with the status and the body text; the exchange notes it", async () => {
    const { faulty, witness } = await pair();
    const outcome = await call(faulty, "http-500");
    expect(outcome).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("Internal Server Error: misbehaving on purpose"),
    });
    expect(outcome.kind === "failed" && outcome.message).toMatch(/^HTTP 500/);
    expect(faulty.state.status).toBe("connected"); // a 500 is one failed request, not a lost session
    expect(exchangeOf(faulty.log, "http-500")).toMatchObject({
      status: 500,
      note: "a text/plain body: Internal Server Error: misbehaving on purpose",
    });
    await finish(witness);
  });

  it("MODE=<fault> makes every call misbehave, echo included; an unknown MODE stops the fixture at start", async () => {
    server = await startHttpFixture({ MODE: "http-500" });
    const faulty = await sessions.connect(httpConfig(server.url));
    expect(await call(faulty, "echo", { text: "x" })).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("Internal Server Error: misbehaving on purpose"),
    });
    await expect(startHttpFixture({ MODE: "huge-line" })).rejects.toThrow(/MODE=huge-line is not a HTTP mode/);
    await sessions.closeAll();
    await server.stop();
    await expectNothingLeft(baseline);
  });
});
