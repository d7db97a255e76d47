/**
 * The server features against the demo server (stdio bridge) where server-everything cannot
 * help: the 2026-07-28 forms (`subscriptions/listen`, the per-request log level) and
 * deterministic log levels in the 2025 era, and its task-capable tool (`slow_report`).
 */
import { afterEach, describe, expect, it } from "vitest";
import { callTool, demoConfig, outgoing } from "../testing";
import type { ConnectionConfig } from "../base";
import { InspectorSession } from "../session";
import { nodeSessionDeps } from "../testing";
import { filterLog } from "./logging";
import { serverRunsToolTasks, taskSupportOf } from "./taskState";

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

async function connect(protocol: ConnectionConfig["protocol"]): Promise<InspectorSession> {
  session = new InspectorSession(demoConfig({ protocol }), nodeSessionDeps());
  await session.connect();
  expect(session.state.failure).toBeUndefined();
  return session;
}

const README = "demo://docs/readme.md";
const SETTINGS = "demo://config/settings.json";
const levels = (s: InspectorSession) =>
  s.features.logging.store
    .get()
    .entries.filter((e) => e.logger === "demo")
    .map((e) => e.level);

describe("demo server, 2025-11-25", () => {
  it("asks for a level with logging/setLevel and receives only that level and above", async () => {
    const s = await connect("2025-11-25");
    await s.features.logging.setLevel("warning");
    await callTool(s, "log_burst");
    await expect.poll(() => levels(s)).toEqual(["warning", "error", "critical", "alert", "emergency"]);
    expect(
      filterLog(s.features.logging.store.get().entries, { minLevel: "critical", logger: "demo" }).map((e) => e.level),
    ).toEqual(["critical", "alert", "emergency"]);
    expect(s.features.logging.store.get().entries[0]?.data).toEqual({ message: "warning message", round: 1 });
    expect(s.features.logging.store.get().entries[0]?.pretty).toContain('"message": "warning message"');
  });

  it("subscribes with resources/subscribe and marks the resource on an update", async () => {
    const s = await connect("2025-11-25");
    await s.features.subscriptions.subscribe(README);
    expect(s.features.subscriptions.store.get().byUri[README]?.status).toBe("subscribed");
    await callTool(s, "touch_resource", { uri: README });
    await expect.poll(() => s.features.subscriptions.store.get().updated[README]?.count).toBe(1);
  });

  it("runs slow_report as a task: polls tasks/get, fetches tasks/result, cancels a second run, lists both", async () => {
    const s = await connect("2025-11-25");
    const tool = s.state.lists.tools.items.find((t) => t.name === "slow_report")!;
    expect(taskSupportOf(tool)).toBe("optional");
    expect(serverRunsToolTasks(s.state.serverCapabilities)).toBe(true);
    const tasks = s.features.tasks;
    const start = await tasks.runTool("slow_report", { topic: "lenses", steps: 2 });
    if (start.kind !== "task") throw new Error(`expected a task, got ${JSON.stringify(start)}`);
    expect(tasks.store.get().byId[start.taskId]).toMatchObject({ status: "working", pollInterval: 500 });
    await expect
      .poll(() => tasks.store.get().byId[start.taskId]?.result?.status, { timeout: 10_000, interval: 100 })
      .toBe("done");
    const done = tasks.store.get().byId[start.taskId]!;
    expect(done).toMatchObject({ status: "completed", polling: false });
    expect(done.polls).toBeGreaterThan(0);
    expect(done.result?.value?.content).toEqual([
      { type: "text", text: "Report on lenses: 2 stages done, all sources agree." },
    ]);

    const second = await tasks.runTool("slow_report", { topic: "cancel me" });
    if (second.kind !== "task") throw new Error("expected a task");
    await tasks.cancel(second.taskId);
    expect(tasks.store.get().byId[second.taskId]).toMatchObject({
      status: "cancelled",
      cancel: { status: "done" },
      polling: false,
    });
    await tasks.list();
    expect(tasks.store.get().list?.status).toBe("ready");
    expect(outgoing(s, "tasks/list")).toHaveLength(1);
    // Without a task param the tool just runs.
    expect(((await callTool(s, "slow_report", { steps: 1 })) as { content: unknown }).content).toEqual([
      { type: "text", text: "Report on MCP: 1 stages done, all sources agree." },
    ]);
  }, 20_000);
});

