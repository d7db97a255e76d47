/**
 * Issue 19 item 10: backpressure on a stdio server's stdout, through the real bridge handler. A
 * server that writes without pause to a reader that reads slowly or not at all is paused (its
 * writes wait), not killed, and the inspector's memory stays bounded; reading again resumes it;
 * disconnecting gives the memory back. Its own file, so its process measures only these tests.
 * The long soak against a real inspector process is `npm run bench -- --only backpressure`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LIMITS } from "../server";
import type { BridgeEvent } from "../base";
import { registry, shutdownAll } from "../server";
import { spawnStdio } from "../server";
import { gcFunction } from "../testing";
import { alive, descendants, newDescendants, waitFor } from "../testing";

const MB = 1024 * 1024;
const FLOOD = resolve("servers/fixtures/stdout-flood.ts");
const gc = gcFunction();
let dir = "";
let baseline: number[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mcp-lens-flood-"));
  baseline = descendants(process.pid);
});
afterEach(async () => {
  await shutdownAll(); // whatever a failed test left running
  rmSync(dir, { recursive: true, force: true });
});

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settled(): Promise<NodeJS.MemoryUsage> {
  /(?:)/.exec(""); // V8 keeps the last RegExp subject alive (see memory.test.ts)
  for (let i = 0; i < 3; i++) {
    await delay(20);
    gc();
  }
  return process.memoryUsage();
}

/** The highest RSS and heap seen while `watch` runs, sampled every 20 ms. */
function peakMemory(): { stop(): { rss: number; heap: number } } {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  return { stop: () => (clearInterval(timer), sample(), peak) };
}

const launch = (env: Record<string, string>, args: string[] = ["--import", "tsx", FLOOD]) =>
  new Request("http://127.0.0.1/api/bridge/stdio", {
    method: "POST",
    body: JSON.stringify({ command: process.execPath, args, env }),
  });

describe("stdout backpressure (issue 19 item 10)", () => {
  it("a flooding server and a reader that stops: paused, not killed; memory bounded; reading resumes it; disconnect frees it", async () => {
    const progressFile = join(dir, "progress");
    const written = () => (existsSync(progressFile) ? Number(readFileSync(progressFile, "utf8")) || 0 : 0);
    const before = await settled();
    const watch = peakMemory();
    // Bounded, so that a bridge without backpressure fails this test without exhausting the machine.
    const res = await spawnStdio(launch({ FLOOD_PROGRESS: progressFile, FLOOD_BYTES: String(256 * MB) }));
    const reader = res.body!.getReader();
    const first = JSON.parse(new TextDecoder().decode((await reader.read()).value).split("\n")[0]!) as BridgeEvent;
    expect(first.type).toBe("spawned");
    const pid = first.type === "spawned" ? first.pid : 0;

    // 1. Nobody reads: the server fills the pipe, then waits.
    expect(await waitFor(() => written() > 0, 15_000)).toBe(true);
    await delay(1500);
    const stalled = written();
    await delay(1500);
    expect(written(), "the server kept writing while nobody read").toBe(stalled);
    expect(stalled).toBeLessThan(8 * MB); // the 1 MiB queue and the pipes, not the 256 MiB it wanted to write
    expect(alive(pid), "paused, not killed").toBe(true);

    // 2. Reading slowly (one event every 5 ms, about 200 KB/s): it moves on at that pace.
    const slowUntil = Date.now() + 15_000;
    while (written() === stalled && Date.now() < slowUntil) {
      await reader.read();
      await delay(5);
    }
    expect(written(), "reading again resumed the server").toBeGreaterThan(stalled);

    // 3. Reading at full speed: it runs at the reader's pace, well past where it stalled.
    let read = 0;
    while (read < 64 * MB) read += (await reader.read()).value?.length ?? 0;
    expect(written()).toBeGreaterThan(stalled + 48 * MB);
    const peak = watch.stop();
    const rssGrowth = (peak.rss - before.rss) / MB;
    const heapGrowth = (peak.heap - before.heapUsed) / MB;
    console.log(
      `backpressure: stalled at ${(stalled / MB).toFixed(1)} MB written; peak growth RSS ${rssGrowth.toFixed(1)} MB, heap ${heapGrowth.toFixed(1)} MB over ${(written() / MB).toFixed(0)} MB relayed`,
    );
    expect(rssGrowth, "RSS growth during the flood").toBeLessThan(100);
    expect(heapGrowth, "heap growth during the flood").toBeLessThan(64);

    // 4. The reader goes away: the server is stopped and the memory comes back.
    await reader.cancel();
    expect(
      await waitFor(
        () => !alive(pid) && newDescendants(baseline).length === 0 && registry().processes.size === 0,
        8000,
      ),
    ).toBe(true);
    const after = await settled();
    const heapAfter = (after.heapUsed - before.heapUsed) / MB;
    console.log(
      `backpressure: after disconnect heap ${heapAfter.toFixed(1)} MB, RSS ${((after.rss - before.rss) / MB).toFixed(1)} MB above the start`,
    );
    expect(heapAfter).toBeLessThan(8);
  }, 60_000);

  it("past the per-connection cap (one line that outgrows it while the reader lags), the connection ends with a clear error and the server is stopped", async () => {
    const limits = LIMITS as { maxQueuedBytes: number };
    const saved = limits.maxQueuedBytes;
    limits.maxQueuedBytes = 2 * MB;
    try {
      // One valid 3 MiB line, then silence. A waiting read takes an event at once; one that is not waiting leaves it queued.
      const script =
        "process.stdout.write(JSON.stringify({jsonrpc:'2.0',method:'x',params:{d:'y'.repeat(3*1024*1024)}})+'\\n'); setInterval(()=>{},1000)";
      const res = await spawnStdio(launch({}, ["-e", script]));
      const reader = res.body!.getReader();
      await reader.read(); // spawned
      await waitFor(() => registry().processes.size === 0, 10_000); // the connection ended while nobody read
      let text = "";
      for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
      const events = text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as BridgeEvent);
      expect(events[0]).toMatchObject({ type: "stdout" });
      const last = events.at(-1);
      expect(last).toMatchObject({
        type: "error",
        message: expect.stringMatching(
          /waited in the inspector beyond 2 MiB for this connection; the connection was closed/,
        ),
      });
      expect(await waitFor(() => newDescendants(baseline).length === 0 && registry().processes.size === 0, 8000)).toBe(
        true,
      );
    } finally {
      limits.maxQueuedBytes = saved;
    }
  }, 30_000);
});
