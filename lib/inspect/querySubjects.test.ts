import { describe, expect, it } from "vitest";
import { TrafficLog, entrySummary, frameSubject, subjectOf } from "../traffic";
import { queryMatcher } from "./query";
import { buildSequence, describeItem } from "./sequence";

function sampleLog(): TrafficLog {
  let now = 0;
  const log = new TrafficLog({ now: () => (now += 5), schedule: () => {} });
  const send = (direction: "outgoing" | "incoming", message: unknown) =>
    log.recordFrame(direction, JSON.stringify({ jsonrpc: "2.0", ...(message as object) }), { transport: "stdio" });
  send("outgoing", { id: 1, method: "tools/call", params: { name: "echo", arguments: { message: "hi" } } });
  send("incoming", { id: 1, result: { content: [] } });
  send("outgoing", { id: 2, method: "tools/call", params: { name: "get-sum", arguments: {} } });
  send("incoming", { id: 2, error: { code: -32602, message: "bad" } });
  send("outgoing", { id: 3, method: "resources/read", params: { uri: "file:///notes.md" } });
  send("incoming", { id: 3, result: { contents: [] } });
  send("outgoing", { id: 4, method: "prompts/get", params: { name: "review" } });
  send("outgoing", { method: "notifications/resources/updated", params: { uri: "file:///notes.md" } });
  return log;
}

const shown = (log: TrafficLog, query: string) => {
  const { match } = queryMatcher(query, log);
  return log.entries.filter((e) => !match || match(e)).map(entrySummary);
};

describe("subjects: what a message is about", () => {
  it("subjectOf reads the tool, prompt, resource or completion ref; anything else has none", () => {
    expect(subjectOf("tools/call", { name: "echo" })).toBe("echo");
    expect(subjectOf("prompts/get", { name: "review" })).toBe("review");
    expect(subjectOf("resources/subscribe", { uri: "file:///a" })).toBe("file:///a");
    expect(subjectOf("completion/complete", { ref: { type: "ref/resource", uri: "db://{table}" } })).toBe(
      "db://{table}",
    );
    expect(subjectOf("tools/list", { cursor: "x" })).toBeUndefined();
    expect(subjectOf("tools/call", { name: 42 })).toBeUndefined();
    expect(subjectOf("tools/call", null)).toBeUndefined();
    expect(subjectOf("tools/call", { name: "x".repeat(500) })).toHaveLength(200);
  });

  it("rows say `tools/call echo`, and an answer names its request's subject", () => {
    const log = sampleLog();
    const [call, result, , error] = log.entries.map(entrySummary);
    expect(call).toMatch(/^outgoing request tools\/call echo id 1$/);
    expect(result).toMatch(/^incoming result id 1 for echo/);
    expect(error).toMatch(/^incoming error -32602 id 2 for get-sum/);
    expect(
      log.entries.filter((e) => e.kind === "frame").map((e) => (e.kind === "frame" ? frameSubject(e) : "")),
    ).toEqual([
      "echo",
      "echo",
      "get-sum",
      "get-sum",
      "file:///notes.md",
      "file:///notes.md",
      "review",
      "file:///notes.md",
    ]);
  });

  it("tool:, prompt: and resource: filter by subject with globs, requests and their answers", () => {
    const log = sampleLog();
    expect(shown(log, "tool:echo")).toHaveLength(2);
    expect(shown(log, "tool:get-*")).toEqual([
      expect.stringMatching(/get-sum id 2$/),
      expect.stringMatching(/for get-sum/),
    ]);
    expect(shown(log, "-tool:echo kind:request")).toHaveLength(3);
    expect(shown(log, "resource:file:///*")).toHaveLength(3);
    expect(shown(log, "prompt:review")).toHaveLength(1);
    expect(shown(log, "tool:review")).toHaveLength(0); // a prompt's name is no tool
  });

  it("the sequence diagram's arrows name the subject too", () => {
    const items = buildSequence(sampleLog().entries).items;
    expect(describeItem(items[0]!)).toBe("client to server: request tools/call echo id 1");
    expect(describeItem(items[1]!)).toBe("server to client: response tools/call echo id 1");
  });
});
