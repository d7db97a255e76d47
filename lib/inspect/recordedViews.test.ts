import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { recordedCalls } from "./recordedCalls";
import { recordedLists } from "./recordedLists";
import { listsFromTraffic } from "./snapshot";

const stdio = { transport: "stdio" } as const;

/** A log of the frames given, one ms apart: `out` and `in` take the JSON-RPC message. */
function logOf(frames: ["out" | "in", unknown][]): TrafficLog {
  let now = 1_000;
  const log = new TrafficLog({ now: () => (now += 1), schedule: (f) => f() });
  for (const [dir, msg] of frames)
    log.recordFrame(
      dir === "out" ? "outgoing" : "incoming",
      JSON.stringify({ jsonrpc: "2.0", ...(msg as object) }),
      stdio,
    );
  return log;
}

describe("recordedLists", () => {
  it("joins every page of a listing, and a listing without a cursor starts again", () => {
    const log = logOf([
      ["out", { id: 1, method: "tools/list", params: {} }],
      ["in", { id: 1, result: { tools: [{ name: "old" }] } }],
      ["out", { id: 2, method: "tools/list", params: {} }],
      ["in", { id: 2, result: { tools: [{ name: "a" }], nextCursor: "p2" } }],
      ["out", { id: 3, method: "tools/list", params: { cursor: "p2" } }],
      ["in", { id: 3, result: { tools: [{ name: "b" }] } }],
      ["out", { id: 4, method: "resources/templates/list", params: {} }],
      ["in", { id: 4, result: { resourceTemplates: [{ name: "t", uriTemplate: "x://{id}" }] } }],
    ]);
    const lists = recordedLists(log.entries);
    expect(lists.tools).toEqual({ state: "listed", items: [{ name: "a" }, { name: "b" }] });
    expect(lists.resourceTemplates.items).toEqual([{ name: "t", uriTemplate: "x://{id}" }]);
    expect(lists.prompts).toEqual({ state: "absent", items: [] });
    expect(listsFromTraffic(log.entries).resourceTemplates).toHaveLength(1);
  });

  it("reports a refused listing, a refused later page and a missing next page", () => {
    const log = logOf([
      ["out", { id: 1, method: "prompts/list", params: {} }],
      ["in", { id: 1, error: { code: -32601, message: "Method not found" } }],
      ["out", { id: 2, method: "resources/list", params: {} }],
      ["in", { id: 2, result: { resources: [{ uri: "a://1", name: "one" }], nextCursor: "c" } }],
      ["out", { id: 3, method: "resources/list", params: { cursor: "c" } }],
      ["in", { id: 3, error: { code: -32602, message: "bad cursor" } }],
      ["out", { id: 4, method: "tools/list", params: {} }],
      ["in", { id: 4, result: { tools: [{ name: "x" }], nextCursor: "more" } }],
    ]);
    const lists = recordedLists(log.entries);
    expect(lists.prompts).toEqual({ state: "failed", items: [], error: "Method not found" });
    expect(lists.resources).toEqual({ state: "listed", items: [{ uri: "a://1", name: "one" }], error: "bad cursor" });
    expect(lists.tools).toEqual({ state: "listed", items: [{ name: "x" }], incomplete: true });
  });
});

describe("recordedCalls", () => {
  it("pairs each tools/call, prompts/get and resources/read with its answer, error or none", () => {
    const log = logOf([
      [
        "out",
        {
          id: 1,
          method: "tools/call",
          params: { name: "echo", arguments: { message: "hi" }, _meta: { progressToken: 1 } },
        },
      ],
      ["in", { method: "notifications/progress", params: { progressToken: 1, progress: 1 } }],
      ["in", { id: 1, result: { content: [{ type: "text", text: "Echo: hi" }] } }],
      ["out", { id: 2, method: "tools/call", params: { name: "nope", arguments: {} } }],
      ["in", { id: 2, error: { code: -32602, message: "Unknown tool: nope", data: { name: "nope" } } }],
      ["out", { id: 3, method: "prompts/get", params: { name: "greet", arguments: { who: "you" } } }],
      ["in", { id: 3, result: { messages: [{ role: "user", content: { type: "text", text: "hello you" } }] } }],
      ["out", { id: 4, method: "resources/read", params: { uri: "a://1" } }],
      ["out", { id: 5, method: "ping" }],
      ["in", { id: 5, result: {} }],
    ]);
    const calls = recordedCalls(log.entries);
    expect(calls.map((c) => [c.method, c.answer.kind])).toEqual([
      ["tools/call", "result"],
      ["tools/call", "error"],
      ["prompts/get", "result"],
      ["resources/read", "none"],
    ]);
    expect(calls[0]).toMatchObject({
      params: { name: "echo", arguments: { message: "hi" } },
      progressCount: 1,
      elapsedMs: 2,
    });
    expect(calls[1]!.answer).toEqual({
      kind: "error",
      code: -32602,
      message: "Unknown tool: nope",
      data: { name: "nope" },
    });
    expect(calls[3]!.answer).toEqual({ kind: "none", reason: "unanswered" });
  });
});
