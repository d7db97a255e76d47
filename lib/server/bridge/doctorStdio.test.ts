/** The doctor's diagnosis of stdio commands, against real processes (servers/fixtures). */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { DoctorReport } from "../../doctor";
import { doctorWith } from "./doctor";

const fixture = (name: string) => resolve(`servers/fixtures/${name}`);
const tsx = (file: string) => ({ command: process.execPath, args: ["--import", "tsx", file] });

async function diagnose(launch: { command: string; args: string[] }, stdioWaitMs = 4000): Promise<DoctorReport> {
  const res = await doctorWith(
    new Request("http://127.0.0.1/api/doctor", { method: "POST", body: JSON.stringify({ kind: "stdio", launch }) }),
    { stdioWaitMs },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as DoctorReport;
}
const stepOf = (r: DoctorReport, id: string) => r.steps.find((s) => s.id === id)!;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the connection doctor on stdio", () => {
  it("a missing command: names the command step and says to check its spelling or path", async () => {
    const r = await diagnose({ command: "mcp-lens-no-such-server-xyz", args: [] });
    expect(r.failing).toBe("command");
    expect(stepOf(r, "command").evidence.join()).toMatch(/not found on PATH/);
    expect(r.verdict).toMatch(/not found: check its spelling, install it, or give its full path/);
    expect(r.steps.map((s) => s.status)).toEqual(["fail", "skip", "skip", "skip", "skip"]);
  });

  it("a file that is not executable", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "doctor-")), "server.sh");
    writeFileSync(file, "#!/bin/sh\necho hi\n");
    chmodSync(file, 0o644);
    const r = await diagnose({ command: file, args: [] });
    expect(r.failing).toBe("command");
    expect(r.verdict).toMatch(/not executable/);
  });

  it("an exiting server: its exit code and the stderr tail", async () => {
    const r = await diagnose(tsx(fixture("exit-at-once.ts")));
    expect(r.failing).toBe("running");
    const running = stepOf(r, "running");
    expect(running.evidence[0]).toMatch(/exited with code 3/);
    expect(running.evidence).toContain("stderr: fatal: demo crash");
    expect(r.verdict).toMatch(/exited with code 3 at start/);
  }, 15_000);

  it("garbage on stdout: the lines, and that servers must log to stderr", async () => {
    const r = await diagnose(tsx(fixture("garbage.ts")), 2500);
    expect(r.failing).toBe("stdout");
    expect(stepOf(r, "stdout").evidence[0]).toMatch(/not JSON: "hello, I am not MCP"/);
    expect(r.verdict).toMatch(/Garbage on stdout: servers must log to stderr/);
    expect(stepOf(r, "start").status).toBe("pass");
    const pid = Number(/pid (\d+)/.exec(stepOf(r, "start").evidence[0]!)![1]);
    expect(alive(pid)).toBe(false);
  }, 15_000);

  it("a silent server: no answer to initialize in the time given, and the process stopped", async () => {
    const r = await diagnose(tsx(fixture("silent.ts")), 2000);
    expect(r.failing).toBe("initialize");
    expect(stepOf(r, "initialize").evidence[0]).toMatch(/no answer to initialize within 2 s/);
    expect(r.verdict).toMatch(/silent/);
    const pid = Number(/pid (\d+)/.exec(stepOf(r, "start").evidence[0]!)![1]);
    expect(alive(pid)).toBe(false);
  }, 15_000);

  it("a working server passes every step, with its serverInfo", async () => {
    const r = await diagnose(tsx(resolve("servers/fixtures/misbehaving/stdio.ts")), 8000);
    expect(r.failing).toBeUndefined();
    expect(r.steps.map((s) => s.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(stepOf(r, "initialize").evidence.join()).toMatch(/protocol 2025-11-25/);
    expect(r.verdict).toMatch(/should work/);
  }, 20_000);
});
