/**
 * The client features against a real legacy server: @modelcontextprotocol/server-everything over
 * the stdio bridge, its tools triggering sampling, elicitation and roots requests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InspectorSession } from "../session";
import { nodeSessionDeps } from "../testing";
import { elicitationFields, elicitationResult, initialElicitationValues, validateElicitation } from "./elicitationForm";
import { urlElicitationsFromError, urlElicitationView } from "./elicitationUrl";
import { initialSamplingDraft, SAMPLING_REJECTED, samplingResult, summariseSampling } from "./sampling";
import { callTool, everythingConfig, nextRequest, outgoing, outgoingErrors, outgoingResults, textOf } from "../testing";

let session: InspectorSession;

beforeAll(async () => {
  session = new InspectorSession(everythingConfig(), nodeSessionDeps());
  session.clientFeatures.roots.add({ uri: "file:///work/project", name: "Project" });
  await session.connect();
  expect(session.state.status).toBe("connected");
});
afterAll(() => session.disconnect());

describe("client features against server-everything (2025-11-25, stdio)", () => {
  it("declares every client capability by default, in state and in initialize", () => {
    const expected = {
      sampling: { tools: {} },
      elicitation: { form: {}, url: {} },
      roots: { listChanged: true },
      tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} }, elicitation: { create: {} } } },
    };
    expect(session.state.clientCapabilities).toEqual(expected);
    const init = outgoing(session, "initialize")[0] as { params: { capabilities: unknown } };
    expect(init.params.capabilities).toEqual(expected);
  });

  it("shows a sampling request and sends the user's answer", async () => {
    const requests = session.clientFeatures.requests;
    const call = callTool(session, "trigger-sampling-request", { prompt: "haiku about pipes", maxTokens: 42 });
    const item = await nextRequest(requests, "sampling/createMessage");
    expect(item.via).toBe("request");
    if (item.method !== "sampling/createMessage") throw new Error("unexpected");
    const summary = summariseSampling(item.params);
    expect(summary.systemPrompt).toBe("You are a helpful test server.");
    expect(summary.maxTokens).toBe(42);
    expect(summary.temperature).toBe(0.7);
    expect(summary.messages[0]?.blocks[0]).toEqual({
      type: "text",
      text: expect.stringContaining("haiku about pipes"),
    });
    const shaped = samplingResult(
      { ...initialSamplingDraft(), model: "lens-test-model", content: [{ type: "text", text: "Water finds its way" }] },
      item.params,
    );
    if (!shaped.ok) throw new Error(shaped.errors.join());
    requests.answer(item.id, shaped.result);
    const result = await call;
    expect(textOf(result)).toContain("lens-test-model");
    expect(textOf(result)).toContain("Water finds its way");
    expect(requests.find(item.id)).toMatchObject({
      status: "answered",
      answer: { kind: "result", result: { model: "lens-test-model", stopReason: "endTurn", role: "assistant" } },
    });
  });

  it("sends a rejection as a JSON-RPC error", async () => {
    const requests = session.clientFeatures.requests;
    const call = callTool(session, "trigger-sampling-request", { prompt: "no" });
    const item = await nextRequest(requests, "sampling/createMessage");
    requests.reject(item.id, SAMPLING_REJECTED.code, SAMPLING_REJECTED.message);
    await call.catch(() => undefined);
    expect(outgoingErrors(session)).toContainEqual({ code: -1, message: "User rejected sampling request" });
    expect(requests.find(item.id)?.answer).toEqual({
      kind: "error",
      code: -1,
      message: "User rejected sampling request",
    });
  });

  it("turns the elicitation schema into fields, validates, and accepts", async () => {
    const requests = session.clientFeatures.requests;
    const call = callTool(session, "trigger-elicitation-request");
    const item = await nextRequest(requests, "elicitation/create");
    if (item.method !== "elicitation/create" || item.params.mode === "url") throw new Error("expected a form");
    const fields = elicitationFields(item.params.requestedSchema);
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.email).toMatchObject({ kind: "text", format: "email" });
    expect(byName.birthdate).toMatchObject({ kind: "text", format: "date" });
    expect(byName.integer).toMatchObject({ kind: "number", integer: true, minimum: 1, maximum: 100, default: 42 });
    expect(byName.titledSingleSelectEnum).toMatchObject({
      kind: "select",
      options: [{ value: "hero-1", label: "Superman" }, expect.anything(), expect.anything()],
    });
    expect(byName.legacyTitledEnum).toMatchObject({
      kind: "select",
      options: expect.arrayContaining([{ value: "pet-2", label: "Dogs" }]),
    });
    expect(byName.titledMultipleSelectEnum).toMatchObject({
      kind: "multiselect",
      minItems: 1,
      maxItems: 3,
      default: ["fish-1"],
    });
    expect(fields.some((f) => f.kind === "unsupported")).toBe(false);

    const values = initialElicitationValues(fields);
    const bad = validateElicitation(fields, { ...values, email: "not-an-email", integer: 500 });
    expect(bad).toMatchObject({
      ok: false,
      errors: { name: "Required.", email: expect.any(String), integer: "At most 100." },
    });
    const good = validateElicitation(fields, {
      ...values,
      name: "Ada Lovelace",
      email: "ada@example.com",
      birthdate: "1815-12-10",
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    requests.answer(item.id, elicitationResult("accept", good.content));
    const text = textOf(await call);
    expect(text).toContain("Name: Ada Lovelace");
    expect(text).toContain("Email: ada@example.com");
    expect(text).toContain("Favorite Integer: 42");
  });

  it("declines and cancels an elicitation", async () => {
    const requests = session.clientFeatures.requests;
    for (const action of ["decline", "cancel"] as const) {
      const call = callTool(session, "trigger-elicitation-request");
      const item = await nextRequest(requests, "elicitation/create");
      requests.answer(item.id, elicitationResult(action));
      expect(textOf(await call)).toMatch(action === "decline" ? /declined/ : /cancel/i);
      expect(requests.find(item.id)?.answer).toEqual({ kind: "result", result: { action } });
    }
  });

  it("offers a URL elicitation's http(s) URL as a link and waits for completion after accept", async () => {
    const requests = session.clientFeatures.requests;
    const call = callTool(session, "trigger-url-elicitation", {
      url: "https://example.com/consent?x=1",
      elicitationId: "e-1",
    });
    const item = await nextRequest(requests, "elicitation/create");
    if (item.method !== "elicitation/create" || item.params.mode !== "url")
      throw new Error("expected a URL elicitation");
    expect(urlElicitationView(item.params)).toMatchObject({
      href: "https://example.com/consent?x=1",
      host: "example.com",
      elicitationId: "e-1",
    });
    requests.answer(item.id, elicitationResult("accept"));
    expect(textOf(await call)).toContain("completed the URL elicitation");
    // server-everything never sends notifications/elicitation/complete, so the item keeps waiting.
    expect(requests.find(item.id)?.status).toBe("awaiting-completion");
    requests.complete("e-1");
    expect(requests.find(item.id)).toMatchObject({ status: "answered", completedAt: expect.any(Number) });
  });

  it("reads the URLs of a -32042 URL-elicitation-required error", async () => {
    const runner = session.tools;
    const outcome = await runner.call(session.client!, "trigger-url-elicitation", {
      url: "https://example.com/a",
      errorPath: true,
    });
    expect(outcome).toMatchObject({ kind: "protocol-error", code: -32042 });
    const views = urlElicitationsFromError(outcome as { code: number; data?: unknown });
    expect(views).toEqual([
      expect.objectContaining({
        href: "https://modelcontextprotocol.io/",
        host: "modelcontextprotocol.io",
        elicitationId: expect.any(String),
      }),
    ]);
    expect(
      urlElicitationsFromError({
        code: -32042,
        data: { elicitations: [{ url: "javascript:alert(1)", message: "x" }] },
      })[0]?.href,
    ).toBeUndefined();
    expect(urlElicitationsFromError({ code: -32602, data: {} })).toEqual([]);
  });

  it("answers roots/list from the roots list and notifies each change", async () => {
    const roots = session.clientFeatures.roots;
    expect(textOf(await callTool(session, "get-roots-list"))).toContain("file:///work/project");
    const listedBefore = roots.get().listed?.count ?? 0;
    expect(listedBefore).toBeGreaterThan(0);
    expect(roots.add({ uri: "file:///tmp/other", name: "Other" })).toEqual({});
    await expect.poll(() => outgoing(session, "notifications/roots/list_changed").length).toBe(1);
    // server-everything re-reads the list on list_changed.
    await expect.poll(() => roots.get().listed?.count).toBeGreaterThan(listedBefore);
    expect(roots.get().lastNotice).toMatchObject({ sent: true });
    expect(textOf(await callTool(session, "get-roots-list"))).toContain("file:///tmp/other");
    roots.remove(1);
    await expect.poll(() => outgoing(session, "notifications/roots/list_changed").length).toBe(2);
  });

  it("lists the two task-only tools, which server-everything registers only for a client declaring tasks", () => {
    const names = session.state.lists.tools.items.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(["trigger-sampling-request-async", "trigger-elicitation-request-async"]),
    );
  });

  it("runs an async sampling request as a task on the client: CreateTaskResult, polled with tasks/get, answered through tasks/result", async () => {
    const requests = session.clientFeatures.requests;
    const call = callTool(session, "trigger-sampling-request-async", { prompt: "a task haiku", maxTokens: 30 });
    const item = await nextRequest(requests, "sampling/createMessage");
    const [task] = session.clientFeatures.tasks.get().tasks.slice(-1);
    expect(task).toMatchObject({ method: "sampling/createMessage", status: "working", ttl: 300000 });
    // The request itself was answered at once with the task.
    await expect
      .poll(() =>
        outgoingResults(session).some((r) => (r as { task?: { taskId?: string } }).task?.taskId === task!.taskId),
      )
      .toBe(true);
    await expect
      .poll(() => session.clientFeatures.tasks.get().tasks.find((t) => t.taskId === task!.taskId)?.polls, {
        timeout: 5000,
      })
      .toBeGreaterThan(0);
    if (item.method !== "sampling/createMessage") throw new Error("unexpected");
    const shaped = samplingResult(
      { ...initialSamplingDraft(), model: "lens-task-model", content: [{ type: "text", text: "Tasks wait in line" }] },
      item.params,
    );
    if (!shaped.ok) throw new Error(shaped.errors.join());
    requests.answer(item.id, shaped.result);
    const text = textOf(await call);
    expect(text).toContain("[COMPLETED] Async sampling completed!");
    expect(text).toContain("lens-task-model");
    expect(session.clientFeatures.tasks.get().tasks.find((t) => t.taskId === task!.taskId)).toMatchObject({
      status: "completed",
    });
    expect(outgoing(session, "tasks/get")).toEqual([]); // the server polls the client, not the other way round
  }, 30_000);

  it("runs an async elicitation as a task; the server's tasks/get, tasks/result are answered by the client", async () => {
    const requests = session.clientFeatures.requests;
    const call = callTool(session, "trigger-elicitation-request-async");
    const item = await nextRequest(requests, "elicitation/create");
    if (item.method !== "elicitation/create" || item.params.mode === "url") throw new Error("expected a form");
    const fields = elicitationFields(item.params.requestedSchema);
    const values = validateElicitation(fields, {
      ...initialElicitationValues(fields),
      name: "Grace Hopper",
      favoriteColor: "Blue",
      agreeToTerms: true,
    });
    if (!values.ok) throw new Error(JSON.stringify(values.errors));
    requests.answer(item.id, elicitationResult("accept", values.content));
    const text = textOf(await call);
    expect(text).toContain("[COMPLETED] User provided the requested information!");
    expect(text).toContain("Grace Hopper");
  }, 30_000);

  it("pings the server and times it", async () => {
    const outcome = await session.ping();
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.ms).toBeGreaterThanOrEqual(0);
    expect(outgoing(session, "ping")).toHaveLength(1);
  });
});
