/**
 * A server that stops or restarts mid-session, over Streamable HTTP (the misbehaving fixture and
 * server-everything, restarted on the same port) and over stdio: the session says it is lost at once,
 * a reconnect (by hand, or automatic) gets a working session, and the traffic log goes on across it.
 */
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EVERYTHING } from "../testing";
import { startHttpFixture } from "../testing";
import { startProcess, waitFor, type Started } from "../testing";
import { nodeSessionDeps } from "../testing";
import type { ConnectionConfig } from "../base";
import { handshakeSteps } from "./negotiation";
import { InspectorSession } from "./session";

const started: Started[] = [];
let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

async function freePort(): Promise<number> {
  const listener = createServer().listen(0, "127.0.0.1");
  await once(listener, "listening");
  const port = (listener.address() as AddressInfo).port;
  listener.close();
  return port;
}

async function everything(port: number): Promise<Started> {
  const server = startProcess(
    process.execPath,
    ["--require", resolve("tests/support/loopbackListen.cjs"), EVERYTHING, "streamableHttp"],
    { PORT: String(port) },
  );
  started.push(server);
  await waitFor(() => /listening|running|started/i.test(server.output()), 15_000);
  return server;
}

const http = (url: string, protocol: ConnectionConfig["protocol"] = "2025-11-25"): ConnectionConfig => ({
  id: "h",
  name: "h",
  transport: "streamable-http",
  protocol,
  url,
  headers: [],
});
const echo = (s: InspectorSession, text: string) =>
  s.tools.call(s.client!, "echo", { message: text, text }, { timeoutMs: 5000 });
const codes = (s: InspectorSession) =>
  s.log.entries.flatMap((e) => (e.kind === "event" ? [`${e.source}/${e.code}`] : []));
const marks = (s: InspectorSession) =>
  s.log.entries.flatMap((e) => (e.kind === "event" && e.mark ? [e.mark.type] : []));
const initializes = (s: InspectorSession) =>
  s.log.frames().filter((f) => f.direction === "outgoing" && f.rpc.type === "request" && f.rpc.method === "initialize")
    .length;

describe("recovering from a server that stops or restarts", () => {
  it("HTTP, killed then restarted: lost at once (refused), one reconnect later a working session, the log continuous", async () => {
    const port = await freePort();
    let server = await everything(port);
    session = new InspectorSession(http(`http://127.0.0.1:${port}/mcp`), nodeSessionDeps());
    await session.connect();
    expect(session.state.status).toBe("connected");
    const before = session.log.entries.length;
    await server.stop();
    const outcome = await echo(session, "anyone?");
    expect(outcome.kind).toBe("failed");
    const failedAt = Date.now();
    await waitFor(() => session!.state.status === "failed", 1000, 10);
    expect(Date.now() - failedAt).toBeLessThan(1000);
    expect(session.state.failure).toMatchObject({
      title: expect.stringMatching(/^Connection lost: nothing answers at/),
      reconnect: true,
    });

    server = await everything(port);
    await session.reconnect();
    expect(session.state.status).toBe("connected");
    expect(await echo(session, "back")).toMatchObject({ kind: "result" });
    // One log: the first session's traffic, the boundary marks, the second handshake.
    expect(session.log.entries.length).toBeGreaterThan(before);
    expect(marks(session)).toEqual(["session-ended", "session-started"]);
    expect(codes(session).filter((c) => c.startsWith("session/"))).toEqual([
      "session/connecting",
      "session/connected",
      "session/connection-lost",
      "session/session-started",
      "session/connecting",
      "session/connected",
    ]);
    expect(initializes(session)).toBe(2);
    expect(handshakeSteps(session.log)[0]?.request.seq).toBeGreaterThan(before);
  }, 60_000);

  it("HTTP, restarted between calls, automatic reconnect on: lost (the GET stream's reconnect is refused, or the old session id gets 400), then a working session by itself", async () => {
    const port = await freePort();
    let server = await everything(port);
    session = new InspectorSession(http(`http://127.0.0.1:${port}/mcp`), nodeSessionDeps());
    session.setAutoReconnect(true);
    await session.connect();
    await server.stop();
    server = await everything(port);
    await echo(session, "after restart");
    await waitFor(() => session!.state.status !== "connected", 1000, 10);
    expect(session.state.failure?.title).toMatch(
      /^Connection lost: nothing answers|^Connection lost: the server no longer knows this session \(HTTP 400 for Mcp-Session-Id |^Could not reach/,
    );
    await waitFor(() => session!.state.status === "connected", 10_000);
    expect(session.state.status).toBe("connected");
    expect(await echo(session, "again")).toMatchObject({ kind: "result" });
    expect(marks(session).slice(0, 2)).toEqual(["session-ended", "session-started"]);
    expect(marks(session).at(-1)).toBe("session-started");
  }, 60_000);

  it("HTTP 404 for the session (the misbehaving fixture): lost, and automatic reconnect keeps trying until the server is back", async () => {
    const port = await freePort();
    let fixture = await startHttpFixture({ PORT: String(port) });
    started.push(fixture);
    session = new InspectorSession(http(fixture.url), nodeSessionDeps());
    session.setAutoReconnect(true);
    await session.connect();
    await fixture.stop();
    await echo(session, "down");
    await waitFor(() => session!.state.status !== "connected", 1000, 10);
    expect(session.state.status).not.toBe("connected");
    // A few attempts fail while it is down, then it comes back.
    await waitFor(() => (session!.state.nextReconnect?.attempt ?? 0) >= 2, 10_000, 20);
    fixture = await startHttpFixture({ PORT: String(port) });
    started.push(fixture);
    await waitFor(() => session!.state.status === "connected", 15_000);
    expect(session.state.status).toBe("connected");
    expect(await echo(session, "up")).toMatchObject({ kind: "result" });
  }, 60_000);

  it("stdio, the server killed: lost at once, 'reconnect' starts it again, the log continuous", async () => {
    const config: ConnectionConfig = {
      id: "s",
      name: "s",
      transport: "stdio",
      protocol: "2025-11-25",
      command: process.execPath,
      args: [EVERYTHING, "stdio"],
      env: [],
      cwd: "",
    };
    session = new InspectorSession(config, nodeSessionDeps());
    await session.connect();
    const pid = (session as unknown as { transport: { pid: number } }).transport.pid;
    process.kill(pid, "SIGKILL");
    const killedAt = Date.now();
    await waitFor(() => session!.state.status === "failed", 2000, 10);
    expect(Date.now() - killedAt).toBeLessThan(1000);
    expect(session.state.failure).toMatchObject({ title: "The server exited (signal SIGKILL).", reconnect: true });
    await session.reconnect();
    expect(session.state.status).toBe("connected");
    expect(await echo(session, "restarted")).toMatchObject({ kind: "result" });
    expect(marks(session)).toEqual(["session-ended", "session-started"]);
    expect(codes(session)).toEqual([
      "session/connecting",
      "bridge/process-starting",
      "bridge/process-started",
      "session/connected",
      "bridge/process-exited",
      "session/connection-closed",
      "session/session-started",
      "session/connecting",
      "bridge/process-starting",
      "bridge/process-started",
      "session/connected",
    ]);
    expect(initializes(session)).toBe(2);
  }, 60_000);
});
