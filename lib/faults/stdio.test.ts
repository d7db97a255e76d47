/**
 * Fault tests over stdio: the misbehaving fixture through the real in-process bridge. Each test
 * checks what the session reports, that the offending frame is logged and flagged, that a second
 * session (a witness) still works, and that no process is left.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InspectorSession } from "../session";
import {
  Sessions,
  call,
  events,
  expectNothingLeft,
  expectStillWorks,
  incoming,
  requestId,
  stderrLines,
  stdioConfig,
  outcomeText,
  toolCallFrame,
} from "../testing";
import { alive, descendants, waitFor } from "../testing";

const sessions = new Sessions();
let baseline: number[] = [];
beforeEach(() => {
  baseline = descendants(process.pid);
});
afterEach(async () => {
  await sessions.closeAll();
});

/** The faulty session (MODE set, so every call misbehaves) and a benign witness, both live. */
async function pair(
  mode: string,
  env: Record<string, string> = {},
): Promise<{ faulty: InspectorSession; witness: InspectorSession }> {
  const [faulty, witness] = await Promise.all([
    sessions.connect(stdioConfig({ MODE: mode, ...env })),
    sessions.connect(stdioConfig()),
  ]);
  return { faulty, witness };
}

async function finish(witness: InspectorSession): Promise<void> {
  await expectStillWorks(witness);
  await sessions.closeAll();
  await expectNothingLeft(baseline);
}

function grandchildPid(lines: string[]): number {
  const pid = Number(/grandchild pid (\d+)/.exec(lines.join("\n"))?.[1]);
  expect(pid).toBeGreaterThan(0);
  return pid;
}

/** Nesting depth of `[[[…]]]`, counted without recursion. */
function depthOf(value: unknown): number {
  let depth = 0;
  for (let node = value; Array.isArray(node); node = node[0]) depth++;
  return depth;
}

