/**
 * The server features against @modelcontextprotocol/server-everything (2025-11-25, stdio bridge):
 * resources, templates with completions, subscriptions, prompts, logging and tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTool, everythingConfig, outgoing } from "../testing";
import { InspectorSession } from "../session";
import { nodeSessionDeps } from "../testing";
import { parseTemplate, expandTemplate } from "./uriTemplate";

let session: InspectorSession;
beforeAll(async () => {
  session = new InspectorSession(everythingConfig(), nodeSessionDeps());
  await session.connect();
  expect(session.state.failure).toBeUndefined();
});
afterAll(async () => {
  await session.disconnect();
});

const f = () => session.features;

describe("resources", () => {
  it("reads a text resource: language from the mime type, size, never from the SDK cache", async () => {
    const uri = "demo://resource/static/document/features.md";
    const read = await f().resources.read(uri);
    expect(read.status).toBe("done");
    const [item] = read.items!;
    expect(item).toMatchObject({
      kind: "text",
      mimeType: "text/markdown",
      mimeGuessed: false,
      language: "markdown",
      render: "markdown",
    });
    expect(item!.size).toBe(new TextEncoder().encode(item!.kind === "text" ? item!.text : "").length);
    await f().resources.read(uri);
    expect(outgoing(session, "resources/read").filter((m) => (m.params as { uri: string }).uri === uri)).toHaveLength(
      2,
    );
    expect(f().resources.store.get().byUri[uri]?.attempt).toBe(2);
  });

  it("reads a blob resource with its decoded size and preview kind", async () => {
    const read = await f().resources.read("demo://resource/dynamic/blob/3");
    const [item] = read.items!;
    if (item?.kind !== "blob") throw new Error(`expected a blob, got ${item?.kind}`);
    expect(item.size).toBe(Buffer.from(item.blob, "base64").length);
    expect(item.preview).toBe(item.mimeType.startsWith("text/") ? "text" : "download");
  });

  it("reports an unknown resource as the server's error", async () => {
    const read = await f().resources.read("demo://resource/nope");
    expect(read.status).toBe("error");
    expect(read.error?.code).toBeTypeOf("number");
  });
});

describe("resource templates and completions", () => {
  it("completes a template variable, expands the template and reads the result", async () => {
    expect(f().completionsEnabled).toBe(true);
    const template = session.state.lists.resourceTemplates.items.find((t) => t.uriTemplate.includes("dynamic/text"))!;
    const parsed = parseTemplate(template.uriTemplate);
    expect(parsed.variables.map((v) => v.name)).toEqual(["resourceId"]);
    const completer = f().completer({ type: "ref/resource", uri: template.uriTemplate });
    const suggestions = await completer.complete("resourceId", "1");
    expect(suggestions?.status).toBe("ready");
    expect(suggestions?.values.length).toBeGreaterThan(0);
    const picked = suggestions!.values[0]!;
    const { uri } = expandTemplate(parsed, { resourceId: picked });
    const read = await f().resources.read(uri);
    expect(read.status).toBe("done");
    expect(read.items?.[0]?.kind).toBe("text");
  });

  it("passes the filled arguments as context.arguments", async () => {
    const completer = f().completer({ type: "ref/prompt", name: "completable-prompt" });
    const names = await completer.complete("name", "", {
      department: "Engineering",
      name: "ignored: the argument being completed",
    });
    expect(names?.values).toEqual(["Alice", "Bob", "Charlie"]);
    const sent = outgoing(session, "completion/complete").at(-1)!.params as Record<string, unknown>;
    expect(sent).toEqual({
      ref: { type: "ref/prompt", name: "completable-prompt" },
      argument: { name: "name", value: "" },
      context: { arguments: { department: "Engineering" } },
    });
  });

  it("debounces keystrokes into one request and keeps only the latest answer", async () => {
    const completer = f().completer({ type: "ref/prompt", name: "completable-prompt" });
    const before = outgoing(session, "completion/complete").length;
    completer.type("department", "E");
    completer.type("department", "En");
    completer.type("department", "Eng");
    await expect.poll(() => completer.store.get().byArgument.department?.status, { timeout: 5000 }).toBe("ready");
    const sent = outgoing(session, "completion/complete").slice(before);
    expect(sent.map((m) => (m.params as { argument: { value: string } }).argument.value)).toEqual(["Eng"]);
    expect(completer.store.get().byArgument.department).toMatchObject({ value: "Eng", values: ["Engineering"] });
    // A slower, older answer never replaces a newer one.
    const older = completer.complete("department", "M");
    const newer = completer.complete("department", "S");
    expect(await older).toBeUndefined();
    expect((await newer)?.value).toBe("S");
    expect(completer.store.get().byArgument.department?.value).toBe("S");
    completer.dispose();
  });
});

describe("subscriptions", () => {
  it("subscribes, marks the resource when an update arrives, clears the mark on re-read, unsubscribes", async () => {
    const uri = "demo://resource/dynamic/text/1";
    const subs = f().subscriptions;
    expect(subs.store.get()).toMatchObject({ mode: "resources/subscribe", declared: true });
    await subs.subscribe(uri);
    expect(subs.store.get().byUri[uri]?.status).toBe("subscribed");
    await callTool(session, "toggle-subscriber-updates");
    await expect.poll(() => subs.store.get().updated[uri]?.count ?? 0, { timeout: 8000 }).toBeGreaterThan(0);
    await f().resources.read(uri);
    expect(subs.store.get().updated[uri]).toBeUndefined();
    await callTool(session, "toggle-subscriber-updates");
    await subs.unsubscribe(uri);
    expect(subs.store.get().byUri[uri]).toBeUndefined();
    expect(outgoing(session, "resources/unsubscribe").at(-1)?.params).toEqual({ uri });
  });
});

describe("prompts", () => {
  it("gets a prompt with arguments and models the conversation", async () => {
    const run = await f().prompts.get("args-prompt", { city: "Lisbon", state: "" });
    expect(run.status).toBe("done");
    expect(run.args).toEqual({ city: "Lisbon" });
    const [message] = run.conversation!.messages;
    expect(message?.role).toBe("user");
    expect(message?.parts[0]?.content.kind).toBe("text");
    expect(JSON.stringify(message?.parts)).toContain("Lisbon");
    expect(run.conversation!.problems).toEqual([]);
  });

  it("shows an embedded resource in the conversation", async () => {
    const run = await f().prompts.get("resource-prompt", { resourceType: "Text", resourceId: "2" });
    const parts = run.conversation!.messages.flatMap((m) => m.parts);
    const embedded = parts.find((p) => p.content.kind === "resource");
    expect(embedded?.resource).toMatchObject({ kind: "text", uri: "demo://resource/dynamic/text/2" });
  });

  it("keeps the server's error for a missing required argument", async () => {
    const run = await f().prompts.get("args-prompt", {});
    expect(run.status).toBe("error");
    expect(run.error?.message).toBeTruthy();
  });
});

describe("logging", () => {
  it("sets the level with logging/setLevel and collects notifications/message", async () => {
    await f().logging.setLevel("debug");
    expect(f().logging.store.get()).toMatchObject({ level: "debug", levelStatus: "set", levelMode: "setLevel" });
    expect(outgoing(session, "logging/setLevel").at(-1)?.params).toEqual({ level: "debug" });
    const simulated = () =>
      f()
        .logging.store.get()
        .entries.filter((e) => /level.message/i.test(e.pretty));
    await callTool(session, "toggle-simulated-logging");
    await expect.poll(() => simulated().length, { timeout: 8000 }).toBeGreaterThan(0);
    await callTool(session, "toggle-simulated-logging");
    const [entry] = simulated();
    expect(entry!.severity).toBeGreaterThanOrEqual(0);
    expect(entry!.receivedAt).toBeGreaterThan(0);
  });
});

describe("tasks (2025-11-25 experimental)", () => {
  it("runs a tool as a task, polls tasks/get until it completes and fetches tasks/result", async () => {
    const tool = session.state.lists.tools.items.find((t) => t.name === "simulate-research-query")!;
    const { taskSupportOf, serverRunsToolTasks } = await import("./taskState");
    expect(taskSupportOf(tool)).toBe("required");
    expect(serverRunsToolTasks(session.state.serverCapabilities)).toBe(true);
    const start = await f().tasks.runTool("simulate-research-query", { topic: "MCP inspectors" });
    if (start.kind !== "task") throw new Error(`expected a task, got ${JSON.stringify(start)}`);
    await expect
      .poll(() => f().tasks.store.get().byId[start.taskId]?.result?.status, { timeout: 20_000, interval: 200 })
      .toBe("done");
    const task = f().tasks.store.get().byId[start.taskId]!;
    expect(task.status).toBe("completed");
    expect(task.polls).toBeGreaterThan(0);
    expect(task.polling).toBe(false);
    expect(JSON.stringify(task.result?.value)).toContain("MCP inspectors");
    expect(outgoing(session, "tools/call").at(-1)?.params).toMatchObject({ name: "simulate-research-query", task: {} });
    expect(outgoing(session, "tasks/result").at(-1)?.params).toEqual({ taskId: start.taskId });
  }, 30_000);

  it("cancels a running task and lists tasks", async () => {
    const start = await f().tasks.runTool("simulate-research-query", { topic: "cancel me" }, { ttl: 60_000 });
    if (start.kind !== "task") throw new Error("expected a task");
    await f().tasks.cancel(start.taskId);
    const task = f().tasks.store.get().byId[start.taskId]!;
    expect(task.cancel?.status).toBe("done");
    expect(task.status).toBe("cancelled");
    expect(task.polling).toBe(false);
    await f().tasks.list();
    expect(f().tasks.store.get().list?.status).toBe("ready");
    expect(outgoing(session, "tasks/list").length).toBeGreaterThan(0);
  });
});
