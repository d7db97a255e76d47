import { describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../base";
import { exportRecording } from "../inspect";
import { TrafficLog } from "../traffic";
import { InspectorSession } from "./session";

const config: ConnectionConfig = {
  id: "rec",
  name: "Recording · x.json",
  transport: "stdio",
  protocol: "2025-11-25",
  command: "/bin/should-never-run",
  args: [],
  env: [],
  cwd: "",
};

function recordedLog(): TrafficLog {
  let now = 1_700_000_000_000;
  const log = new TrafficLog({ now: () => (now += 5), schedule: (f) => f() });
  const frame = (dir: "outgoing" | "incoming", msg: object) =>
    log.recordFrame(dir, JSON.stringify({ jsonrpc: "2.0", ...msg }), { transport: "stdio" });
  frame("outgoing", { id: 1, method: "tools/list", params: {} });
  frame("incoming", { id: 1, result: { tools: [{ name: "echo", inputSchema: { type: "object" } }], nextCursor: "2" } });
  frame("outgoing", { id: 2, method: "tools/list", params: { cursor: "2" } });
  frame("incoming", {
    id: 2,
    result: { tools: [{ name: "add", inputSchema: { type: "object" } }, { name: "broken" }] },
  });
  frame("incoming", { method: "notifications/message", params: { level: "info", logger: "srv", data: "started" } });
  frame("outgoing", { id: 3, method: "resources/templates/list", params: {} });
  frame("incoming", { id: 3, result: { resourceTemplates: [{ name: "item", uriTemplate: "demo://item/{id}" }] } });
  frame("outgoing", { id: 4, method: "tools/call", params: { name: "echo", arguments: { message: "hi" } } });
  frame("incoming", { id: 4, result: { content: [{ type: "text", text: "Echo: hi" }] } });
  frame("outgoing", { id: 5, method: "tools/call", params: { name: "add", arguments: { a: "x" } } });
  frame("incoming", { id: 5, error: { code: -32602, message: "Invalid arguments" } });
  frame("outgoing", { id: 6, method: "tools/call", params: { name: "echo", arguments: { message: "again" } } });
  frame("incoming", { id: 6, result: { content: [{ type: "text", text: "oops" }], isError: true } });
  frame("outgoing", { id: 7, method: "prompts/get", params: { name: "greet", arguments: { who: "you" } } });
  frame("incoming", { id: 7, result: { messages: [{ role: "user", content: { type: "text", text: "hello you" } }] } });
  frame("outgoing", { id: 8, method: "resources/read", params: { uri: "demo://item/1" } });
  frame("incoming", { id: 8, result: { contents: [{ uri: "demo://item/1", mimeType: "text/plain", text: "one" }] } });
  return log;
}

async function opened(): Promise<InspectorSession> {
  const session = new InspectorSession(config, {
    createTransport: () => {
      throw new Error("a recording must not start a transport");
    },
  });
  const recording = exportRecording(
    {
      config,
      clientCapabilities: {},
      protocolVersion: "2025-11-25",
      serverCapabilities: { tools: {}, resources: {} },
    },
    recordedLog(),
    new Date("2026-12-01T10:00:00Z"),
  );
  await session.openRecording(recording, "x.json");
  return session;
}

describe("a recording opened as a read-only session", () => {
  it("fills every list its traffic holds, all pages, and says which it does not hold", async () => {
    const { state } = await opened();
    expect(state.recording).toEqual({ exportedAt: "2026-12-01T10:00:00.000Z", file: "x.json" });
    expect(state.lists.tools.status).toBe("ready");
    expect(state.lists.tools.items.map((t) => t.name)).toEqual(["echo", "add"]);
    // Checked as a live listing is: the entry without an inputSchema is set aside.
    expect(state.lists.tools.invalid?.map((e) => e.label)).toEqual(["broken"]);
    expect(state.lists.resourceTemplates).toMatchObject({
      status: "ready",
      items: [{ uriTemplate: "demo://item/{id}" }],
    });
    expect(state.lists.resources).toMatchObject({
      status: "error",
      error: "the recording holds no resources/list answer",
    });
    // The server declared no prompts: "not declared", as live.
    expect(state.lists.prompts.status).toBe("unsupported");
  });

  it("puts each past tool call in its tool's history, a failed one too, and the prompt and read in their views", async () => {
    const session = await opened();
    const { byTool } = session.tools.store.get();
    expect(byTool.echo!.map((c) => [c.args, c.status, c.outcome?.kind])).toEqual([
      [{ message: "hi" }, "done", "result"],
      [{ message: "again" }, "done", "result"],
    ]);
    expect(byTool.echo![1]!.outcome).toMatchObject({ result: { isError: true } });
    expect(byTool.add![0]!.outcome).toMatchObject({
      kind: "protocol-error",
      code: -32602,
      message: "Invalid arguments",
    });
    const run = session.features.prompts.store.get().byName.greet!;
    expect(run).toMatchObject({ status: "done", args: { who: "you" } });
    expect(run.conversation?.messages).toHaveLength(1);
    const read = session.features.resources.store.get().byUri["demo://item/1"]!;
    expect(read).toMatchObject({ status: "done", items: [{ kind: "text" }] });
    const log = session.features.logging.store.get().entries;
    expect(log).toMatchObject([{ level: "info", logger: "srv", data: "started" }]);
  });

  it("cannot connect or reconnect: nothing recorded is started", async () => {
    const session = await opened();
    await expect(session.connect()).rejects.toThrow(/read-only/);
    await session.reconnect();
    expect(session.state.recording).toBeDefined();
    expect(session.state.status).toBe("disconnected");
  });
});
