import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { composerAnswer, requestIds, resendText } from "./composerAnswer";
import { composerTemplates } from "./templates";

const frame = (m: unknown) => JSON.stringify(m);

describe("the composer's answer", () => {
  it("is the result or error with the request's id logged after the send, not an older one", () => {
    const log = new TrafficLog({ schedule: () => {} });
    const text = frame({ jsonrpc: "2.0", id: "c-1", method: "tools/list" });
    log.recordFrame("outgoing", text, { transport: "memory" });
    log.recordFrame("incoming", frame({ jsonrpc: "2.0", id: "c-1", result: { tools: [] } }), { transport: "memory" });
    const sentAt = log.entries.length;
    expect(composerAnswer(log.entries, text, sentAt)).toEqual({ kind: "waiting" });
    log.recordFrame("outgoing", text, { transport: "memory" });
    log.recordFrame("incoming", frame({ jsonrpc: "2.0", method: "notifications/message", params: {} }), {
      transport: "memory",
    });
    log.recordFrame("incoming", frame({ jsonrpc: "2.0", id: "c-1", error: { code: -32601, message: "nope" } }), {
      transport: "memory",
    });
    const answer = composerAnswer(log.entries, text, sentAt);
    expect(answer.kind).toBe("answer");
    expect(answer.kind === "answer" && answer.entry.rpc).toMatchObject({ type: "error", code: -32601 });
  });

  it("expects none for a notification, a response or text that is not JSON", () => {
    expect(composerAnswer([], frame({ jsonrpc: "2.0", method: "notifications/cancelled" }), 0)).toEqual({
      kind: "none",
    });
    expect(composerAnswer([], frame({ jsonrpc: "2.0", id: 1, result: {} }), 0)).toEqual({ kind: "none" });
    expect(composerAnswer([], '{"jsonrpc": "2.0", "id": 1', 0)).toEqual({ kind: "none" });
    expect(
      requestIds(
        frame([
          { jsonrpc: "2.0", id: 7, method: "ping" },
          { jsonrpc: "2.0", method: "x" },
        ]),
      ),
    ).toEqual([7]);
  });
});

describe("composer templates", () => {
  it("name the server's own tool, resource and prompt when it lists them, the demo's otherwise", () => {
    const client = { name: "lens", version: "1" };
    const params = (ts: ReturnType<typeof composerTemplates>, label: string) =>
      JSON.parse(ts.find((t) => t.label === label)!.text).params;
    const plain = composerTemplates("2025-11-25", client);
    expect(params(plain, "request tools/call").name).toBe("echo");
    const served = composerTemplates("2025-11-25", client, {
      tool: { name: "browser_close", arguments: {} },
      resourceUri: "file:///tmp/a.txt",
      prompt: { name: "review", arguments: { code: "" } },
    });
    expect(params(served, "request tools/call")).toEqual({ name: "browser_close", arguments: {} });
    expect(params(served, "request resources/read")).toEqual({ uri: "file:///tmp/a.txt" });
    expect(params(served, "request resources/subscribe")).toEqual({ uri: "file:///tmp/a.txt" });
    expect(params(served, "request prompts/get")).toEqual({ name: "review", arguments: { code: "" } });
    expect(params(served, "request completion/complete")).toEqual({
      ref: { type: "ref/prompt", name: "review" },
      argument: { name: "code", value: "" },
    });
  });
});

describe("edit and resend", () => {
  it("gives a request a fresh id, keeps a notification as it is, and leaves text that is not JSON alone", () => {
    const again = JSON.parse(resendText('{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo"}}'));
    expect(again).toMatchObject({ jsonrpc: "2.0", method: "tools/call", params: { name: "echo" } });
    expect(again.id).toMatch(/^resend-\d+$/);
    expect(JSON.parse(resendText('{"jsonrpc":"2.0","method":"notifications/initialized"}'))).toEqual({
      jsonrpc: "2.0",
      method: "notifications/initialized",
    });
    expect(resendText('{"broken"')).toBe('{"broken"');
  });
});
