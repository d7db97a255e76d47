import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

/** Every live descendant of `pid` (children, grandchildren …), from the process table; zombies excluded. */
export function descendants(pid: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,ppid=,stat=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .map(([child, parent, stat, comm]) => ({
      child: Number(child),
      parent: Number(parent),
      zombie: stat?.startsWith("Z") ?? false,
      comm,
    }))
    // The `ps` run by this very call is a child too.
    .filter((row) => !(row.parent === process.pid && row.comm === "ps"));
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const row of table) {
      if (row.parent !== p) continue;
      if (!row.zombie) out.push(row.child);
      walk(row.child);
    }
  };
  walk(pid);
  return out;
}

/** True while `pid` is a live (non-zombie) process. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).trim();
    return stat !== "" && !stat.startsWith("Z");
  } catch {
    return false;
  }
}

export async function waitFor(check: () => boolean, timeoutMs = 8000, stepMs = 50): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return check();
}

/** Descendants that were not there at `baseline`. */
export function newDescendants(baseline: readonly number[]): number[] {
  return descendants(process.pid).filter((p) => !baseline.includes(p));
}

/** A process a test started and stops again by its pid. */
export interface Started {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startProcess(command: string, args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout!.on("data", (c: Buffer) => (text += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (text += c.toString()));
  const exited = once(child, "exit").catch(() => {});
  return {
    child,
    output: () => text,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      process.kill(child.pid, "SIGTERM");
      const timer = setTimeout(
        () => child.pid !== undefined && alive(child.pid) && process.kill(child.pid, "SIGKILL"),
        3000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}
