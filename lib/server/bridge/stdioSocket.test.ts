/**
 * The stdio bridge's WebSocket channel through the real upgrade handler on 127.0.0.1:0: the gate at
 * the upgrade (Host, Origin, token in the subprotocol, canonical path, team authentication), the
 * launch checks and limits, backpressure, and the process group stopped when the socket closes.
 */
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { SOCKET_ACK_BYTES, STDIO_SOCKET_PROTOCOL, parseSocketEvents, type BridgeEvent } from "../../base";
import { alive, descendants, newDescendants, openChannel, startSocketBridge, waitFor } from "../../testing";
import type { SocketBridge } from "../../testing";
import { LIMITS } from "./limits";
import { registry, shutdownAll } from "./registry";
import type { StdioProcess } from "./stdioProcess";

const MB = 1024 * 1024;
const FLOOD = resolve("servers/fixtures/stdout-flood.ts");
/** Echoes stdin to stdout, says hello on stderr, and leaves a grandchild in its process group. */
const ECHO = `
  require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  console.error("hello on stderr");
  process.stdin.on("data", (d) => process.stdout.write(d));
`;
const echoLaunch = { command: process.execPath, args: ["-e", ECHO] };

let bridge: SocketBridge;
let baseline: number[] = [];
const open: WebSocket[] = [];
beforeEach(async () => {
  baseline = descendants(process.pid);
  bridge = await startSocketBridge();
});
afterEach(async () => {
  for (const ws of open.splice(0)) ws.terminate();
  await bridge.close();
  await shutdownAll();
});

function channel(options: Parameters<typeof openChannel>[1] = {}): WebSocket {
  const ws = openChannel(bridge, options);
  open.push(ws);
  return ws;
}

/** The upgrade's answer: `open` with the chosen subprotocol, or the HTTP status and body of its refusal. */
function outcome(
  ws: WebSocket,
): Promise<{ open: true; protocol: string } | { open: false; status: number; body: string }> {
  return new Promise((done) => {
    ws.once("open", () => done({ open: true, protocol: ws.protocol }));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => done({ open: false, status: res.statusCode ?? 0, body }));
    });
    ws.once("error", () => {});
  });
}

/** Events as they come, and the close code. */
function record(ws: WebSocket): { events: BridgeEvent[]; closed: Promise<number> } {
  const events: BridgeEvent[] = [];
  ws.on("message", (data, isBinary) => {
    if (!isBinary) events.push(...(parseSocketEvents(String(data)) as BridgeEvent[]));
  });
  return { events, closed: new Promise((r) => ws.once("close", (code) => r(code))) };
}

async function launched(ws: WebSocket, launch: unknown = echoLaunch) {
  const seen = record(ws);
  expect(await outcome(ws)).toMatchObject({ open: true });
  ws.send(JSON.stringify(launch));
  await waitFor(() => seen.events.length > 0);
  const first = seen.events[0];
  if (first?.type !== "spawned") throw new Error(`not spawned: ${JSON.stringify(first)}`);
  return { ...seen, pid: first.pid };
}

/** An upgrade request sent as written (a WebSocket client would normalise the path): the status it gets. */
function rawUpgrade(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((done, fail) => {
    const req = request({
      host: "127.0.0.1",
      port: bridge.port,
      path,
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        "sec-websocket-protocol": `${STDIO_SOCKET_PROTOCOL}, token.${bridge.token}`,
        origin: bridge.origin,
        ...headers,
      },
    });
    req.once("upgrade", (res, socket) => (socket.destroy(), done(res.statusCode ?? 0)));
    req.once("response", (res) => (res.resume(), done(res.statusCode ?? 0)));
    req.once("error", fail);
    req.end();
  });
}

async function expectNothingSpawned(): Promise<void> {
  await new Promise((r) => setTimeout(r, 200));
  expect(registry().processes.size).toBe(0);
  expect(newDescendants(baseline)).toEqual([]);
}

