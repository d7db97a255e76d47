/**
 * The load driver shared by tests/load.spec.ts and `npm run bench -- --only load`: many
 * InspectorSessions in this Node process, each with its own transport, all through one real
 * inspector server (stdio through the bridge, HTTP through the relay, token header on every
 * request), each calling `echo` in a loop with messages only it sends.
 */
import { buildSync } from "esbuild";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import type { ConnectionConfig } from "../../lib/base";
import { InspectorSession } from "../../lib/session";
import { createTransport } from "../../lib/transports";
import { EVERYTHING, NODE, ROOT, startEverythingHttp, startProcess, waitFor, type Started } from "./processes";

/** The four kinds a load mixes, in turn: two stdio servers (through the bridge), two HTTP ones (through the relay). */
export const LOAD_KINDS = ["stdio-everything", "http-everything", "stdio-demo", "http-demo"] as const;
export type LoadKind = (typeof LOAD_KINDS)[number];

/** Demo servers bundled to plain JS once, so 25 of them start without tsx compiling each. */
function bundleDemo(name: "stdio" | "http"): string {
  const outfile = join(ROOT, ".bench", `load-demo-${name}.mjs`);
  buildSync({
    entryPoints: [join(ROOT, "servers/demo", `${name}.ts`)],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
    packages: "external",
  });
  return outfile;
}

/** The HTTP servers the HTTP connections share (each connection still has its own transport and session). */
export interface LoadServers {
  everythingUrl: string;
  demoUrl: string;
  demoStdio: string;
  stop(): Promise<void>;
}

export async function startLoadServers(): Promise<LoadServers> {
  const demoStdio = bundleDemo("stdio");
  const started: Started[] = [];
  try {
    const everything = await startEverythingHttp("streamableHttp");
    started.push(everything);
    const demo = startProcess(NODE, [bundleDemo("http")], { env: { PORT: "0" } });
    started.push(demo);
    let demoUrl: string | undefined;
    await waitFor(
      () =>
        (demoUrl = /MCP_LENS_DEMO_URL=(\S+)/.exec(demo.output())?.[1]) !== undefined || demo.child.exitCode !== null,
      15_000,
    );
    if (!demoUrl) throw new Error(`the demo HTTP server did not start:\n${demo.output()}`);
    return {
      everythingUrl: everything.url,
      demoUrl,
      demoStdio,
      stop: async () => void (await Promise.all(started.map((s) => s.stop()))),
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.stop()));
    throw error;
  }
}

/** `count` connection configs cycling through LOAD_KINDS (so half stdio, half HTTP; legacy and modern eras). */
export function loadConfigs(count: number, servers: LoadServers): ConnectionConfig[] {
  return Array.from({ length: count }, (_, i): ConnectionConfig => {
    const kind = LOAD_KINDS[i % LOAD_KINDS.length]!;
    const common = { id: `load-${i}`, name: `load ${i} (${kind})` };
    switch (kind) {
      case "stdio-everything":
        return {
          ...common,
          transport: "stdio",
          protocol: "2025-11-25",
          command: NODE,
          args: [EVERYTHING, "stdio"],
          env: [],
          cwd: "",
        };
      case "stdio-demo":
        return {
          ...common,
          transport: "stdio",
          protocol: "2026-07-28",
          command: NODE,
          args: [servers.demoStdio],
          env: [],
          cwd: "",
        };
      case "http-everything":
        return {
          ...common,
          transport: "streamable-http",
          protocol: "2025-11-25",
          url: servers.everythingUrl,
          headers: [],
        };
      case "http-demo":
        return { ...common, transport: "streamable-http", protocol: "2026-07-28", url: servers.demoUrl, headers: [] };
    }
  });
}

export interface ConnectionReport {
  index: number;
  name: string;
  status: string;
  failure?: string;
  connectMs: number;
  calls: number;
  errors: string[];
  /** Messages of other connections seen in this connection's traffic, and answers not carrying this connection's message. */
  crossTalk: string[];
  /** Frames the log flagged (a response to no request, a duplicate id …): an answer routed to the wrong connection shows here. */
  problems: string[];
  /** The stdio server's pid or the HTTP session id: what makes this connection's transport its own. */
  transportId?: string;
  latenciesMs: number[];
}