describe("misbehaving stdio server", () => {
  it("exit-mid-call: the call fails as closed, the session says the server exited with its code and stderr, the orphaned grandchild is reaped", async () => {
    const { faulty, witness } = await pair("exit-mid-call");
    const outcome = await call(faulty, "exit-mid-call");
    expect(outcome).toMatchObject({ kind: "failed", message: expect.stringMatching(/Connection closed/i) });
    await waitFor(() => faulty.state.status === "failed");
    expect(faulty.state.status).toBe("failed");
    expect(faulty.state.failure?.title).toBe("The server exited (code 7).");
    expect(faulty.state.failure?.detail).toContain("exiting in the middle of tools/call");
    const request = toolCallFrame(faulty.log, "exit-mid-call");
    expect(request).toBeDefined();
    expect(request?.pairedSeq).toBeUndefined();
    expect(events(faulty.log)).toContain("error: server process exited (code 7)");
    const orphan = grandchildPid(stderrLines(faulty.log));
    expect(await waitFor(() => !alive(orphan))).toBe(true);
    await finish(witness);
  });

  it("hang: the call times out, the server is still there, disconnect escalates to SIGKILL and leaves nothing", async () => {
    const { faulty, witness } = await pair("hang");
    const outcome = await call(faulty, "hang", {}, 1500);
    expect(outcome).toMatchObject({
      kind: "failed",
      message: expect.stringMatching(/^Timed out: no result and no progress for 1500 ms\./),
    });
    expect(faulty.state.status).toBe("connected");
    const request = toolCallFrame(faulty.log, "hang");
    expect(request?.pairedSeq).toBeUndefined();
    const cancelled = faulty.log
      .frames()
      .find(
        (f) =>
          f.direction === "outgoing" && f.rpc.type === "notification" && f.rpc.method === "notifications/cancelled",
      );
    expect(cancelled?.raw).toContain(`"requestId":${JSON.stringify(requestId(request))}`);
    await waitFor(() => stderrLines(faulty.log).some((l) => l.includes("grandchild pid")));
    const grandchild = grandchildPid(stderrLines(faulty.log));
    expect(alive(grandchild)).toBe(true);
    await expectStillWorks(witness);
    await faulty.disconnect();
    expect(alive(grandchild)).toBe(false);
    await finish(witness);
  });

  it("non-json: each bad line is logged raw and classified, the call still gets its answer", async () => {
    const { faulty, witness } = await pair("non-json");
    const outcome = await call(faulty, "non-json");
    expect(outcomeText(outcome)).toBe("answered after 3 lines that are not JSON-RPC");
    const bad = incoming(faulty.log).filter((f) => f.rpc.type === "invalid-json" || f.rpc.type === "not-jsonrpc");
    expect(bad.map((f) => [f.raw, f.rpc.type])).toEqual([
      ["this is not JSON at all", "invalid-json"],
      ['{"jsonrpc": "2.0", oops', "invalid-json"],
      ['{"hello":"world"}', "not-jsonrpc"],
    ]);
    expect(bad[2]?.rpc).toMatchObject({ reason: 'missing "jsonrpc": "2.0"' });
    expect(faulty.state.status).toBe("connected");
    await finish(witness);
  });

  it("invalid-utf8: the line is logged with U+FFFD in place of the bytes and flagged", async () => {
    const { faulty, witness } = await pair("invalid-utf8");
    const outcome = await call(faulty, "invalid-utf8");
    expect(outcomeText(outcome)).toBe("bytes: \uFFFD\uFFFD");
    const frame = incoming(faulty.log).find((f) => f.raw.includes("bytes: "));
    expect(frame?.rpc.type).toBe("result");
    expect(frame?.problem).toMatch(/U\+FFFD: bytes that were not valid UTF-8 were replaced/);
    await finish(witness);
  });

  it("partial-line: a line written in two halves 500 ms apart is reassembled into one frame, not flagged", async () => {
    const { faulty, witness } = await pair("partial-line");
    const outcome = await call(faulty, "partial-line");
    expect(outcomeText(outcome)).toBe("reassembled from two writes 500 ms apart");
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(400);
    const request = toolCallFrame(faulty.log, "partial-line");
    const answer = faulty.log.entries[request!.pairedSeq!];
    expect(answer).toMatchObject({
      kind: "frame",
      direction: "incoming",
      rpc: { type: "result", id: requestId(request) },
      truncated: false,
    });
    expect(answer?.kind === "frame" && answer.problem).toBeFalsy();
    expect(incoming(faulty.log).filter((f) => f.rpc.type === "invalid-json" || f.rpc.type === "not-jsonrpc")).toEqual(
      [],
    );
    await finish(witness);
  });

  it("huge-line (50 MB): the connection ends with the 16 MiB error, reported as the reason", async () => {
    const { faulty, witness } = await pair("huge-line");
    const started = Date.now();
    const outcome = await call(faulty, "huge-line");
    // At once (the line is read to its end to learn its size), not after the call's timeout.
    expect(outcome).toMatchObject({ kind: "failed", message: "answer of 50.0 MB refused: over the 16 MiB limit" });
    expect(Date.now() - started).toBeLessThan(5000);
    await waitFor(() => faulty.state.status === "failed");
    expect(faulty.state.status).toBe("failed");
    expect(faulty.state.failure?.title).toMatch(
      /^The server wrote a line of 50\.0 MiB on stdout: a line that exceeded 16 MiB is refused, and the connection was closed\.$/,
    );
    expect(faulty.state.failure?.hint).toMatch(/one JSON-RPC message per line/);
    // Reported once, although the bridge sees the overflow again with every chunk that follows.
    expect(events(faulty.log).filter((e) => e.startsWith("error:") && e.includes("exceeded 16 MiB"))).toHaveLength(1);
    // The head of the refused line is in the log, cut and flagged, and was never handed to the client.
    const refused = incoming(faulty.log).filter((f) => f.problem?.startsWith("refused:"));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      truncated: true,
      rpc: { type: "result" },
      raw: expect.stringMatching(/^\{"jsonrpc":"2.0","id":\d+,"result"/),
    });
    expect(refused[0]!.raw.length).toBeLessThanOrEqual(64 * 1024);
    expect(refused[0]!.size).toBeGreaterThan(16 * 1024 * 1024);
    // Nothing else of the 50 MB line reaches the log: no remnant stitched to its tail, no flushed tail at exit.
    expect(incoming(faulty.log).filter((f) => f.size > 64 * 1024)).toEqual(refused);
    await finish(witness);
  }, 25_000);

  it("a 12 MB line (under the bridge limit, over the log's 8 MiB): stored cut and flagged truncated, still delivered", async () => {
    const { faulty, witness } = await pair("huge-line", { HUGE_LINE_MB: "12" });
    const outcome = await call(faulty, "huge-line");
    expect(outcome.kind).toBe("result");
    expect(outcomeText(outcome)?.length).toBe(12 * 1024 * 1024);
    const frame = incoming(faulty.log).find((f) => f.truncated);
    expect(frame).toMatchObject({ truncated: true, rpc: { type: "result" } });
    expect(frame?.size).toBeGreaterThan(12 * 1024 * 1024);
    expect(frame?.raw.length).toBe(8 * 1024 * 1024);
    await finish(witness);
  }, 25_000);

  it("big-answer (12 MB, id last as SDK 1.x servers write it): delivered whole, logged cut as a paired result", async () => {
    const faulty = await sessions.connect(stdioConfig());
    const outcome = await call(faulty, "big-answer", { mb: 12 }, 20_000);
    expect(outcomeText(outcome)?.length).toBe(12 * 1024 * 1024);
    const request = toolCallFrame(faulty.log, "big-answer");
    expect(faulty.log.entries[request!.pairedSeq!]).toMatchObject({ rpc: { type: "result" }, truncated: true });
    expect(faulty.log.frames().filter((f) => f.rpc.type === "not-jsonrpc" || f.rpc.type === "invalid-json")).toEqual(
      [],
    );
    await sessions.closeAll();
    await expectNothingLeft(baseline);
  }, 25_000);

  it("big-answer over the bridge's limit (20 MB): the call says so at once", async () => {
    const faulty = await sessions.connect(stdioConfig());
    const outcome = await call(faulty, "big-answer", { mb: 20 }, 20_000);
    expect(outcome).toMatchObject({ kind: "failed", message: "answer of 20.0 MB refused: over the 16 MiB limit" });
    expect(outcome.elapsedMs).toBeLessThan(5000);
    await sessions.closeAll();
    await expectNothingLeft(baseline);
  }, 25_000);

  it("deep-json: a result nested 100,000 levels is logged, paired and delivered without a crash", async () => {
    const { faulty, witness } = await pair("deep-json");
    const outcome = await call(faulty, "deep-json");
    expect(outcomeText(outcome)).toBe("nested 100000 levels");
    expect(depthOf(outcome.kind === "result" ? (outcome.result as { deep?: unknown }).deep : undefined)).toBe(100_000);
    const request = toolCallFrame(faulty.log, "deep-json");
    expect(faulty.log.entries[request!.pairedSeq!]).toMatchObject({ rpc: { type: "result" }, truncated: false });
    expect(faulty.state.status).toBe("connected");
    await finish(witness);
  });

  it("wrong-id: the answer is flagged as a response to no request and the call times out", async () => {
    const { faulty, witness } = await pair("wrong-id");
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
    const { faulty, witness } = await pair("duplicate-id");
    const outcome = await call(faulty, "duplicate-id");
    expect(outcomeText(outcome)).toBe("first answer");
    const id = requestId(toolCallFrame(faulty.log, "duplicate-id"));
    await waitFor(() => incoming(faulty.log).filter((f) => f.rpc.type === "result" && f.rpc.id === id).length === 2);
    const answers = incoming(faulty.log).filter((f) => f.rpc.type === "result" && f.rpc.id === id);
    expect(answers.map((f) => f.problem)).toEqual([undefined, `a second response to request id ${JSON.stringify(id)}`]);
    await finish(witness);
  });

  it("unsolicited-response: the stray response is flagged, the real one answers the call", async () => {
    const { faulty, witness } = await pair("unsolicited-response");
    const outcome = await call(faulty, "unsolicited-response");
    expect(outcomeText(outcome)).toBe("the real answer");
    const stray = incoming(faulty.log).find((f) => f.rpc.type === "result" && f.rpc.id === "unsolicited-1");
    expect(stray?.problem).toBe('a response to no request (id "unsolicited-1")');
    await finish(witness);
  });

  it("flood: 10,000 notifications are all logged and the answer still arrives", async () => {
    const { faulty, witness } = await pair("flood");
    const outcome = await call(faulty, "flood", {}, 15_000);
    expect(outcomeText(outcome)).toBe("sent 10000 notifications");
    const notes = incoming(faulty.log).filter(
      (f) => f.rpc.type === "notification" && f.rpc.method === "notifications/message",
    );
    expect(notes).toHaveLength(10_000);
    expect(JSON.parse(notes.at(-1)!.raw)).toMatchObject({ params: { data: { seq: 10_000, of: 10_000 } } });
    await finish(witness);
  });

  it("without MODE only the tool named after a fault misbehaves", async () => {
    const session = await sessions.connect(stdioConfig());
    expect(outcomeText(await call(session, "echo", { text: "fine" }))).toBe("fine");
    expect(outcomeText(await call(session, "unsolicited-response"))).toBe("the real answer");
    expect(incoming(session.log).filter((f) => f.problem)).toHaveLength(1);
    await sessions.closeAll();
    await expectNothingLeft(baseline);
  });
});