describe("demo server, 2026-07-28", () => {
  it("carries the log level in each request's _meta instead of logging/setLevel", async () => {
    const s = await connect("2026-07-28");
    expect(s.state.era).toBe("modern");
    expect(s.features.logging.store.get().levelMode).toBe("per-request");
    await callTool(s, "log_burst");
    expect(levels(s)).toEqual([]); // no level in _meta: the server sends no log messages
    await s.features.logging.setLevel("error");
    await callTool(s, "log_burst");
    await expect.poll(() => levels(s)).toEqual(["error", "critical", "alert", "emergency"]);
    const call = outgoing(s, "tools/call").at(-1)!;
    expect((call.params as { _meta: Record<string, unknown> })._meta["io.modelcontextprotocol/logLevel"]).toBe("error");
    expect(outgoing(s, "logging/setLevel")).toEqual([]);
    await s.features.logging.setLevel(undefined);
    await s.features.resources.read(README);
    expect(
      (outgoing(s, "resources/read").at(-1)!.params as { _meta: Record<string, unknown> })._meta,
    ).not.toHaveProperty("io.modelcontextprotocol/logLevel");
  });

  it("subscribes through subscriptions/listen, re-listening as the set of URIs changes", async () => {
    const s = await connect("2026-07-28");
    const subs = s.features.subscriptions;
    const state = () => subs.store.get();
    expect(state().mode).toBe("subscriptions/listen");
    await subs.subscribe(README);
    expect(state().byUri[README]?.status).toBe("subscribed");
    expect(state().listen?.status).toBe("open");
    await callTool(s, "touch_resource", { uri: README });
    await expect.poll(() => state().updated[README]?.count).toBe(1);

    await subs.subscribe(SETTINGS);
    const listens = outgoing(s, "subscriptions/listen").filter(
      (m) => (m.params as { notifications: { resourceSubscriptions?: string[] } }).notifications.resourceSubscriptions,
    );
    expect(
      listens.map(
        (m) => (m.params as { notifications: { resourceSubscriptions: string[] } }).notifications.resourceSubscriptions,
      ),
    ).toEqual([[README], [README, SETTINGS]]);
    // The first stream is closed once the second is open.
    expect(outgoing(s, "notifications/cancelled").map((m) => (m.params as { requestId: unknown }).requestId)).toContain(
      listens[0]!.id,
    );

    await subs.unsubscribe(README);
    expect(state().byUri[README]).toBeUndefined();
    await callTool(s, "touch_resource", { uri: README });
    await callTool(s, "touch_resource", { uri: SETTINGS });
    await expect.poll(() => state().updated[SETTINGS]?.count).toBe(1);
    expect(state().updated[README]?.count).toBe(1); // no longer subscribed: not delivered

    await s.features.resources.read(SETTINGS);
    expect(state().updated[SETTINGS]).toBeUndefined();
    await subs.unsubscribe(SETTINGS);
    expect(state().listen).toEqual({ status: "closed", closedBy: "local" });
  });

  it("reads resources and gets prompts in this era too; tasks are not offered", async () => {
    const s = await connect("2026-07-28");
    const read = await s.features.resources.read("demo://images/lens.png");
    expect(read.items?.[0]).toMatchObject({ kind: "blob", mimeType: "image/png", preview: "image" });
    const run = await s.features.prompts.get("code_review", { language: "rust", code: "fn main() {}" });
    expect(run.conversation?.messages[0]?.role).toBe("user");
    const completer = s.features.completer({ type: "ref/prompt", name: "code_review" });
    expect((await completer.complete("language", "ty"))?.values).toEqual(["typescript"]);
    await expect(s.features.tasks.runTool("long_task", {})).rejects.toThrow(/2025-11-25/);
  });
});
