/**
 * The failure names the wrong transport: server-everything's Streamable HTTP endpoint opened as
 * legacy SSE, and its legacy SSE endpoint opened as Streamable HTTP (both real, through the relay).
 */
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EVERYTHING, nodeSessionDeps, startProcess, waitFor, type Started } from "../testing";
import type { ConnectionConfig } from "../base";
import { InspectorSession } from "./session";

let server: Started | undefined;
afterEach(async () => server?.stop());

async function everything(mode: "streamableHttp" | "sse"): Promise<number> {
  const listener = createServer().listen(0, "127.0.0.1");
  await once(listener, "listening");
  const port = (listener.address() as AddressInfo).port;
  listener.close();
  server = startProcess(
    process.execPath,
    ["--require", resolve("tests/support/loopbackListen.cjs"), EVERYTHING, mode],
    {
      PORT: String(port),
    },
  );
  await waitFor(() => /listening|running|started/i.test(server!.output()), 15_000);
  return port;
}

async function failureOf(config: ConnectionConfig) {
  const session = new InspectorSession(config, { ...nodeSessionDeps(), connectDeadlineMs: 8000 });
  await session.connect().catch(() => {});
  await session.disconnect();
  return session.state.failure;
}

const http = (url: string, transport: "sse" | "streamable-http"): ConnectionConfig => ({
  id: "wrong",
  name: "wrong transport",
  transport,
  protocol: "2025-11-25",
  url,
  headers: [],
});

describe("a failure that names the wrong transport", () => {
  it("a Streamable HTTP endpoint opened as legacy SSE", async () => {
    const port = await everything("streamableHttp");
    const failure = await failureOf(http(`http://127.0.0.1:${port}/mcp`, "sse"));
    expect(failure?.title).toMatch(/this looks like a Streamable HTTP endpoint/);
    expect(failure?.hint).toBe("Switch the connection's transport to Streamable HTTP.");
  }, 30_000);

  it("a legacy SSE endpoint opened as Streamable HTTP", async () => {
    const port = await everything("sse");
    const failure = await failureOf(http(`http://127.0.0.1:${port}/sse`, "streamable-http"));
    expect(failure?.title).toMatch(/this looks like a legacy SSE endpoint/);
  }, 30_000);
});