describe("stdio WebSocket channel: the gate at the upgrade", () => {
  it("the page's upgrade opens; the bridge echoes only mcp-lens.v1, never the token", async () => {
    const ws = channel();
    expect(await outcome(ws)).toEqual({ open: true, protocol: STDIO_SOCKET_PROTOCOL });
  });

  it("§S4: a foreign Host is refused with 403 before the upgrade", async () => {
    const ws = channel({ headers: { host: `evil.example:${bridge.port}` } });
    expect(await outcome(ws)).toMatchObject({ open: false, status: 403 });
    const rebound = channel({ headers: { host: "127.0.0.1:1" } });
    expect(await outcome(rebound)).toMatchObject({ open: false, status: 403 });
  });

  it("§S3: a foreign Origin, Origin null and a cross-site fetch-metadata upgrade are refused with 403 (no cross-site WebSocket hijacking)", async () => {
    for (const origin of ["http://evil.example", "null", `http://localhost:${bridge.port + 1}`, "https://127.0.0.1"]) {
      expect(await outcome(channel({ origin })), origin).toMatchObject({ open: false, status: 403 });
    }
    for (const site of ["cross-site", "same-site", "none"]) {
      expect(await outcome(channel({ headers: { "sec-fetch-site": site } })), site).toMatchObject({ status: 403 });
    }
    expect(await outcome(channel({ headers: { "sec-fetch-site": "same-origin" } }))).toMatchObject({ open: true });
    await expectNothingSpawned();
  });

  it("§S2: a missing or wrong token (right length too) is 401 before the upgrade, and nothing is spawned", async () => {
    expect(await outcome(channel({ token: null }))).toMatchObject({ open: false, status: 401 });
    expect(await outcome(channel({ token: "0".repeat(bridge.token.length) }))).toMatchObject({ status: 401 });
    expect(await outcome(channel({ token: "" }))).toMatchObject({ status: 401 });
    // The token header counts only for HTTP requests: on an upgrade only the subprotocol carries it.
    const header = channel({ token: null, headers: { "x-mcp-lens-token": bridge.token } });
    expect(await outcome(header)).toMatchObject({ status: 401 });
    await expectNothingSpawned();
  });

  it("a non-canonical path is refused at the upgrade (400), another path is 404, a missing subprotocol 400", async () => {
    for (const path of [
      "/api/bridge/stdio/./ws",
      "/x/../api/bridge/stdio/ws",
      "/api/bridge/stdio/%77s",
      "//api/bridge/stdio/ws",
      "/api/bridge%2fstdio/ws",
      "/api/bridge/stdio\\ws",
    ]) {
      expect(await rawUpgrade(path), path).toBe(400);
    }
    expect(await rawUpgrade("/api/bridge/stdio/ws")).toBe(101);
    expect(await rawUpgrade("/api/bridge/stdio/ws2")).toBe(404);
    expect(await rawUpgrade("/_next/webpack-hmr")).toBe(404);
    expect(await rawUpgrade("/api/bridge/stdio/ws", { "sec-websocket-protocol": `token.${bridge.token}` })).toBe(400);
    expect(await rawUpgrade("/api/bridge/stdio/ws", { "sec-websocket-protocol": "" })).toBe(401);
    await expectNothingSpawned();
  });

  it("§S19: team mode needs the team authentication at the upgrade, and refuses the channel without a stdio allowlist", async () => {
    await bridge.close();
    bridge = await startSocketBridge({ team: { secret: "s".repeat(40) } });
    const basic = `Basic ${Buffer.from(`me:${"s".repeat(40)}`).toString("base64")}`;
    expect(await outcome(channel())).toMatchObject({ open: false, status: 401 });
    expect(await outcome(channel({ headers: { authorization: "Basic bWU6d3Jvbmc=" } }))).toMatchObject({ status: 401 });
    const saved = process.env.MCP_LENS_TEAM;
    process.env.MCP_LENS_TEAM = "1";
    try {
      const refused = await outcome(channel({ headers: { authorization: basic } }));
      expect(refused).toMatchObject({
        open: false,
        status: 403,
        body: expect.stringMatching(/MCP_LENS_STDIO_ALLOWLIST/),
      });
    } finally {
      if (saved === undefined) delete process.env.MCP_LENS_TEAM;
      else process.env.MCP_LENS_TEAM = saved;
    }
    expect(await outcome(channel({ headers: { authorization: basic } }))).toMatchObject({ open: true });
    await expectNothingSpawned();
  });
});

