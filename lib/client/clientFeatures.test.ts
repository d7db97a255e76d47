/** ClientFeatures on an in-memory pair with an SDK v2 server: handler registration and lifecycle. */
import { Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { Server } from "@modelcontextprotocol/server";
import { afterEach, describe, expect, it } from "vitest";
import type { ClientFeatureSwitches } from "../base";
import { ClientFeatures } from "./clientFeatures";
import { nextRequest } from "../testing";

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

async function pair(
  features: ClientFeatures,
  switches?: ClientFeatureSwitches,
): Promise<{ client: Client; server: Server }> {
  const client = new Client({ name: "lens", version: "0" }, { capabilities: features.capabilities(switches) });
  features.install(client, switches);
  const server = new Server({ name: "s", version: "0" }, { capabilities: {} });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  await client.connect(a);
  features.connected(client);
  closers.push(
    () => client.close(),
    () => server.close(),
  );
  return { client, server };
}

const toolRequest = {
  messages: [{ role: "user" as const, content: { type: "text" as const, text: "weather?" } }],
  maxTokens: 10,
  tools: [{ name: "get_weather", inputSchema: { type: "object" as const } }],
};

describe("ClientFeatures", () => {
  it("refuses a sampling request with tools when sampling.tools is off, with -32602 and no card", async () => {
    const features = new ClientFeatures();
    const { server } = await pair(features, { samplingTools: false });
    expect(server.getClientCapabilities()).toMatchObject({
      sampling: {},
      elicitation: { form: {}, url: {} },
      roots: { listChanged: true },
    });
    await expect(server.request({ method: "sampling/createMessage", params: toolRequest })).rejects.toMatchObject({
      code: -32602,
    });
    expect(features.requests.get().items).toEqual([]);
  });

  it("gives a sampling request with tools to the user when sampling.tools is on", async () => {
    const features = new ClientFeatures();
    const { server } = await pair(features);
    const asked = server.request({ method: "sampling/createMessage", params: toolRequest });
    const item = await nextRequest(features.requests, "sampling/createMessage");
    features.requests.answer(item.id, {
      role: "assistant",
      model: "m",
      stopReason: "toolUse",
      content: [{ type: "tool_use", id: "t1", name: "get_weather", input: {} }],
    });
    await expect(asked).resolves.toMatchObject({
      stopReason: "toolUse",
      content: [{ type: "tool_use", name: "get_weather" }],
    });
  });

  it("ends open requests unanswered when the connection goes", async () => {
    const features = new ClientFeatures();
    const { server } = await pair(features);
    const asked = server
      .request(
        { method: "elicitation/create", params: { message: "?", requestedSchema: { type: "object", properties: {} } } },
        { timeout: 2000 },
      )
      .catch((e: unknown) => e);
    const item = await nextRequest(features.requests, "elicitation/create");
    features.detach("disconnected");
    expect(features.requests.find(item.id)).toMatchObject({ status: "cancelled", note: "disconnected" });
    expect(await asked).toBeInstanceOf(Error);
    expect(await features.ping()).toEqual({ ok: false, ms: 0, error: "Not connected." });
  });

  it("declares and installs an extension's capabilities and handlers", async () => {
    const features = new ClientFeatures();
    const installed: Client[] = [];
    features.extend({ name: "tasks", capabilities: { tasks: { list: {} } }, install: (c) => void installed.push(c) });
    const { client, server } = await pair(features, { roots: false });
    expect(installed).toEqual([client]);
    expect(server.getClientCapabilities()).toEqual({
      sampling: { tools: {} },
      elicitation: { form: {}, url: {} },
      tasks: { list: {} },
    });
  });

  it("answers the server's ping and times its own", async () => {
    let t = 100;
    const features = new ClientFeatures({ now: () => (t += 7) });
    const { server } = await pair(features);
    await expect(server.ping()).resolves.toEqual({});
    expect(await features.ping()).toEqual({ ok: true, ms: 7 });
  });
});
