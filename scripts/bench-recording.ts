/**
 * Bench part: a 10,000-message recording opened offline (import → first render) and filtered
 * with a query (typed → list narrowed). The recording is generated with the real export path
 * (a TrafficLog of a plausible session, exportRecording, serializeRecording).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { queryMatcher } from "../lib/inspect";
import { exportRecording, parseRecording, recordingLog, serializeRecording } from "../lib/inspect";
import type { ConnectionConfig } from "../lib/base";
import { TrafficLog } from "../lib/traffic";

export const RECORDING_MESSAGES = 10_000;
/** Every 25th call fails. */
const ERROR_EVERY = 25;
const QUERY = "method:tools/call is:error";

/** A legacy session: the handshake, then tools/call pairs with progress notifications between. */
export function benchRecording(messages = RECORDING_MESSAGES): { text: string; matching: number } {
  let t = Date.parse("2026-11-26T00:00:00Z");
  const log = new TrafficLog({ now: () => (t += 3), schedule: () => {} });
  const stdio = { transport: "stdio" as const };
  const frame = (direction: "outgoing" | "incoming", value: unknown) =>
    log.recordFrame(direction, JSON.stringify(value), stdio);
  frame("outgoing", {
    jsonrpc: "2.0",
    id: 0,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "mcp-lens", version: "0.1.0" } },
  });
  frame("incoming", {
    jsonrpc: "2.0",
    id: 0,
    result: {
      protocolVersion: "2025-11-25",
      capabilities: { tools: {} },
      serverInfo: { name: "bench", version: "1.0.0" },
    },
  });
  frame("outgoing", { jsonrpc: "2.0", method: "notifications/initialized" });
  let id = 1;
  while (log.entries.length < messages) {
    const callId = id++;
    frame("outgoing", {
      jsonrpc: "2.0",
      id: callId,
      method: "tools/call",
      params: { name: "echo", arguments: { message: `call ${callId}` }, _meta: { progressToken: callId } },
    });
    if (log.entries.length < messages - 1)
      frame("incoming", {
        jsonrpc: "2.0",
        method: "notifications/progress",
        params: { progressToken: callId, progress: 1, total: 2 },
      });
    if (log.entries.length >= messages) break;
    if (callId % ERROR_EVERY === 0)
      frame("incoming", { jsonrpc: "2.0", id: callId, error: { code: -32602, message: "bad arguments" } });
    else {
      frame("incoming", {
        jsonrpc: "2.0",
        id: callId,
        result: { content: [{ type: "text", text: `echo: call ${callId}` }] },
      });
    }
  }
  const config: ConnectionConfig = {
    id: "bench",
    name: "bench recording",
    transport: "stdio",
    protocol: "2025-11-25",
    command: "node",
    args: ["server.js"],
    env: [],
    cwd: "",
  };
  const recording = exportRecording(
    {
      config,
      protocolVersion: "2025-11-25",
      era: "legacy",
      serverInfo: { name: "bench", version: "1.0.0" },
      serverCapabilities: { tools: {} },
      clientCapabilities: {},
    },
    log,
  );
  const text = serializeRecording(recording);
  // What the page must show for QUERY, computed by the same matcher on the re-read file.
  const parsed = parseRecording(text);
  if ("error" in parsed) throw new Error(parsed.error);
  const reread = recordingLog(parsed.recording);
  const { match } = queryMatcher(QUERY, reread);
  return { text, matching: reread.entries.filter((e) => match?.(e)).length };
}

type Report = (r: { name: string; value: number; unit: string; target?: string }) => void;

/** Opens the generated recording through "Open recording" and filters it; `watchLongTasks` is the bench's. */
export async function recordingBenchmarks(
  page: Page,
  root: string,
  report: Report,
  watchLongTasks: (page: Page) => Promise<void>,
): Promise<void> {
  const { text, matching } = benchRecording();
  mkdirSync(join(root, ".bench"), { recursive: true });
  const file = join(root, ".bench", "recording-10000.json");
  writeFileSync(file, text);
  await page.goto("/");
  await page.getByRole("button", { name: "+ New connection" }).waitFor();
  await watchLongTasks(page);
  await page.evaluate(() => {
    const w = window as unknown as { __changedAt: number };
    document.addEventListener("change", () => (w.__changedAt = performance.now()), { capture: true, once: true });
  });
  await page.getByLabel("Open recording").setInputFiles(file);
  const importMs = await page.evaluate(
    async (expected) => {
      await new Promise<void>((resolve) => {
        const check = () =>
          document.querySelector('[data-testid="traffic-messages"]')?.textContent === expected &&
          document.querySelector('[aria-label="Traffic"] [data-seq]')
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return performance.now() - (window as unknown as { __changedAt: number }).__changedAt;
    },
    `${RECORDING_MESSAGES.toLocaleString("en-US")} messages`,
  );
  await page.waitForTimeout(500);
  const importLongest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  report({ name: "recording: open 10,000 messages → first render", value: importMs, unit: "ms", target: "< 2000" });
  // The long-task API reports tasks over 50 ms only: 0 means none was that long.
  report({
    name: "recording: longest task while opening (0: none > 50 ms)",
    value: importLongest,
    unit: "ms",
    target: "< 100",
  });

  await watchLongTasks(page);
  const filter = page.getByLabel("Filter traffic");
  await page.evaluate(() => {
    const w = window as unknown as { __inputAt: number };
    document.addEventListener("input", () => (w.__inputAt = performance.now()), { capture: true, once: true });
  });
  await filter.fill(QUERY);
  const filterMs = await page.evaluate(
    async (expected) => {
      await new Promise<void>((resolve) => {
        const check = () =>
          [...document.querySelectorAll('[aria-label="Traffic"] header span')].some((s) => s.textContent === expected)
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return performance.now() - (window as unknown as { __inputAt: number }).__inputAt;
    },
    `${matching.toLocaleString("en-US")} shown`,
  );
  await page.waitForTimeout(300);
  const filterLongest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  report({
    name: `recording: filter 10,000 (query typed → ${matching} rows shown)`,
    value: filterMs,
    unit: "ms",
    target: "< 100",
  });
  report({ name: "recording: longest task while filtering (0: none > 50 ms)", value: filterLongest, unit: "ms" });
}