describe("stdio WebSocket channel: launch, messages, limits", () => {
  it("launch, a line each way, stderr, then closing the socket stops the whole process group", async () => {
    const ws = channel();
    const { events, closed, pid } = await launched(ws);
    expect(registry().processes.size).toBe(1);
    ws.send('{"jsonrpc":"2.0","method":"ping","id":1}');
    await waitFor(() => events.some((e) => e.type === "stdout"));
    expect(events).toContainEqual({ type: "stdout", line: '{"jsonrpc":"2.0","method":"ping","id":1}' });
    await waitFor(() => events.some((e) => e.type === "stderr"));
    expect(events).toContainEqual({ type: "stderr", line: "hello on stderr" });
    const group = newDescendants(baseline);
    expect(group.length).toBeGreaterThanOrEqual(2); // the server and its grandchild
    ws.close(1000);
    await closed;
    expect(await waitFor(() => group.every((p) => !alive(p)), 8000)).toBe(true);
    expect(alive(pid)).toBe(false);
    expect(registry().processes.size).toBe(0);
  });

  it("a burst of stdout lines comes in fewer messages than lines, every line whole and in order, stderr and exit after them", async () => {
    const ws = channel();
    let messages = 0;
    ws.on("message", (_data, isBinary) => void (isBinary || messages++));
    const script =
      "let s='';for(let i=0;i<2000;i++)s+=JSON.stringify({jsonrpc:'2.0',method:'notifications/message',params:{i}})+'\\n';" +
      "process.stdout.write(s,()=>{process.stderr.write('done\\n',()=>process.exit(0))})";
    const { events, closed } = await launched(ws, { command: process.execPath, args: ["-e", script] });
    expect(await closed).toBe(1000);
    const lines = events.filter((e) => e.type === "stdout").map((e) => (e.type === "stdout" ? e.line : ""));
    expect(lines).toHaveLength(2000);
    expect(lines.map((l) => (JSON.parse(l) as { params: { i: number } }).params.i)).toEqual([...Array(2000).keys()]);
    expect(events.slice(-2)).toEqual([
      { type: "stderr", line: "done" },
      { type: "exit", code: 0, signal: null },
    ]);
    expect(messages).toBeLessThan(200);
  });

  it("the server's exit is an event and ends the socket normally", async () => {
    const ws = channel();
    const { events, closed } = await launched(ws, { command: process.execPath, args: ["-e", "process.exit(3)"] });
    expect(await closed).toBe(1000);
    expect(events.at(-1)).toEqual({ type: "exit", code: 3, signal: null });
  });

  it("the launch checks of the HTTP route: not JSON, schema, process limit (429), a missing cwd", async () => {
    const refusal = async (launch: string) => {
      const ws = channel();
      const { events, closed } = record(ws);
      await outcome(ws);
      ws.send(launch);
      expect(await closed).toBe(1000);
      return events[0];
    };
    expect(await refusal("{")).toEqual({ type: "refused", status: 400, error: "the launch request is not JSON" });
    expect(await refusal(JSON.stringify({ command: "" }))).toMatchObject({
      status: 400,
      error: expect.stringMatching(/invalid launch request/),
    });
    expect(await refusal(JSON.stringify({ command: "x", env: { "A=B": "1" } }))).toMatchObject({ status: 400 });
    const fake = Array.from({ length: LIMITS.maxProcesses }, (_, i) => `fake-${i}`);
    for (const id of fake) registry().processes.set(id, {} as StdioProcess);
    try {
      expect(await refusal(JSON.stringify(echoLaunch))).toMatchObject({ type: "refused", status: 429 });
    } finally {
      for (const id of fake) registry().processes.delete(id);
    }
    expect(await refusal(JSON.stringify({ ...echoLaunch, cwd: "/no/such/dir" }))).toMatchObject({
      type: "error",
      message: expect.stringMatching(/does not exist/),
    });
    await expectNothingSpawned();
  });

  it("§S9: a message over the size limit, a binary message that is no acknowledgement, or a newline close that socket alone; a second connection goes on", async () => {
    const witness = channel();
    const w = await launched(witness);
    const cases: Array<[string, (ws: WebSocket) => void, number]> = [
      ["oversize", (ws) => ws.send("x".repeat(LIMITS.maxBodyBytes + 1)), 1009],
      ["garbage", (ws) => ws.send(Buffer.from("garbage!")), 1003],
      ["ack of more than was sent", (ws) => ws.send(Buffer.alloc(SOCKET_ACK_BYTES, 0xff)), 1003],
      ["newline", (ws) => ws.send('{"a":1}\n{"b":2}'), 1008],
    ];
    for (const [name, misbehave, code] of cases) {
      const ws = channel();
      const { closed, pid } = await launched(ws);
      misbehave(ws);
      expect(await closed, name).toBe(code);
      expect(await waitFor(() => !alive(pid)), `${name}: its server stopped`).toBe(true);
    }
    witness.send('"still here"');
    await waitFor(() => w.events.some((e) => e.type === "stdout" && e.line === '"still here"'));
    expect(w.events).toContainEqual({ type: "stdout", line: '"still here"' });
    expect(registry().processes.size).toBe(1);
  });

  it("§S9: a stdout line over 16 MiB ends that connection with an error naming the limit", async () => {
    const ws = channel();
    const script = `process.stdout.write("x".repeat(${LIMITS.maxLineBytes + 1024}) + "\\n"); setInterval(() => {}, 1000);`;
    const { events, closed } = await launched(ws, { command: process.execPath, args: ["-e", script] });
    expect(await closed).toBe(1000);
    const error = events.find((e) => e.type === "error");
    expect(error).toMatchObject({ message: expect.stringMatching(/16 MiB/), refusedLine: { complete: true } });
    await waitFor(() => registry().processes.size === 0);
  }, 20_000);
});

