/**
 * Load (issue 6): many connections at once through one inspector server, each with its own
 * transport, calling tools in a loop. `npm run bench -- --only load` runs the full 50.
 * Process level: no page. Rule 8's single-connection signal tests are in security.spec.ts;
 * here the inspector is stopped while ten connections are calling.
 */
import { expect, test } from "@playwright/test";
import {
  describeProcesses,
  loadConfigs,
  runLoad,
  startLoadServers,
  type LoadReport,
  type LoadServers,
} from "./support/load";
import { alive, descendants, startInspector, waitFor } from "./support/processes";

const CONNECTIONS = 10;
let servers: LoadServers;

test.beforeAll(async () => {
  servers = await startLoadServers();
});
test.afterAll(async () => {
  await servers?.stop();
});

function expectClean(report: LoadReport): void {
  for (const c of report.connections) {
    expect(c.status, `${c.name}: ${c.failure ?? ""}`).toBe("connected");
    expect(c.errors, c.name).toEqual([]);
    expect(c.crossTalk, c.name).toEqual([]);
    expect(c.problems, c.name).toEqual([]);
    expect(c.calls, c.name).toBeGreaterThan(3);
  }
}

test(`${CONNECTIONS} mixed connections call tools at once: all succeed, none sees another's messages, no process is left`, async () => {
  test.setTimeout(90_000);
  const inspector = await startInspector();
  try {
    const configs = loadConfigs(CONNECTIONS, servers);
    const run = runLoad({ inspector, configs, durationMs: 4000 });
    await run.live;
    const stdioCount = configs.filter((c) => c.transport === "stdio").length;
    const live = descendants(inspector.child.pid!);
    expect(live.length).toBeGreaterThanOrEqual(stdioCount);
    const report = await run.done;
    expectClean(report);
    // Each connection has its own transport: a stdio process or an HTTP session of its own.
    const ids = report.connections.map((c) => c.transportId).filter((id): id is string => id !== undefined);
    expect(ids.filter((id) => id.startsWith("pid ")).length).toBe(stdioCount);
    expect(new Set(ids).size).toBe(ids.length);
    expect(report.totalCalls).toBeGreaterThan(CONNECTIONS * 4);
    // Every disconnect has stopped its server: nothing of the inspector's is left.
    expect(
      await waitFor(() => descendants(inspector.child.pid!).length === 0, 10_000),
      `left: ${describeProcesses(descendants(inspector.child.pid!))}`,
    ).toBe(true);
    expect(live.filter(alive), describeProcesses(live.filter(alive))).toEqual([]);
  } finally {
    await inspector.stop();
  }
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  test(`${signal} to the inspector while ${CONNECTIONS} connections are calling leaves no process behind`, async () => {
    test.setTimeout(90_000);
    const own = await startInspector();
    const run = runLoad({
      inspector: own,
      configs: loadConfigs(CONNECTIONS, servers),
      durationMs: 60_000,
      callTimeoutMs: 5000,
    });
    try {
      await run.live; // every connection is up and has answered a call; the loops keep calling
      const pids = descendants(own.child.pid!);
      expect(pids.length).toBeGreaterThanOrEqual(CONNECTIONS / 2);
      own.child.kill(signal);
      expect(await waitFor(() => own.child.exitCode !== null || own.child.signalCode !== null, 15_000)).toBe(true);
      expect(own.child.exitCode).toBe(0);
      expect(own.output()).toContain(`${signal}: stopping MCP Lens`);
      expect(
        await waitFor(() => pids.every((p) => !alive(p)), 5000),
        `${signal} left:\n${describeProcesses(pids.filter(alive))}`,
      ).toBe(true);
    } finally {
      run.stop();
      await run.done;
      await own.stop();
    }
  });
}
