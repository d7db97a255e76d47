/**
 * The client features against the demo server over the stdio bridge: what server-everything
 * lacks (URL elicitation completion, 2026-07-28 multi round-trip), cancellation, and every
 * capability switched off.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../base";
import { InspectorSession } from "../session";
import { nodeSessionDeps } from "../testing";
import { elicitationFields, elicitationResult, initialElicitationValues, validateElicitation } from "./elicitationForm";
import { urlElicitationView } from "./elicitationUrl";
import { samplingResult, summariseSampling } from "./sampling";
import { callTool, demoConfig, nextRequest, outgoing, outgoingErrors, textOf } from "../testing";

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

async function connect(config: Partial<ConnectionConfig> = {}): Promise<InspectorSession> {
  session = new InspectorSession(demoConfig(config), nodeSessionDeps());
  await session.connect();
  expect(session.state.failure).toBeUndefined();
  return session;
}

describe("demo server, 2025-11-25", () => {
  it("keeps an accepted URL elicitation waiting until notifications/elicitation/complete", async () => {
    const s = await connect();
    const requests = s.clientFeatures.requests;
    const call = callTool(s, "open_link", { completeAfterMs: 300 });
    const item = await nextRequest(requests, "elicitation/create");
    if (item.method !== "elicitation/create" || item.params.mode !== "url")
      throw new Error("expected a URL elicitation");
    const view = urlElicitationView(item.params);
    expect(view.href).toBe("https://modelcontextprotocol.io/specification");
    expect(view.elicitationId).toMatch(/^[0-9a-f-]{36}$/);
    requests.answer(item.id, elicitationResult("accept"));
    expect(requests.find(item.id)?.status).toBe("awaiting-completion");
    expect(textOf(await call)).toContain(view.elicitationId);
    await expect.poll(() => requests.find(item.id)?.status).toBe("answered");
    expect(requests.find(item.id)?.completedAt).toBeGreaterThan(0);
  });

  it("cancels the open request when the server cancels it", async () => {
    const s = await connect();
    const requests = s.clientFeatures.requests;
    const controller = new AbortController();
    const call = callTool(s, "sample_llm", { prompt: "never answered" }, controller.signal);
    const item = await nextRequest(requests, "sampling/createMessage");
    // Cancelling the tool call makes the server cancel its sampling request (notifications/cancelled).
    controller.abort("user");
    await expect(call).rejects.toThrow();
    await expect.poll(() => requests.find(item.id)?.status).toBe("cancelled");
    expect(requests.find(item.id)?.answer).toBeUndefined();
  });

  it("lets two requests wait at once and answers them in any order", async () => {
    const s = await connect();
    const requests = s.clientFeatures.requests;
    const sampled = callTool(s, "sample_llm", { prompt: "first" });
    const first = await nextRequest(requests, "sampling/createMessage");
    const asked = callTool(s, "ask_user", {});
    const second = await nextRequest(requests, "elicitation/create");
    expect(requests.get().items.filter((i) => i.status === "pending")).toHaveLength(2);
    requests.answer(second.id, elicitationResult("decline"));
    expect(textOf(await asked)).toContain("declined");
    if (first.method !== "sampling/createMessage") throw new Error("unexpected");
    const shaped = samplingResult({ model: "m", content: [{ type: "text", text: "late" }] }, first.params);
    if (!shaped.ok) throw new Error("unexpected");
    requests.answer(first.id, shaped.result);
    expect(textOf(await sampled)).toContain("late");
  });

  it("offers the roots saved with the connection from the start", async () => {
    const s = await connect({ roots: [{ uri: "file:///saved/project", name: "saved" }] });
    expect(textOf(await callTool(s, "list_roots"))).toBe(
      "1 root(s):\nfile:///saved/project (saved)\nlist_changed received: 0",
    );
  });

  it("answers list_roots and tells the server when roots change", async () => {
    const s = await connect();
    expect(textOf(await callTool(s, "list_roots"))).toMatch(/^0 root\(s\)\nlist_changed received: 0$/);
    s.clientFeatures.roots.set([{ uri: "file:///srv/a", name: "A" }]);
    await expect.poll(() => s.clientFeatures.roots.get().lastNotice?.sent).toBe(true);
    expect(textOf(await callTool(s, "list_roots"))).toBe("1 root(s):\nfile:///srv/a (A)\nlist_changed received: 1");
    s.clientFeatures.roots.add({ uri: "file:///srv/b" });
    await expect.poll(() => outgoing(s, "notifications/roots/list_changed").length).toBe(2);
    expect(textOf(await callTool(s, "list_roots"))).toMatch(/^2 root\(s\)[\s\S]*list_changed received: 2$/);
  });

  it("exposes sampling tools and sends a tool_use answer; refuses tools when sampling.tools is off", async () => {
    const s = await connect();
    const requests = s.clientFeatures.requests;
    const call = callTool(s, "sample_with_tools", { city: "Oslo", toolChoice: "required" });
    const item = await nextRequest(requests, "sampling/createMessage");
    if (item.method !== "sampling/createMessage") throw new Error("unexpected");
    const summary = summariseSampling(item.params);
    expect(summary.tools.map((t) => t.name)).toEqual(["get_weather"]);
    expect(summary.toolChoice).toBe("required");
    const textOnly = samplingResult({ model: "m", content: [{ type: "text", text: "sunny" }] }, item.params);
    expect(textOnly).toMatchObject({ ok: true, warnings: [expect.stringContaining("required")] });
    const shaped = samplingResult(
      {
        model: "m",
        content: [
          { type: "text", text: "Checking." },
          { type: "tool_use", name: "get_weather", input: '{"city":"Oslo"}' },
        ],
      },
      item.params,
    );
    if (!shaped.ok) throw new Error(shaped.errors.join());
    requests.answer(item.id, shaped.result);
    expect(textOf(await call)).toBe('stopReason toolUse; text: Checking.; tool_use get_weather({"city":"Oslo"})');
    await s.disconnect();

    const off = await connect({ clientFeatures: { samplingTools: false } });
    expect(off.state.clientCapabilities.sampling).toEqual({});
    const refused = await callTool(off, "sample_with_tools", {});
    expect(refused).toMatchObject({ isError: true });
    expect(off.clientFeatures.requests.get().items).toEqual([]);
  });

  it("answers the server's ping", async () => {
    const s = await connect();
    expect(textOf(await callTool(s, "probe_client", { request: "ping" }))).toBe("answered: {}");
  });
});

describe("demo server, 2026-07-28 multi round-trip", () => {
  it("drives plan_trip's two rounds (form elicitation, then sampling) from the same request cards", async () => {
    const s = await connect({ protocol: "2026-07-28" });
    expect(s.state.era).toBe("modern");
    const requests = s.clientFeatures.requests;
    const call = callTool(s, "plan_trip");
    const form = await nextRequest(requests, "elicitation/create");
    expect(form).toMatchObject({ via: "input-required", requestId: "destination" });
    if (form.method !== "elicitation/create" || form.params.mode === "url") throw new Error("expected a form");
    const fields = elicitationFields(form.params.requestedSchema);
    const checked = validateElicitation(fields, { ...initialElicitationValues(fields), city: "Lisbon", nights: "2" });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.content).toEqual({ city: "Lisbon", nights: 2 });
    requests.answer(form.id, elicitationResult("accept", checked.content));

    const sampling = await nextRequest(requests, "sampling/createMessage");
    expect(sampling).toMatchObject({ via: "input-required", requestId: "ideas" });
    if (sampling.method !== "sampling/createMessage") throw new Error("unexpected");
    expect(sampling.params.systemPrompt).toBe("You are a travel planner.");
    const shaped = samplingResult(
      { model: "planner", content: [{ type: "text", text: "Tram 28, then pastéis." }] },
      sampling.params,
    );
    if (!shaped.ok) throw new Error(shaped.errors.join());
    requests.answer(sampling.id, shaped.result);
    expect(textOf(await call)).toBe("2 nights in Lisbon: Tram 28, then pastéis.");
    // Three tools/call legs on the wire: the original and one retry per round, the last with requestState.
    const legs = outgoing(s, "tools/call") as { params: { requestState?: string; inputResponses?: unknown } }[];
    expect(legs).toHaveLength(3);
    expect(legs[2]?.params.requestState).toBe(JSON.stringify({ city: "Lisbon", nights: 2 }));
  });

  it("answers a URL elicitation without waiting for a completion notification (none exists in 2026-07-28)", async () => {
    const s = await connect({ protocol: "2026-07-28" });
    const requests = s.clientFeatures.requests;
    const call = callTool(s, "open_link");
    const item = await nextRequest(requests, "elicitation/create");
    if (item.method !== "elicitation/create" || item.params.mode !== "url")
      throw new Error("expected a URL elicitation");
    expect(urlElicitationView(item.params)).toMatchObject({
      href: "https://modelcontextprotocol.io/specification",
      elicitationId: undefined,
    });
    requests.answer(item.id, elicitationResult("accept"));
    expect(requests.find(item.id)?.status).toBe("answered");
    expect(textOf(await call)).toContain("User accepted opening");
  });

  it("answers roots from the list and declares capabilities in each request's _meta", async () => {
    const s = await connect({ protocol: "2026-07-28" });
    s.clientFeatures.roots.set([{ uri: "file:///m", name: "M" }]);
    expect(textOf(await callTool(s, "list_roots"))).toContain("file:///m (M)");
    expect(s.clientFeatures.roots.get().listed?.count).toBe(1);
    const call = outgoing(s, "tools/call")[0] as { params: { _meta: Record<string, unknown> } };
    expect(call.params._meta["io.modelcontextprotocol/clientCapabilities"]).toEqual(s.state.clientCapabilities);
    s.clientFeatures.roots.add({ uri: "file:///n" });
    expect(s.clientFeatures.roots.get().lastNotice).toMatchObject({
      sent: false,
      detail: expect.stringContaining("2026-07-28"),
    });
    expect(await s.ping()).toMatchObject({ ok: false, error: expect.stringContaining("2026-07-28") });
  });
});

describe("client capabilities switched off", () => {
  const allOff = { sampling: false, elicitationForm: false, elicitationUrl: false, roots: false };

  it("declares none and answers each 2025 server request with -32601, not a fake answer", async () => {
    const s = await connect({ clientFeatures: allOff });
    expect(s.state.clientCapabilities).toEqual({});
    expect((outgoing(s, "initialize")[0] as { params: { capabilities: unknown } }).params.capabilities).toEqual({});
    for (const request of ["sampling", "elicitation", "roots"]) {
      const result = await callTool(s, "probe_client", { request });
      expect(textOf(result)).toMatch(/^not answered: error -32601: .*Method not found/);
    }
    expect(textOf(await callTool(s, "list_roots"))).toContain("error -32601");
    expect(outgoingErrors(s).filter((e) => e.code === -32601)).toHaveLength(4);
    expect(s.clientFeatures.requests.get().items).toEqual([]);
    // Ping needs no capability.
    expect(textOf(await callTool(s, "probe_client", { request: "ping" }))).toBe("answered: {}");
  });

  it("refuses the mode or sub-capability that is off", async () => {
    const s = await connect({
      clientFeatures: { elicitationForm: false, samplingTools: false, rootsListChanged: false },
    });
    expect(s.state.clientCapabilities).toEqual({
      sampling: {},
      elicitation: { url: {} },
      roots: {},
      tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} }, elicitation: { create: {} } } },
    });
    expect(textOf(await callTool(s, "probe_client", { request: "elicitation" }))).toMatch(/error -32602: .*form-mode/);
    s.clientFeatures.roots.add({ uri: "file:///x" });
    expect(s.clientFeatures.roots.get().lastNotice).toMatchObject({ sent: false });
    expect(outgoing(s, "notifications/roots/list_changed")).toEqual([]);
  });

  it("in 2026-07-28 leaves the input request unanswered and the capability out of _meta", async () => {
    const s = await connect({ protocol: "2026-07-28", clientFeatures: allOff });
    const result = await callTool(s, "plan_trip").then(
      (r) => ({ ok: true, text: textOf(r) }),
      (e: unknown) => ({ ok: false, text: String(e) }),
    );
    // The SDK server checks the capabilities in _meta before asking; the call fails, nothing is faked.
    expect(result).toEqual({
      ok: false,
      text: expect.stringMatching(/Cannot request input 'destination'.*do not declare the required capability/),
    });
    expect(s.clientFeatures.requests.get().items).toEqual([]);
    const call = outgoing(s, "tools/call")[0] as { params: { _meta: Record<string, unknown> } };
    expect(call.params._meta["io.modelcontextprotocol/clientCapabilities"]).toEqual({});
  });
});
