/**
 * Issue 19, item 12: stopping cannot hang or spin. Real inspector processes (scripts/start.ts),
 * no browser; they live here rather than in vitest because they need the production build, which
 * `npm run test:browser` makes. docs/security.md promise 12.
 */
import { expect, test } from "@playwright/test";
import { rawRequest } from "./support/http";
import { alive, descendants, startInspector, waitFor, type Inspector } from "./support/processes";

const STOP_LIMIT_MS = 4000;

/** Starts a stdio server (sh and its sleep) through the bridge, so stopping has work to do. */
async function withRunningServer(inspector: Inspector): Promise<number[]> {
  const headers = { host: `127.0.0.1:${inspector.port}`, "x-mcp-lens-token": inspector.token, "content-type": "application/json" };
  void rawRequest(inspector.port, { method: "POST", path: "/api/bridge/stdio", headers, body: JSON.stringify({ command: "sh", args: ["-c", "sleep 300 & wait"], env: {} }), readMs: 30_000 }).catch(() => {});
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
  const inspector = await startInspector([], { MCP_LENS_STOP_TIMEOUT_MS: String(STOP_LIMIT_MS), MCP_LENS_TEST_HANG_ON_STOP: "1" });
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