export interface LoadReport {
  connections: ConnectionReport[];
  /** Length of the calling window (from all connected to all loops ended), in ms. */
  windowMs: number;
  totalCalls: number;
  totalErrors: number;
  crossTalk: number;
  problems: number;
  throughput: number;
  latency: Percentiles;
  connect: Percentiles;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export interface LoadOptions {
  inspector: { url: string; token: string };
  configs: ConnectionConfig[];
  /** How long each connection keeps calling, from the moment all are connected. */
  durationMs: number;
  callTimeoutMs?: number;
  /** Connections being opened at once (default 8); the calls start when all are open. */
  connectConcurrency?: number;
  /** Many spawns at once on 2 cores take longer than the UI's 8 s promise for one. */
  connectDeadlineMs?: number;
}

export interface LoadRun {
  /** Resolves when every connection has connected (or failed) and made its first call. */
  live: Promise<void>;
  /** Resolves when every call loop has ended (before the sessions disconnect). */
  windowEnded: Promise<void>;
  /** End the call loops now (the sessions then disconnect). */
  stop(): void;
  /** Resolves after every session is disconnected. */
  done: Promise<LoadReport>;
}

/** Start the load: connect every config at once, call echo in a loop on each, disconnect. */
export function runLoad(options: LoadOptions): LoadRun {
  const run = Math.random().toString(36).slice(2, 10);
  const marker = new RegExp(`mcp-lens-load:${run}:c(\\d+):n\\d+`, "g");
  const endpoints = {
    base: options.inspector.url,
    token: options.inspector.token,
    fetch: globalThis.fetch.bind(globalThis),
  };
  const sessions = options.configs.map(
    (config) =>
      new InspectorSession(config, {
        createTransport: (c, log) => createTransport(endpoints, c, log),
        connectDeadlineMs: options.connectDeadlineMs ?? 30_000,
      }),
  );
  const reports: ConnectionReport[] = options.configs.map((config, index) => ({
    index,
    name: config.name,
    status: "new",
    connectMs: 0,
    calls: 0,
    errors: [],
    crossTalk: [],
    problems: [],
    latenciesMs: [],
  }));
  let stopped = false;
  let deadline = Infinity;
  let windowStart = 0;
  const firstCalls: Promise<void>[] = [];
  let endWindow!: () => void;
  const windowEnded = new Promise<void>((r) => (endWindow = r));

  // Connections open a few at a time (as a user adds them), then all call at once: 50 spawns in
  // one instant on 2 cores would only measure the handshake deadlines, not the bridge under load.
  let next = 0;
  const connectAll = Promise.all(
    Array.from({ length: Math.min(options.connectConcurrency ?? 8, sessions.length) }, async () => {
      for (let i = next++; i < sessions.length; i = next++) {
        const started = performance.now();
        await sessions[i]!.connect();
        reports[i]!.connectMs = performance.now() - started;
      }
    }),
  );

  const loop = async (session: InspectorSession, report: ConnectionReport, firstDone: () => void): Promise<void> => {
    report.status = session.state.status;
    if (session.state.status !== "connected") {
      report.failure = session.state.failure
        ? `${session.state.failure.title} ${session.state.failure.detail ?? ""}`.trim()
        : "not connected";
      firstDone();
      return;
    }
    const transport = session.client?.transport;
    report.transportId =
      transport && "pid" in transport
        ? `pid ${String(transport.pid)}`
        : (transport as StreamableHTTPClientTransport | undefined)?.sessionId;
    let failedInARow = 0;
    for (let n = 0; !stopped && Date.now() < deadline; n++) {
      const message = `mcp-lens-load:${run}:c${report.index}:n${n}`;
      const outcome = await session.tools.call(
        session.client!,
        "echo",
        { message },
        { timeoutMs: options.callTimeoutMs ?? 15_000 },
      );
      if (n === 0) firstDone();
      if (outcome.kind !== "result") {
        report.errors.push(`${outcome.kind}: ${outcome.message}`);
        // A closed connection (or an inspector that is gone) ends the loop rather than spinning on errors.
        if (session.state.status !== "connected" || ++failedInARow >= 5) break;
        continue;
      }
      failedInARow = 0;
      const first = outcome.result.content?.[0];
      const text = first?.type === "text" ? first.text : JSON.stringify(outcome.result);
      if (text !== message && text !== `Echo: ${message}`)
        report.crossTalk.push(`call ${n} answered ${text.slice(0, 200)}`);
      report.calls++;
      report.latenciesMs.push(outcome.elapsedMs);
    }
    if (report.calls === 0) firstDone();
  };

  const done = (async (): Promise<LoadReport> => {
    await connectAll;
    windowStart = performance.now();
    deadline = Date.now() + options.durationMs;
    await Promise.all(
      sessions.map((session, i) => {
        let resolveFirst!: () => void;
        firstCalls.push(new Promise<void>((r) => (resolveFirst = r)));
        return loop(session, reports[i]!, resolveFirst);
      }),
    );
    const windowMs = performance.now() - windowStart;
    endWindow();
    for (const [i, session] of sessions.entries()) inspectLog(session, reports[i]!, i, marker);
    await Promise.all(sessions.map((s) => s.disconnect()));
    const latencies = reports.flatMap((r) => r.latenciesMs);
    const totalCalls = reports.reduce((a, r) => a + r.calls, 0);
    return {
      connections: reports,
      windowMs,
      totalCalls,
      totalErrors: reports.reduce((a, r) => a + r.errors.length + (r.status === "connected" ? 0 : 1), 0),
      crossTalk: reports.reduce((a, r) => a + r.crossTalk.length, 0),
      problems: reports.reduce((a, r) => a + r.problems.length, 0),
      throughput: totalCalls / (windowMs / 1000),
      latency: percentiles(latencies),
      connect: percentiles(reports.map((r) => r.connectMs)),
    };
  })();

  const live = (async () => {
    await connectAll;
    // The loops register their first-call promises synchronously after connectAll settles.
    await new Promise((r) => setTimeout(r, 0));
    await Promise.all(firstCalls);
  })();

  return { live, windowEnded, stop: () => void (stopped = true), done };
}

/** Every frame of this connection's traffic must carry only its own markers; the log's pairing problems count too. */
function inspectLog(session: InspectorSession, report: ConnectionReport, index: number, marker: RegExp): void {
  for (const entry of session.log.entries) {
    if (entry.kind !== "frame") continue;
    for (const m of entry.raw.matchAll(marker)) {
      if (Number(m[1]) !== index) report.crossTalk.push(`${entry.direction} frame ${entry.seq} carries ${m[0]}`);
    }
    if (entry.problem) report.problems.push(`frame ${entry.seq}: ${entry.problem}`);
  }
}

/**
 * Resources of a process while the load runs: VmRSS sampled every `everyMs`, the kernel's
 * high-water mark (VmHWM), and CPU seconds (user + system) used between start and stop.
 */
export function watchProcess(
  pid: number,
  everyMs = 100,
): { stop(): { peakRssMB: number; hwmMB: number; cpuSeconds: number; samples: number } } {
  const status = (field: string): number => {
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const cpu = (): number => {
    try {
      // Fields after the ")" of the command name: utime and stime are the 12th and 13th, in clock ticks (100/s on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0;
    }
  };
  const cpuAtStart = cpu();
  let peak = status("VmRSS");
  let samples = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, status("VmRSS"));
    samples++;
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return {
        peakRssMB: Math.max(peak, status("VmRSS")),
        hwmMB: status("VmHWM"),
        cpuSeconds: cpu() - cpuAtStart,
        samples,
      };
    },
  };
}

/** "pid command" lines for the given pids (the live ones), for messages about processes left behind. */
export function describeProcesses(pids: number[]): string {
  if (pids.length === 0) return "none";
  try {
    return execFileSync("ps", ["-o", "pid=,ppid=,stat=,args=", "-p", pids.join(",")], { encoding: "utf8" })
      .trim()
      .replace(/\s+\n/g, "\n");
  } catch {
    return "none alive";
  }
}
