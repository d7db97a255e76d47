import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { registry } from "../server";
import { nodeSessionDeps } from "../testing";
import type { ConnectionConfig } from "../base";
import { isError } from "../traffic";
import { handshakeSteps } from "./negotiation";
import { InspectorSession } from "./session";

const everything = resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
const stdio = (
  protocol: ConnectionConfig["protocol"],
  command = process.execPath,
  args = [everything, "stdio"],
): ConnectionConfig => ({
  id: "t",
  name: "t",
  transport: "stdio",
  protocol,
  command,
  args,
  env: [],
  cwd: "",
});

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

describe("InspectorSession over the stdio bridge", () => {
  it("connects to server-everything in auto mode, falls back to initialize and lists everything", async () => {
    session = new InspectorSession(stdio("auto"), nodeSessionDeps());
    await session.connect();
    const s = session.state;
    expect(s.failure).toBeUndefined();
    expect(s.status).toBe("connected");
    expect(s.era).toBe("legacy");
    expect(s.protocolVersion).toBe("2025-11-25");
    expect(s.serverInfo?.name).toMatch(/everything/);
    expect(s.lists.tools.items.length).toBeGreaterThan(5);
    expect(s.lists.prompts.status).toBe("ready");
    expect(s.lists.resources.items.length).toBeGreaterThan(0);
    const steps = handshakeSteps(session.log);
    expect(steps.map((x) => x.method)).toEqual(["server/discover", "initialize", "notifications/initialized"]);
    expect(steps[1]?.response?.latencyMs).toBeGreaterThanOrEqual(0);
    // The probe's -32601 is negotiation: neutral, not counted as an error.
    expect(steps[0]).toMatchObject({
      negotiation: true,
      outcome: expect.stringMatching(/^error -32601.*: a legacy server, fell back to initialize$/),
    });
    expect(steps[0]?.response).toMatchObject({
      rpc: { type: "error", code: -32601 },
      negotiation: expect.stringMatching(/^legacy server/),
    });
    expect(session.log.entries.filter(isError)).toEqual([]);
  });

  it("a pinned 2026-07-28 connection to a legacy server keeps the refusal an error", async () => {
    session = new InspectorSession(stdio("2026-07-28"), { ...nodeSessionDeps(), connectDeadlineMs: 4000 });
    await session.connect();
    expect(session.state.status).toBe("failed");
    const refusal = session.log.frames().find((f) => f.rpc.type === "error");
    expect(refusal?.negotiation).toBeUndefined();
    expect(refusal && isError(refusal)).toBe(true);
  });

  it("pins a legacy version", async () => {
    session = new InspectorSession(stdio("2025-03-26"), nodeSessionDeps());
    await session.connect();
    expect(session.state.protocolVersion).toBe("2025-03-26");
    expect(handshakeSteps(session.log)[0]?.method).toBe("initialize");
  });

  it("stops the server's whole process group on disconnect", async () => {
    session = new InspectorSession(stdio("2025-11-25"), nodeSessionDeps());
    await session.connect();
    const [proc] = [...registry().processes.values()];
    expect(proc?.pid).toBeGreaterThan(0);
    await session.disconnect();
    expect(registry().processes.size).toBe(0);
    expect(childrenOf(process.pid).filter((p) => p === proc?.pid)).toEqual([]);
  });

  it("records a server's non-JSON stdout raw and says so when the handshake fails", async () => {
    session = new InspectorSession(
      stdio("2025-11-25", process.execPath, ["--import", "tsx", "servers/fixtures/garbage.ts"]),
      { ...nodeSessionDeps(), connectDeadlineMs: 3000 },
    );
    await session.connect();
    expect(session.state.status).toBe("failed");
    expect(session.state.failure?.title).toMatch(/not JSON-RPC/);
    const garbage = session.log.entries.find((e) => e.kind === "frame" && e.direction === "incoming");
    expect(garbage).toMatchObject({ rpc: { type: "invalid-json" } });
    expect(garbage?.kind === "frame" && garbage.raw).toContain("not MCP");
  });

  it("reports the exit code and stderr of a server that exits at once", async () => {
    session = new InspectorSession(
      stdio("auto", process.execPath, ["--import", "tsx", "servers/fixtures/exit-at-once.ts"]),
      nodeSessionDeps(),
    );
    await session.connect();
    expect(session.state.failure?.title).toMatch(/exited \(code 3\)/);
    expect(session.state.failure?.detail).toContain("fatal: demo crash");
    expect(session.log.entries.some((e) => e.kind === "stderr" && e.line.includes("fatal: demo crash"))).toBe(true);
  });

  it("a crash keeps the whole stderr tail and points at the first error-looking line", async () => {
    session = new InspectorSession(
      stdio("2025-11-25", process.execPath, ["--import", "tsx", "servers/fixtures/crash-stderr.ts"]),
      nodeSessionDeps(),
    );
    await session.connect();
    const failure = session.state.failure!;
    expect(failure.title).toMatch(/exited \(code 1\)/);
    expect(failure.stderr?.lines).toHaveLength(27);
    expect(failure.stderr?.lines[failure.stderr.firstError]).toContain(
      "Error: Cannot find module '/opt/server/dist/plugins/missing.js'",
    );
    // The detail names that line, without its escape codes.
    expect(failure.detail).toContain("stderr: Error: Cannot find module");
    expect(failure.detail).not.toContain("\u001b");
  });

  it("names a command that does not exist", async () => {
    session = new InspectorSession(stdio("auto", "definitely-not-a-command-xyz", []), nodeSessionDeps());
    await session.connect();
    expect(session.state.status).toBe("failed");
    expect(session.state.failure?.title).toMatch(/Command not found: definitely-not-a-command-xyz/);
  });
});
