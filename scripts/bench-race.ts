/**
 * `npm run bench -- --only race`: MCP Lens in Chromium beside a bare SDK v2 client in Node, in the
 * same run, on the same servers (issue 12's table). Each row is the median of `runs` runs of both
 * sides, printed with their ratio, the goal, and for browser rows the longest main-thread task.
 * Prints numbers; asserts nothing.
 */
import { Client, StreamableHTTPClientTransport, type Transport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import type { Page } from "playwright-core";
import type { ConnectionConfig } from "../lib/base";
import { negotiationOptions } from "../lib/session";
import { EVERYTHING, NODE } from "../tests/support/processes";
import { loadConfigs, percentiles, startLoadServers, type LoadServers } from "../tests/support/load";
import {
  addHttpConnection,
  addStdioConnection,
  bundleFixture,
  connect,
  disconnect,
  longestTask,
  openBenchBrowser,
  pageCallP50,
  watchLongTasks,
} from "./bench-page";
import { measureFirstLoad } from "./bench-firstload";
import { benchLoad } from "./bench-load";

export interface RaceRow {
  work: string;
  bare?: number;
  lens: number;
  unit: "ms" | "s" | "KB" | "calls/s";
  goal: string;
  /** The longest main-thread task seen during the browser side (median run), in ms. */
  longestTask?: number;
  /** For throughput rows the ratio is bare / lens (higher is better for both). */
  higherIsBetter?: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ECHO = { message: "ping" };

/** A bare SDK client on a connection config, with the same protocol choice MCP Lens makes for it. */
async function bareClient(config: ConnectionConfig, onMessage?: () => void): Promise<Client> {
  const client = new Client(
    { name: "bare-sdk-bench", version: "1.0.0" },
    { capabilities: {}, ...negotiationOptions(config.protocol, config.transport) },
  );
  if (onMessage) client.setNotificationHandler("notifications/message", onMessage);
  const transport: Transport =
    config.transport === "stdio"
      ? new StdioClientTransport({
          command: config.command,
          args: config.args,
          stderr: "ignore",
          env: { PATH: process.env.PATH ?? "", ...Object.fromEntries(config.env.map((e) => [e.name, e.value])) },
        })
      : new StreamableHTTPClientTransport(new URL(config.url));
  await client.connect(transport);
  return client;
}

async function bareCallP50(config: ConnectionConfig, count: number, warmup = 30): Promise<number> {
  const client = await bareClient(config);
  try {
    for (let i = 0; i < warmup; i++) await client.callTool({ name: "echo", arguments: ECHO });
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      await client.callTool({ name: "echo", arguments: ECHO });
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    await client.close();
  }
}

type StdioConfig = Extract<ConnectionConfig, { transport: "stdio" }>;
const stdioConfig = (args: string[], env: StdioConfig["env"] = []): StdioConfig => ({
  id: "race",
  name: "race",
  transport: "stdio",
  protocol: "2025-11-25",
  command: NODE,
  args,
  env,
  cwd: "",
});

async function roundTrips(
  page: Page,
  runs: number,
  rows: RaceRow[],
  openConnection: (page: Page) => Promise<void>,
  config: ConnectionConfig,
  work: string,
  goal: string,
): Promise<void> {
  const bare: number[] = [];
  const lens: number[] = [];
  await openConnection(page);
  await connect(page);
  for (let run = 0; run < runs; run++) {
    bare.push(await bareCallP50(config, 300));
    lens.push(await pageCallP50(page, "echo", ECHO, 300));
  }
  await disconnect(page);
  rows.push({ work, bare: median(bare), lens: median(lens), unit: "ms", goal });
}

/** The flood tool: 10,000 notifications/message, then its result. Bare: call → result with all counted. */
async function bareFlood(server: string): Promise<number> {
  let count = 0;
  const client = await bareClient(stdioConfig([server]), () => void count++);
  try {
    const start = performance.now();
    await client.callTool({ name: "flood", arguments: { count: 10_000 } });
    while (count < 10_000) await new Promise((r) => setTimeout(r, 1));
    return performance.now() - start;
  } finally {
    await client.close();
  }
}

/** MCP Lens: a click on Call → the result shown and all 10,000 notifications in the log. */
export async function lensFlood(page: Page): Promise<{ ms: number; longest: number }> {
  await page.getByRole("tab", { name: /^Tools/ }).click();
  await page.getByLabel("Search tools").fill("flood");
  await page.getByRole("listbox", { name: "Tools" }).getByRole("option", { name: "flood", exact: true }).click();
  const call = page.getByRole("button", { name: "Call flood" });
  await call.waitFor();
  await page.waitForTimeout(300);
  await watchLongTasks(page);
  await page.evaluate(() => {
    const w = window as unknown as { __clickedAt: number };
    document.addEventListener("click", () => (w.__clickedAt = performance.now()), { capture: true, once: true });
  });
  await call.click();
  const ms = await page.evaluate(async () => {
    type Log = { entries: { kind: string; rpc?: { method?: string } }[] };
    const lens = (
      window as unknown as {
        __MCP_LENS__: {
          pool: { find(id: string): { log: Log } | undefined };
          connections: { get(): { selectedId: string } };
        };
      }
    ).__MCP_LENS__;
    const log = lens.pool.find(lens.connections.get().selectedId)!.log;
    let counted = 0;
    let scanned = 0;
    await new Promise<void>((resolve) => {
      const check = () => {
        for (; scanned < log.entries.length; scanned++) {
          const e = log.entries[scanned]!;
          if (e.kind === "frame" && e.rpc?.method === "notifications/message") counted++;
        }
        const shown = document.querySelector('[aria-label="Tool result"]')?.textContent?.includes("Sent 10000");
        if (counted >= 10_000 && shown) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - (window as unknown as { __clickedAt: number }).__clickedAt;
  });
  await page.waitForTimeout(300);
  return { ms, longest: await longestTask(page) };
}

async function bareManyTools(server: string): Promise<number> {
  const start = performance.now();
  const client = await bareClient({
    ...stdioConfig([server]),
    env: [{ name: "TOOL_COUNT", value: "5000", secret: false }],
  });
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : undefined);
    total += page.tools.length;
    cursor = page.nextCursor;
  } while (cursor);
  const ms = performance.now() - start;
  await client.close();
  if (total !== 5000) throw new Error(`expected 5000 tools, got ${total}`);
  return ms;
}

export async function lensManyTools(page: Page, server: string): Promise<{ ms: number; longest: number }> {
  await addStdioConnection(page, "many tools", server, [["TOOL_COUNT", "5000"]]);
  await page.getByRole("tab", { name: /^Tools/ }).click();
  await watchLongTasks(page);
  await page.evaluate(() => {
    const w = window as unknown as { __clickedAt: number };
    document.addEventListener("click", () => (w.__clickedAt = performance.now()), { capture: true, once: true });
  });
  await page.getByRole("form", { name: "Connection" }).getByRole("button", { name: "Connect" }).click();
  const ms = await page.evaluate(async () => {
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('[data-testid="count-tools"]')?.textContent === "5000" &&
        document.querySelector('[aria-label="Tools"][role=listbox] [role=option]')
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    return performance.now() - (window as unknown as { __clickedAt: number }).__clickedAt;
  });
  await page.waitForTimeout(300);
  const longest = await longestTask(page);
  await disconnect(page);
  return { ms, longest };
}

/** 50 bare clients on the load bench's servers, calling echo in a loop for `seconds`. */
async function bareLoad(servers: LoadServers, connections: number, seconds: number) {
  const clients = await Promise.all(loadConfigs(connections, servers).map((c) => bareClient(c)));
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        const t = performance.now();
        await client.callTool({ name: "echo", arguments: ECHO });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const windowS = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.close()));
  return { throughput: latencies.length / windowS, p50: percentiles(latencies).p50 };
}

export async function benchRace(options: { runs?: number; seconds?: number } = {}): Promise<RaceRow[]> {
  const runs = options.runs ?? 3;
  const rows: RaceRow[] = [];
  const servers = await startLoadServers();
  const bench = await openBenchBrowser();
  const { page } = bench;
  try {
    const everythingStdio = stdioConfig([EVERYTHING, "stdio"]);
    await roundTrips(
      page,
      runs,
      rows,
      (p) => addStdioConnection(p, "everything", `${EVERYTHING} stdio`),
      everythingStdio,
      "small tools/call round trip, stdio (server-everything echo, p50 of 300)",
      "≤ 2×",
    );
    const demoHttp: ConnectionConfig = {
      id: "race-http",
      name: "race http",
      transport: "streamable-http",
      protocol: "2025-11-25",
      url: servers.demoUrl,
      headers: [],
    };
    await roundTrips(
      page,
      runs,
      rows,
      (p) => addHttpConnection(p, "demo http", servers.demoUrl),
      demoHttp,
      "small tools/call round trip, Streamable HTTP (demo echo, p50 of 300)",
      "≤ 1.5×",
    );

    const flood = bundleFixture("flood");
    const floodBare: number[] = [];
    const floodLens: { ms: number; longest: number }[] = [];
    await addStdioConnection(page, "flood", flood);
    await connect(page);
    for (let run = 0; run < runs; run++) {
      floodBare.push(await bareFlood(flood));
      floodLens.push(await lensFlood(page));
    }
    await disconnect(page);
    const floodMid = median(floodLens.map((r) => r.ms));
    rows.push({
      work: "tools/call with 10,000 notifications/message: call → result, all logged",
      bare: median(floodBare),
      lens: floodMid,
      unit: "ms",
      goal: "≤ 1.5×, no task > 50 ms",
      longestTask: Math.max(...floodLens.map((r) => r.longest)),
    });

    const manyTools = bundleFixture("many-tools");
    const toolsBare: number[] = [];
    const toolsLens: { ms: number; longest: number }[] = [];
    for (let run = 0; run < runs; run++) {
      toolsBare.push(await bareManyTools(manyTools));
      toolsLens.push(await lensManyTools(page, manyTools));
    }
    rows.push({
      work: "connect + list 5,000 tools (stdio)",
      bare: median(toolsBare),
      lens: median(toolsLens.map((r) => r.ms)),
      unit: "ms",
      goal: "≤ 1.2×, no task > 50 ms",
      longestTask: Math.max(...toolsLens.map((r) => r.longest)),
    });
  } finally {
    await bench.close();
  }

  const first = await measureFirstLoad();
  rows.push({
    work: `JavaScript before the connection form is usable (${first.files.length} files)`,
    lens: first.totalGzip / 1024,
    unit: "KB",
    goal: "≤ 250 KB gzip",
  });

  const seconds = options.seconds ?? 10;
  const bare = await bareLoad(servers, 50, seconds);
  await servers.stop();
  const lens = await benchLoad({ connections: 50, seconds });
  rows.push({
    work: `50 live connections calling echo for ${seconds} s: throughput`,
    bare: bare.throughput,
    lens: lens.throughput,
    unit: "calls/s",
    goal: "within 2×",
    higherIsBetter: true,
  });
  rows.push({ work: "50 live connections: call latency p50", bare: bare.p50, lens: lens.p50, unit: "ms", goal: "" });
  return rows;
}

export function printRace(rows: RaceRow[], runs: number): void {
  const fmt = (v: number | undefined, unit: string) =>
    v === undefined ? "—" : `${v.toFixed(unit === "ms" && v < 10 ? 2 : 0)} ${unit}`;
  console.log(`\nMCP Lens beside a bare SDK v2 client (medians of ${runs} runs)\n`);
  console.log("| work | bare SDK client | MCP Lens | ratio | goal | longest task |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    const ratio = r.bare === undefined ? "—" : `${(r.higherIsBetter ? r.bare / r.lens : r.lens / r.bare).toFixed(2)}×`;
    const task = r.longestTask === undefined ? "" : `${r.longestTask.toFixed(0)} ms`;
    console.log(`| ${r.work} | ${fmt(r.bare, r.unit)} | ${fmt(r.lens, r.unit)} | ${ratio} | ${r.goal} | ${task} |`);
  }
}
