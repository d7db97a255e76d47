/**
 * `npm run bench -- --only backpressure [--seconds S]`: the stdio bridge's backpressure soak against a
 * real inspector process (issue 19 item 10). A server floods stdout; the client first reads nothing
 * for S seconds, then reads slowly (256 KiB/s) for S seconds, then disconnects. Prints the
 * inspector's RSS in each phase and what the server managed to write. Before backpressure the
 * inspector grew from 247 MB to 1.64 GB in 18 s of this and kept it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startInspector, waitFor } from "../tests/support/processes";
import { watchProcess } from "../tests/support/load";

const MB = 1024 * 1024;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
}

export async function benchBackpressure(options: { seconds?: number; root: string }): Promise<boolean> {
  const seconds = options.seconds ?? 20;
  const dir = mkdtempSync(join(tmpdir(), "mcp-lens-bench-flood-"));
  const progress = join(dir, "progress");
  const written = () => (existsSync(progress) ? Number(readFileSync(progress, "utf8")) / MB : 0);
  const inspector = await startInspector();
  const pid = inspector.child.pid!;
  const line = (name: string, value: number, unit: string, target = "") =>
    console.log(`${name.padEnd(58)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${target}`);
  try {
    await delay(1000);
    const start = rssMB(pid);
    line("backpressure: inspector RSS before", start, "MB");
    const body = JSON.stringify({
      command: process.execPath,
      args: ["--import", "tsx", join(options.root, "servers/fixtures/stdout-flood.ts")],
      env: { FLOOD_PROGRESS: progress },
    });
    const req = request({
      host: "127.0.0.1",
      port: inspector.port,
      method: "POST",
      path: "/api/bridge/stdio",
      headers: {
        host: `127.0.0.1:${inspector.port}`,
        "x-mcp-lens-token": inspector.token,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      },
    });
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      req.once("response", resolve);
      req.once("error", reject);
      req.end(body);
    });
    response.pause();
    await waitFor(() => written() > 0, 15_000);

    let watch = watchProcess(pid);
    await delay(seconds * 1000);
    const stalled = watch.stop();
    const stalledAt = written();
    line(
      `backpressure: peak RSS, ${seconds} s not reading`,
      stalled.peakRssMB,
      "MB",
      `(growth ${(stalled.peakRssMB - start).toFixed(1)} MB; target < 100)`,
    );
    line("backpressure: written by the server while not reading", stalledAt, "MB", "(the pipes and one 1 MiB queue)");

    watch = watchProcess(pid);
    let received = 0;
    response.on("data", (c: Buffer) => {
      received += c.length;
      response.pause();
      setTimeout(() => response.resume(), (c.length / (256 * 1024)) * 1000);
    });
    response.resume();
    await delay(seconds * 1000);
    const slow = watch.stop();
    line(
      `backpressure: peak RSS, ${seconds} s reading at 256 KiB/s`,
      slow.peakRssMB,
      "MB",
      `(growth ${(slow.peakRssMB - start).toFixed(1)} MB)`,
    );
    line(
      "backpressure: received while reading slowly",
      received / MB,
      "MB",
      `(server wrote ${(written() - stalledAt).toFixed(1)} MB meanwhile)`,
    );

    req.destroy();
    response.destroy();
    await delay(3000);
    const after = rssMB(pid);
    line(
      "backpressure: inspector RSS 3 s after disconnect",
      after,
      "MB",
      `(${(after - start).toFixed(1)} MB above the start)`,
    );
    return stalled.peakRssMB - start < 100 && slow.peakRssMB - start < 100;
  } finally {
    await inspector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