describe("stdio WebSocket channel: backpressure", () => {
  let dir = "";
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), "mcp-lens-ws-flood-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a page that acknowledges nothing pauses the flooding server past the high-water mark; acknowledging resumes it; closing stops it", async () => {
    const progress = join(dir, "progress");
    const written = () => (existsSync(progress) ? Number(readFileSync(progress, "utf8")) || 0 : 0);
    const ws = channel();
    let received = 0;
    ws.on("message", (data: Buffer) => void (received += data.length));
    const { pid } = await launched(ws, {
      command: process.execPath,
      args: ["--import", "tsx", FLOOD],
      env: { FLOOD_PROGRESS: progress, FLOOD_BYTES: String(256 * MB) },
    });
    expect(await waitFor(() => written() > 0, 15_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const stalled = written();
    await new Promise((r) => setTimeout(r, 1500));
    expect(written(), "the server kept writing while the page acknowledged nothing").toBe(stalled);
    expect(stalled).toBeLessThan(8 * MB);
    expect(received).toBeLessThan(LIMITS.streamHighWaterBytes + 64 * 1024);
    expect(alive(pid), "paused, not killed").toBe(true);

    // Acknowledge what came: the server moves on.
    const ack = (n: number) => {
      const b = Buffer.alloc(SOCKET_ACK_BYTES);
      b.writeUInt32BE(n);
      ws.send(b);
    };
    let acked = 0;
    const until = Date.now() + 10_000;
    while (written() < stalled + 8 * MB && Date.now() < until) {
      // Event text is counted in characters; this flood is ASCII, so bytes received = characters.
      if (received > acked) (ack(received - acked), (acked = received));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(written(), "acknowledging resumed the server").toBeGreaterThan(stalled + 8 * MB);
    ws.terminate();
    expect(await waitFor(() => !alive(pid) && registry().processes.size === 0, 8000)).toBe(true);
  }, 40_000);

  it("a page that stops reading the socket at all: the socket's buffer pauses the server", async () => {
    const progress = join(dir, "progress");
    const written = () => (existsSync(progress) ? Number(readFileSync(progress, "utf8")) || 0 : 0);
    const ws = channel();
    const { pid } = await launched(ws, {
      command: process.execPath,
      args: ["--import", "tsx", FLOOD],
      env: { FLOOD_PROGRESS: progress, FLOOD_BYTES: String(256 * MB) },
    });
    expect(await waitFor(() => written() > 0, 15_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const stalled = written();
    await new Promise((r) => setTimeout(r, 1000));
    expect(written()).toBe(stalled);
    expect(stalled).toBeLessThan(8 * MB);
    expect(alive(pid)).toBe(true);
  }, 30_000);
});
