/** Shared set-up for the fault tests: the misbehaving fixture's connections, witnesses, clean-up checks. */
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect } from "vitest";
import { registry } from "../server";
import type { ToolOutcome } from "../results";
import type { ConnectionConfig } from "../base";
import { InspectorSession, type SessionDeps } from "../session";
import { nodeSessionDeps } from "./inProcess";
import { socketSessionDeps, startSocketBridge, type SocketBridge } from "./socketBridge";
import type { FrameEntry } from "../traffic";
import type { TrafficLog } from "../traffic";
import { newDescendants, startProcess, waitFor, type Started } from "./processes";

const FIXTURES = resolve("servers/fixtures/misbehaving");

export function stdioConfig(env: Record<string, string> = {}): ConnectionConfig {
  return {
    id: "misbehaving-stdio",
    name: "misbehaving (stdio)",
    transport: "stdio",
    protocol: "2025-11-25",
    command: process.execPath,
    args: ["--import", "tsx", `${FIXTURES}/stdio.ts`],
    env: Object.entries(env).map(([name, value]) => ({ name, value, secret: false })),
    cwd: "",
  };
}

export function httpConfig(url: string): ConnectionConfig {
  return {
    id: "misbehaving-http",
    name: "misbehaving (HTTP)",
    transport: "streamable-http",
    protocol: "2025-11-25",
    url,
    headers: [],
  };
}

/** Starts the HTTP fixture as a child of this process; stop it by its pid with `stop()`. */
export async function startHttpFixture(env: Record<string, string> = {}): Promise<Started & { url: string }> {
  // vitest sets MODE=test in its own environment: the fixture must only see the MODE given here.
  const started = startProcess(process.execPath, ["--import", "tsx", `${FIXTURES}/http.ts`], { MODE: "", ...env });
  let url: string | undefined;
  await waitFor(
    () => (url = /MISBEHAVING_URL=(\S+)/.exec(started.output())?.[1]) !== undefined || started.child.exitCode !== null,
    15_000,
  );
  if (!url) {
    await started.stop();
    throw new Error(`the HTTP fixture did not start:\n${started.output()}`);
  }
  return { ...started, url };
}

let defaultDeps: (() => SessionDeps) | undefined;

/** The deps `Sessions.connect` uses when a test gives none (stdio through the WebSocket channel, say); reset with no argument. */
export function useSessionDeps(deps?: () => SessionDeps): void {
  defaultDeps = deps;
}

/** Sessions opened by a test; `closeAll` in afterEach disconnects whatever is left. */
export class Sessions {
  private readonly open: InspectorSession[] = [];

  /** Stdio goes through the real in-process bridge; HTTP through the real relay handler. */
  async connect(
    config: ConnectionConfig,
    deps: SessionDeps = (defaultDeps ?? nodeSessionDeps)(),
  ): Promise<InspectorSession> {
    const session = new InspectorSession(config, { ...deps, connectDeadlineMs: 10_000 });
    this.open.push(session);
    await session.connect();
    expect(session.state.failure).toBeUndefined();
    expect(session.state.status).toBe("connected");
    expect(session.state.serverInfo?.name).toBe("mcp-lens-misbehaving");
    return session;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((s) => s.disconnect()));
  }
}

export function call(
  session: InspectorSession,
  tool: string,
  args: Record<string, unknown> = {},
  timeoutMs = 10_000,
): Promise<ToolOutcome> {
  return session.tools.call(session.client!, tool, args, { timeoutMs });
}

/** A witness connected during the fault: it must still list tools and echo afterwards. */
export async function expectStillWorks(witness: InspectorSession): Promise<void> {
  expect(witness.state.status).toBe("connected");
  await witness.refresh("tools");
  expect(witness.state.lists.tools.status).toBe("ready");
  expect(witness.state.lists.tools.items.map((t) => t.name)).toContain("echo");
  const outcome = await call(witness, "echo", { text: "still here" }, 5000);
  expect(outcome).toMatchObject({ kind: "result", result: { content: [{ type: "text", text: "still here" }] } });
}

/** After every session is closed and every fixture stopped: no process of ours is left. */
export async function expectNothingLeft(baseline: readonly number[]): Promise<void> {
  await waitFor(
    () => newDescendants(baseline).length === 0 && registry().processes.size === 0 && registry().relayInFlight === 0,
    8000,
  );
  expect(newDescendants(baseline)).toEqual([]);
  expect(registry().processes.size).toBe(0);
  expect(registry().relayInFlight).toBe(0);
}

export function incoming(log: TrafficLog): FrameEntry[] {
  return log.frames().filter((f) => f.direction === "incoming");
}

/** The outgoing tools/call request frame for `tool`. */
export function toolCallFrame(log: TrafficLog, tool: string): FrameEntry | undefined {
  return log
    .frames()
    .find(
      (f) =>
        f.direction === "outgoing" &&
        f.rpc.type === "request" &&
        f.rpc.method === "tools/call" &&
        f.raw.includes(`"name":"${tool}"`),
    );
}

export function requestId(frame: FrameEntry | undefined): string | number | undefined {
  return frame?.rpc.type === "request" ? frame.rpc.id : undefined;
}

export function outcomeText(outcome: ToolOutcome): string | undefined {
  if (outcome.kind !== "result") return undefined;
  const first = outcome.result.content?.[0];
  return first?.type === "text" ? first.text : undefined;
}

export function stderrLines(log: TrafficLog): string[] {
  return log.entries.flatMap((e) => (e.kind === "stderr" ? [e.line] : []));
}

export function events(log: TrafficLog): string[] {
  return log.entries.flatMap((e) => (e.kind === "event" ? [`${e.level}: ${e.message}`] : []));
}

/** A real full GC, without needing `--expose-gc` on the command line. */
export function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/**
 * Runs a fault suite's sessions through the WebSocket channels of a bridge of their own (started
 * before the suite, closed after it); `check` looks at the bridge before it closes.
 */
export function sessionsOnSocketBridge(check?: (bridge: SocketBridge) => void): void {
  let bridge: SocketBridge | undefined;
  beforeAll(async () => {
    const started = await startSocketBridge();
    bridge = started;
    useSessionDeps(() => socketSessionDeps(started));
  });
  afterAll(async () => {
    try {
      if (bridge) check?.(bridge);
    } finally {
      useSessionDeps();
      await bridge?.close();
    }
  });
}
