import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { getDefaultEnvironment } from "@modelcontextprotocol/client/stdio";
import { LineSplitter, LineTooLongError } from "./lines";
import { LIMITS } from "./limits";
import type { RefusedLine, StdioLaunch } from "../../base";
import { errorMessage } from "../../base";

/** How long an over-long line is read on (and dropped) to learn its size before the connection is closed. */
const MEASURE_REFUSED_LINE_MS = 1000;

export interface StdioHandlers {
  stdout(line: string): void;
  stderr(line: string): void;
  exit(code: number | null, signal: string | null): void;
  error(message: string, hint?: string, refusedLine?: RefusedLine): void;
}

/**
 * One spawned MCP server. It leads its own process group (`detached`), so shutdown reaches its
 * children too (an `npx` wrapper, a shell script's node). No shell is involved.
 */
export class StdioProcess {
  private readonly child: ChildProcess;
  private exited = false;
  private readonly exitPromise: Promise<void>;
  private shuttingDown?: Promise<void>;
  private paused = false;
  /** Nobody reads any more: what the server still writes is dropped, so its pipes drain and it can exit. */
  private discarding = false;

  private constructor(child: ChildProcess, handlers: StdioHandlers, maxLineBytes: number) {
    this.child = child;
    this.exitPromise = new Promise((resolve) => child.once("close", () => resolve()));
    const out = new LineSplitter(maxLineBytes);
    const err = new LineSplitter(maxLineBytes);
    let stdoutOverflowed = false;
    /** An over-long line being read to its end (dropped) to report its size; the connection then closes. */
    let refusing: { line: RefusedLine; timer: ReturnType<typeof setTimeout> } | undefined;
    const refuse = (line: RefusedLine): void => {
      const size = line.seen >= 1024 * 1024 ? `${(line.seen / (1024 * 1024)).toFixed(1)} MiB` : `${line.seen} bytes`;
      const limit = `${Math.round(maxLineBytes / (1024 * 1024))} MiB`;
      handlers.error(
        `The server wrote a line of ${line.complete ? "" : "more than "}${size} on stdout: a line that exceeded ${limit} is refused, and the connection was closed.`,
        "Servers must write one JSON-RPC message per line on stdout.",
        line,
      );
      void this.shutdown();
    };
    const finishRefusing = (complete: boolean): void => {
      if (!refusing) return;
      clearTimeout(refusing.timer);
      const { line } = refusing;
      refusing = undefined;
      refuse({ ...line, complete });
    };
    child.stdout?.on("data", (chunk: Buffer) => {
      if (this.discarding) return; // nobody reads any more
      if (stdoutOverflowed) {
        // What follows an over-long line is no message; only the line's own end is looked for.
        if (refusing) {
          const nl = chunk.indexOf(10);
          refusing.line.seen += nl === -1 ? chunk.length : nl;
          if (nl !== -1) finishRefusing(true);
        }
        return;
      }
      try {
        for (const line of out.push(chunk)) handlers.stdout(line);
      } catch (e) {
        if (!(e instanceof LineTooLongError)) throw e;
        stdoutOverflowed = true;
        const line = { head: e.head, seen: e.seen, complete: e.complete, limit: maxLineBytes };
        if (e.complete) refuse(line);
        else refusing = { line, timer: setTimeout(() => finishRefusing(false), MEASURE_REFUSED_LINE_MS) };
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      if (this.discarding) return;
      try {
        for (const line of err.push(chunk)) handlers.stderr(line);
      } catch {
        handlers.stderr("[mcp-lens: a stderr line over the size limit was dropped]");
      }
    });
    child.stdin?.on("error", () => {}); // EPIPE after the server exits: reported through `exit`.
    child.once("close", (code, signal) => {
      this.exited = true;
      finishRefusing(false);
      const tail = stdoutOverflowed ? undefined : out.flush();
      if (tail) handlers.stdout(tail);
      const errTail = err.flush();
      if (errTail) handlers.stderr(errTail);
      handlers.exit(code, signal);
    });
  }

  static spawn(
    launch: StdioLaunch,
    handlers: StdioHandlers,
    maxLineBytes: number = LIMITS.maxLineBytes,
  ): StdioProcess | undefined {
    if (launch.cwd && !(existsSync(launch.cwd) && statSync(launch.cwd).isDirectory())) {
      handlers.error(`The working directory ${launch.cwd} does not exist.`, "Fix the cwd field or leave it empty.");
      return undefined;
    }
    let child: ChildProcess;
    try {
      child = spawn(launch.command, launch.args, {
        cwd: launch.cwd || undefined,
        env: { ...getDefaultEnvironment(), ...launch.env } as NodeJS.ProcessEnv,
        shell: false,
        detached: true,
        stdio: ["pipe", "pipe", "pipe"],
        windowsHide: true,
      });
    } catch (e) {
      handlers.error(`Could not start ${launch.command}: ${errorMessage(e)}`);
      return undefined;
    }
    const proc = new StdioProcess(child, handlers, maxLineBytes);
    child.once("error", (e: NodeJS.ErrnoException) => {
      proc.exited = true;
      if (e.code === "ENOENT") {
        handlers.error(
          `Command not found: ${launch.command}`,
          "Check the spelling, give a full path, or install the program so it is on PATH.",
        );
      } else if (e.code === "EACCES") {
        handlers.error(
          `Permission denied running ${launch.command}`,
          "Make the file executable or run it through its interpreter (node, python …).",
        );
      } else {
        handlers.error(`Could not start ${launch.command}: ${e.message}`);
      }
    });
    return proc;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.exited && this.child.pid !== undefined;
  }

  /**
   * Backpressure: stop reading the server's stdout and stderr. Once the pipes fill, the server's
   * writes block (or wait for 'drain'); nothing piles up in the inspector.
   */
  pause(): void {
    if (this.paused || this.discarding) return;
    this.paused = true;
    this.child.stdout?.pause();
    this.child.stderr?.pause();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.child.stdout?.resume();
    this.child.stderr?.resume();
  }

  /** The reader is gone: drop the rest of the output instead of holding it. */
  discardOutput(): void {
    this.discarding = true;
    this.resume();
  }

  write(line: string): boolean {
    if (!this.running || !this.child.stdin?.writable) return false;
    this.child.stdin.write(line.endsWith("\n") ? line : line + "\n");
    return true;
  }

  /** Close stdin, then SIGTERM the group, then SIGKILL it. Resolves when nothing of the group is left. */
  shutdown(): Promise<void> {
    this.shuttingDown ??= this.runShutdown();
    return this.shuttingDown;
  }

  /** Last resort on process exit: no waiting is possible there. */
  killNow(): void {
    signalGroup(this.child.pid, "SIGKILL");
  }

  private async runShutdown(): Promise<void> {
    await this.stopGroup();
    // The group is gone: let paused pipes run to their end (bounded now), so `close` fires and they are released.
    this.resume();
  }

  private async stopGroup(): Promise<void> {
    const pgid = this.child.pid;
    if (pgid === undefined) return;
    this.child.stdin?.end();
    if (!this.exited) await Promise.race([this.exitPromise, delay(LIMITS.stdinGraceMs)]);
    // The leader may be gone while its children live on: always signal the group.
    if (!signalGroup(pgid, "SIGTERM")) return;
    const deadline = Date.now() + LIMITS.termGraceMs;
    while (Date.now() < deadline) {
      await delay(50);
      if (!groupAlive(pgid)) return;
    }
    signalGroup(pgid, "SIGKILL");
  }
}

function signalGroup(pgid: number | undefined, signal: NodeJS.Signals): boolean {
  if (pgid === undefined) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty.
  }
}

function groupAlive(pgid: number): boolean {
  return signalGroup(pgid, 0 as unknown as NodeJS.Signals);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
