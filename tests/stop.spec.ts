/**
 * Issue 19, item 12: stopping cannot hang or spin. Real inspector processes (scripts/start.ts),
 * no browser; they live here rather than in vitest because they need the production build, which
 * `npm run test:browser` makes. docs/security.md §P12.
 */
import { expect, test } from "@playwright/test";
import { rawRequest } from "./support/http";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  NODE,
  alive,
  descendants,
  freePort,
  startInspector,
  startProcess,
  waitFor,
  type Inspector,
} from "./support/processes";

const STOP_LIMIT_MS = 4000;

/** Starts a stdio server (sh and its sleep) through the bridge, so stopping has work to do. */
async function withRunningServer(inspector: Inspector): Promise<number[]> {
  const headers = {
    host: `127.0.0.1:${inspector.port}`,
    "x-mcp-lens-token": inspector.token,
    "content-type": "application/json",
  };
  void rawRequest(inspector.port, {
    method: "POST",
    path: "/api/bridge/stdio",
    headers,
    body: JSON.stringify({ command: "sh", args: ["-c", "sleep 300 & wait"], env: {} }),
    readMs: 30_000,
  }).catch(() => {});
  await waitFor(() => descendants(inspector.child.pid!).length >= 2, 8000);
  const pids = descendants(inspector.child.pid!);
  expect(pids.length).toBeGreaterThanOrEqual(2);
  return pids;
}

const exited = (inspector: Inspector) => inspector.child.exitCode !== null || inspector.child.signalCode !== null;

/** Waits for the exit; returns how long it took, or Infinity (after killing it) when it did not come. */
async function timeToExit(inspector: Inspector, within: number): Promise<number> {
  const start = Date.now();
  const ok = await waitFor(() => exited(inspector), within, 25);
  if (!ok) {
    inspector.child.kill("SIGKILL"); // by pid: ours
    return Infinity;
  }
  return Date.now() - start;
}

test("promise 12: SIGTERM after stdout and stderr were closed (EPIPE) still stops everything, within the limit", async () => {
  const inspector = await startInspector([], { MCP_LENS_STOP_TIMEOUT_MS: String(STOP_LIMIT_MS) });
  const pids = await withRunningServer(inspector);
  // Whoever read the output (npm, a terminal, a pipe) is gone: every write now fails.
  inspector.child.stdout!.destroy();
  inspector.child.stderr!.destroy();
  inspector.child.kill("SIGTERM");
  const ms = await timeToExit(inspector, STOP_LIMIT_MS + 6000);
  expect(ms, "the inspector never exited (EPIPE loop?)").toBeLessThan(STOP_LIMIT_MS + 1000);
  expect(inspector.child.exitCode).toBe(0); // a clean stop, not the time limit
  expect(await waitFor(() => pids.every((p) => !alive(p)), 3000), `left: ${pids.filter(alive)}`).toBe(true);
});

test("promise 12: a stop step that never finishes ends at the time limit, and stops the servers anyway", async () => {
  const inspector = await startInspector([], {
    MCP_LENS_STOP_TIMEOUT_MS: String(STOP_LIMIT_MS),
    MCP_LENS_TEST_HANG_ON_STOP: "1",
  });
  const pids = await withRunningServer(inspector);
  inspector.child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, STOP_LIMIT_MS / 2));
  expect(exited(inspector), "the hang hook did not hang").toBe(false);
  const ms = await timeToExit(inspector, STOP_LIMIT_MS + 6000);
  expect(ms).toBeLessThan(STOP_LIMIT_MS / 2 + 1500);
  expect(inspector.child.exitCode).toBe(1);
  expect(inspector.output()).toContain(`Stopping took longer than ${STOP_LIMIT_MS} ms; exiting anyway.`);
  expect(await waitFor(() => pids.every((p) => !alive(p)), 3000), `left: ${pids.filter(alive)}`).toBe(true);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`promise 12: a second ${signal} while stopping exits at once`, async () => {
    const inspector = await startInspector([], { MCP_LENS_STOP_TIMEOUT_MS: "60000", MCP_LENS_TEST_HANG_ON_STOP: "1" });
    const pids = await withRunningServer(inspector);
    inspector.child.kill(signal);
    await new Promise((r) => setTimeout(r, 1500));
    expect(exited(inspector), "the first signal should still be stopping").toBe(false);
    inspector.child.kill(signal);
    const ms = await timeToExit(inspector, 5000);
    expect(ms).toBeLessThan(1000);
    expect(inspector.child.exitCode).toBe(signal === "SIGINT" ? 130 : 143);
    expect(inspector.output()).toContain(`${signal} again: exiting now.`);
    expect(await waitFor(() => pids.every((p) => !alive(p)), 3000), `left: ${pids.filter(alive)}`).toBe(true);
  });
}

test("promise 12: SIGHUP (the terminal closed) stops the inspector and its servers", async () => {
  const inspector = await startInspector([], { MCP_LENS_STOP_TIMEOUT_MS: String(STOP_LIMIT_MS) });
  const pids = await withRunningServer(inspector);
  inspector.child.stdout!.destroy();
  inspector.child.stderr!.destroy();
  inspector.child.kill("SIGHUP");
  expect(await timeToExit(inspector, STOP_LIMIT_MS + 6000)).toBeLessThan(STOP_LIMIT_MS + 1000);
  expect(await waitFor(() => pids.every((p) => !alive(p)), 3000), `left: ${pids.filter(alive)}`).toBe(true);
});

test("promise 12: a signal while MCP Lens is still starting stops what has started (the demo server)", async () => {
  const port = await freePort();
  const p = startProcess(
    NODE,
    ["--import", "tsx", "scripts/start.ts", "--port", String(port), "--no-open", "--no-build"],
    { env: { CI: "1", MCP_LENS_STATE_DIR: join(mkdtempSync(join(tmpdir(), "mcp-lens-test-")), "run") } },
  );
  const commandOf = (pid: number) =>
    execFileSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).trim();
  let demo: number | undefined;
  await waitFor(
    () =>
      (demo = descendants(p.child.pid!).find(
        (pid) => alive(pid) && commandOf(pid).includes("servers/demo/http.ts"),
      )) !== undefined,
    20_000,
    20,
  );
  expect(demo, p.output()).toBeDefined();
  // Once the demo server listens it writes nothing more: left behind, it would run forever.
  const listening = () => execFileSync("ss", ["-ltnpH"], { encoding: "utf8" }).includes(`pid=${demo},`);
  expect(await waitFor(listening, 20_000, 20)).toBe(true);
  expect(p.output()).not.toContain("running at"); // still starting
  p.child.kill("SIGTERM");
  expect(await waitFor(() => p.child.exitCode !== null || p.child.signalCode !== null, STOP_LIMIT_MS + 11_000)).toBe(
    true,
  );
  expect(await waitFor(() => !alive(demo!), 3000), "the demo server was left running").toBe(true);
});
