/**
 * BridgeStdioTransport over the WebSocket channel (a real upgrade handler on 127.0.0.1:0, `ws` as the
 * page's WebSocket): the same capture as over HTTP, the same refusals, and the HTTP routes when the
 * socket cannot open.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Transport } from "@modelcontextprotocol/client";
import { InspectorSession, type SessionDeps } from "../session";
import { registry, shutdownAll } from "../server";
import {
  callTool,
  everythingConfig,
  newDescendants,
  descendants,
  socketSessionDeps,
  startSocketBridge,
  textOf,
  waitFor,
  type SocketBridge,
} from "../testing";
import { BridgeStdioTransport } from "./bridgeStdio";

let bridge: SocketBridge;
let baseline: number[] = [];
const sessions: InspectorSession[] = [];
beforeEach(async () => {
  baseline = descendants(process.pid);
  bridge = await startSocketBridge();
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.disconnect()));
  await bridge.close();
  await shutdownAll();
});

/** Deps that keep the stdio transports they build, to look at their channel. */
function watched(deps: SessionDeps): { deps: SessionDeps; transports: BridgeStdioTransport[] } {
  const transports: BridgeStdioTransport[] = [];
  return {
    transports,
    deps: {
      ...deps,
      createTransport: (config, log) => {
        const t: Transport = deps.createTransport(config, log);
        if (t instanceof BridgeStdioTransport) transports.push(t);
        return t;
      },
    },
  };
}

function session(config = everythingConfig(), deps: SessionDeps = socketSessionDeps(bridge)): InspectorSession {
  const s = new InspectorSession(config, { ...deps, connectDeadlineMs: 15_000 });
  sessions.push(s);
  return s;
}

describe("BridgeStdioTransport over the WebSocket channel", () => {
  it("server-everything: handshake, a tool call, every frame logged raw, the pid known; disconnect stops the server", async () => {
    const { deps, transports } = watched(socketSessionDeps(bridge));
    const s = session(everythingConfig(), deps);
    await s.connect();
    expect(s.state.failure).toBeUndefined();
    expect(transports[0]!.channel).toBe("socket");
    expect(transports[0]!.pid).toBeGreaterThan(0);
    expect(textOf(await callTool(s, "echo", { message: "over the socket" }))).toContain("over the socket");
    const frames = s.log.frames();
    expect(frames.some((f) => f.direction === "outgoing" && f.raw.includes('"over the socket"'))).toBe(true);
    expect(frames.some((f) => f.direction === "incoming" && f.raw.includes("over the socket"))).toBe(true);
    // A frame the bridge would refuse fails its own send only, recorded first as over HTTP.
    await expect(transports[0]!.sendRaw("a\nb")).rejects.toThrow(/must not contain a newline/);
    expect(s.log.frames().some((f) => f.direction === "outgoing" && f.raw === "a\nb")).toBe(true);
    expect(textOf(await callTool(s, "echo", { message: "still" }))).toContain("still");
    await s.disconnect();
    expect(await waitFor(() => registry().processes.size === 0 && newDescendants(baseline).length === 0)).toBe(true);
  }, 30_000);

  it("a launch refused after the upgrade says what the HTTP route says", async () => {
    const s = session(everythingConfig({ env: [{ name: "A=B", value: "1", secret: false }] }));
    await s.connect();
    expect(s.state.status).toBe("failed");
    expect(JSON.stringify(s.state.failure)).toMatch(/refused to start the server \(HTTP 400\): invalid launch request/);
  });

  it("a socket that cannot open (no server there): the HTTP routes are used", async () => {
    const url = bridge.url;
    await bridge.close();
    const { deps, transports } = watched(socketSessionDeps({ ...bridge, url }));
    const s = session(everythingConfig(), deps);
    await s.connect();
    expect(s.state.failure).toBeUndefined();
    expect(transports[0]!.channel).toBe("http");
    expect(textOf(await callTool(s, "echo", { message: "over HTTP" }))).toContain("over HTTP");
    bridge = await startSocketBridge();
  }, 30_000);
});
