/**
 * Memory after the heavy faults: once the session is disconnected and dropped, a full GC brings the
 * heap back near where it started and RSS within a generous bound. Its own file, so its process
 * measures only these tests.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../base";
import { Sessions, call, expectNothingLeft, gcFunction, httpConfig, startHttpFixture, stdioConfig } from "../testing";
import { descendants, waitFor, type Started } from "../testing";

const MB = 1024 * 1024;
const sessions = new Sessions();
const gc = gcFunction();
let baseline: number[] = [];
let server: Started | undefined;

// One benign call first, so what the first connection initialises once (SDK schemas, code) is not counted as growth.
beforeAll(async () => {
  const session = await sessions.connect(stdioConfig());
  await call(session, "echo", { text: "warm-up" });
  await sessions.closeAll();
});
beforeEach(() => {
  baseline = descendants(process.pid);
});
afterEach(async () => {
  await sessions.closeAll();
  await server?.stop();
  server = undefined;
});

async function settled(): Promise<NodeJS.MemoryUsage> {
  // V8 keeps the subject of the last RegExp match (RegExp.input). After a huge frame that is the log's 4 KiB head
  // slice, which pins the whole 16 MiB line until any other regex runs; run one so only our own references count.
  /(?:)/.exec("");
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  return process.memoryUsage();
}

/** Connects, runs the faulting call, disconnects; nothing of the session is kept. Returns the peak RSS seen. */
async function fault(config: ConnectionConfig, tool: string): Promise<{ kind: string; peakRss: number }> {
  const session = await sessions.connect(config);
  const outcome = await call(session, tool, {}, 15_000);
  const peakRss = process.memoryUsage().rss;
  await session.disconnect();
  await sessions.closeAll();
  return { kind: outcome.kind, peakRss };
}

/**
 * `maxHeapMb` sits between what is measured when the session is dropped and what is measured when it is
 * kept (huge-line: under 3 vs 19 MB; deep-json: under 1 vs 6 MB), so the check fails if the payload is retained.
 */
async function expectMemoryBack(
  before: NodeJS.MemoryUsage,
  run: () => Promise<{ kind: string; peakRss: number }>,
  expectedKind: string,
  maxHeapMb: number,
): Promise<void> {
  const { kind, peakRss } = await run();
  expect(kind, "the faulting call's outcome").toBe(expectedKind);
  const after = await settled();
  const heapGrowth = (after.heapUsed - before.heapUsed) / MB;
  const rssGrowth = (after.rss - before.rss) / MB;
  expect(
    heapGrowth,
    `heap grew by ${heapGrowth.toFixed(1)} MB (peak RSS ${(peakRss / MB).toFixed(0)} MB)`,
  ).toBeLessThan(maxHeapMb);
  // RSS need not go back to the OS at once: only a generous bound.
  expect(rssGrowth, `RSS grew by ${rssGrowth.toFixed(1)} MB (peak ${(peakRss / MB).toFixed(0)} MB)`).toBeLessThan(160);
}

describe("memory after heavy faults", () => {
  it("stdio huge-line (50 MB): the heap returns after disconnect", async () => {
    const before = await settled();
    await expectMemoryBack(before, () => fault(stdioConfig({ MODE: "huge-line" }), "huge-line"), "failed", 8);
    await expectNothingLeft(baseline);
  }, 25_000);

  it("stdio deep-json (100,000 levels): the heap returns after disconnect", async () => {
    const before = await settled();
    await expectMemoryBack(before, () => fault(stdioConfig({ MODE: "deep-json" }), "deep-json"), "result", 3);
    await expectNothingLeft(baseline);
  });

  it("HTTP deep-json through the relay: the heap returns after disconnect", async () => {
    const started = await startHttpFixture();
    server = started;
    const before = await settled();
    await expectMemoryBack(before, () => fault(httpConfig(started.url), "deep-json"), "result", 3);
    await started.stop();
    await waitFor(() => started.child.exitCode !== null || started.child.signalCode !== null);
    await expectNothingLeft(baseline);
  });
});
