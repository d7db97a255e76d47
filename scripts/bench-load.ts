/**
 * Load benchmark (issue 6): 50 connections at once (half stdio through the bridge, half Streamable
 * HTTP through the relay) calling `echo` in a loop through one inspector server. Prints throughput,
 * latency percentiles, errors, peak memory of the inspector's server process and the processes left.
 * Part of `npm run bench`; alone: `npm run bench -- --only load` (options: --connections N --seconds S).
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "./build";
import { describeProcesses, loadConfigs, runLoad, startLoadServers, watchProcess } from "../tests/support/load";
import { alive, descendants, startInspector, waitFor } from "../tests/support/processes";

export interface LoadResult {
  ok: boolean;
  throughput: number;
  p50: number;
}

export async function benchLoad(options: { connections?: number; seconds?: number } = {}): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 15;
  const servers = await startLoadServers();
  const inspector = await startInspector();
  const pid = inspector.child.pid!;
  try {
    const configs = loadConfigs(connections, servers);
    const kinds = new Map<string, number>();
    for (const c of configs) kinds.set(c.transport, (kinds.get(c.transport) ?? 0) + 1);
    console.log(
      `\nload: ${connections} connections (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}), ${seconds} s of echo calls each, inspector pid ${pid}`,
    );
    const loadBefore = loadavg()[0]!;
    const memory = watchProcess(pid, 100);
    const driverCpu = process.cpuUsage();
    const run = runLoad({ inspector, configs, durationMs: seconds * 1000 });
    await run.live;
    const inWindow = watchProcess(pid, 1000);
    const live = descendants(pid);
    if (process.env.MCP_LENS_LOAD_DEBUG) console.log(`live:\n${describeProcesses(live)}`);
    await run.windowEnded;
    const windowCpu = inWindow.stop().cpuSeconds;
    const report = await run.done;
    const rss = memory.stop();
    const driver = process.cpuUsage(driverCpu);
    await waitFor(() => descendants(pid).length === 0, 10_000);
    const leftPids = [...new Set([...descendants(pid), ...live.filter(alive)])];
    const left = leftPids.length;

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const failed = report.connections.filter((c) => c.status !== "connected");
    const row = (name: string, value: string, target = "") =>
      console.log(`${name.padEnd(58)} ${value.padStart(14)} ${target}`);
    row("load: connections connected", `${connections - failed.length} / ${connections}`, "(target all)");
    row("load: connect time p50 / max", `${ms(report.connect.p50)} / ${ms(report.connect.max)}`);
    row("load: server processes live during the load", String(live.length));
    row("load: calling window", ms(report.windowMs));
    row("load: tool calls completed", String(report.totalCalls));
    row("load: throughput", `${report.throughput.toFixed(0)} calls/s`);
    row("load: latency p50", ms(report.latency.p50));
    row("load: latency p95", ms(report.latency.p95));
    row("load: latency p99", ms(report.latency.p99));
    row("load: latency max", ms(report.latency.max));
    row("load: errors", String(report.totalErrors), "(target 0)");
    row(
      "load: cross-talk (another connection's message seen)",
      String(report.crossTalk + report.problems),
      "(target 0)",
    );
    row("load: inspector server peak RSS (sampled every 100 ms)", `${rss.peakRssMB.toFixed(1)} MB`);
    row("load: inspector server VmHWM (since its start)", `${rss.hwmMB.toFixed(1)} MB`);
    row(
      "load: inspector server CPU during the calling window",
      `${windowCpu.toFixed(1)} s (${((100 * windowCpu) / (report.windowMs / 1000)).toFixed(0)}% of a core)`,
    );
    row("load: inspector server CPU, whole run (connect … disconnect)", `${rss.cpuSeconds.toFixed(1)} s`);
    row("load: load driver CPU, whole run (this process)", `${((driver.user + driver.system) / 1e6).toFixed(1)} s`);
    row(
      "load: machine load average (1 min) before / after",
      `${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    );
    row("load: processes left after disconnect", String(left), "(target 0)");
    for (const kind of ["stdio", "streamable-http"]) {
      const of = report.connections.filter((c) => configs[c.index]!.transport === kind);
      const lat = of.flatMap((c) => c.latenciesMs).sort((a, b) => a - b);
      const calls = of.reduce((a, c) => a + c.calls, 0);
      row(`load:   ${kind}: calls, p50 latency`, `${calls}, ${ms(lat[Math.floor(lat.length / 2)] ?? 0)}`);
    }
    if (left) console.log(`  left:\n${describeProcesses(leftPids)}`);
    for (const c of report.connections) {
      const trouble = [
        c.failure,
        ...c.errors.slice(0, 3),
        ...c.crossTalk.slice(0, 3),
        ...c.problems.slice(0, 3),
      ].filter(Boolean);
      if (trouble.length) console.log(`  ${c.name}: ${trouble.join(" | ")}`);
    }
    return {
      ok: failed.length === 0 && report.totalErrors === 0 && report.crossTalk + report.problems === 0 && left === 0,
      throughput: report.throughput,
      p50: report.latency.p50,
    };
  } finally {
    await inspector.stop();
    await servers.stop();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: { connections: { type: "string" }, seconds: { type: "string" } },
    strict: false,
  });
  buildIfNeeded();
  benchLoad({
    connections: values.connections ? Number(values.connections) : undefined,
    seconds: values.seconds ? Number(values.seconds) : undefined,
  })
    .then((r) => process.exit(r.ok ? 0 : 1))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
