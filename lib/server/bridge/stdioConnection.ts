import { randomUUID } from "node:crypto";
import type { BridgeEvent, StdioLaunch } from "../../base";
import { LIMITS } from "./limits";
import { registry } from "./registry";
import { StdioProcess } from "./stdioProcess";

/** Where a stdio connection's events go: the NDJSON response stream, or a WebSocket. */
export interface EventSink {
  /** Sends one event; returns how many bytes now wait for the page to read them. Throws when the reader is gone. */
  send(event: BridgeEvent): number;
  /** No more events (the server exited, could not start, or the connection was ended). */
  end(): void;
}

/**
 * One live stdio server and its events, whatever carries them (stdioRoutes.ts, stdioSocket.ts): the
 * process in the registry while it runs, `spawned` first, backpressure (past the high-water mark the
 * server's stdout and stderr are paused until `resume`), the per-connection cap on waiting bytes, and
 * the process group stopped when the page goes away (`stop`).
 */
export class StdioConnection {
  readonly id = randomUUID();
  private proc?: StdioProcess;
  private closed = false;

  private constructor(private readonly sink: EventSink) {}

  /** Spawns the server; its events (`spawned` first, or the error that kept it from starting) go to `sink`. */
  static start(launch: StdioLaunch, sink: EventSink): StdioConnection {
    const connection = new StdioConnection(sink);
    connection.spawn(launch);
    return connection;
  }

  private spawn(launch: StdioLaunch): void {
    const { processes } = registry();
    this.proc = StdioProcess.spawn(launch, {
      stdout: (line) => this.emit({ type: "stdout", line }),
      stderr: (line) => this.emit({ type: "stderr", line }),
      error: (message, hint, refusedLine) => {
        this.emit({ type: "error", message, hint, refusedLine });
        if (!this.proc?.running) {
          processes.delete(this.id);
          this.end();
        }
      },
      exit: (code, signal) => {
        this.emit({ type: "exit", code, signal });
        processes.delete(this.id);
        this.end();
        void this.proc?.shutdown(); // reap grandchildren the leader left behind
      },
    });
    if (this.proc?.pid !== undefined) {
      processes.set(this.id, this.proc);
      this.emit({ type: "spawned", id: this.id, pid: this.proc.pid });
    }
  }

  /** Backpressure: past the high-water mark the server's output is paused until the reader catches up (`resume`). */
  private emit(event: BridgeEvent): void {
    if (this.closed) return;
    try {
      const queued = this.sink.send(event);
      if (queued < LIMITS.streamHighWaterBytes) return;
      this.proc?.pause();
      if (queued > LIMITS.maxQueuedBytes) {
        this.sink.send({
          type: "error",
          message: `The server's output waited in the inspector beyond ${LIMITS.maxQueuedBytes >> 20} MiB for this connection; the connection was closed.`,
          hint: "The page reads more slowly than the server writes (or one line's encoding is this large).",
        });
        this.end();
        void this.stop();
      }
    } catch {
      this.closed = true;
    }
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** The reader caught up: the server's output flows again. */
  resume(): void {
    this.proc?.resume();
  }

  /** One line to the server's stdin; false when it is no longer running. */
  write(line: string): boolean {
    return this.proc?.write(line) ?? false;
  }

  /** No more events to the sink. */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.sink.end();
    } catch {
      /* already closed by the reader */
    }
  }

  /** The page went away (or the connection was ended): the process group is shut down, its output dropped. Resolves when it is gone. */
  stop(): Promise<void> {
    this.closed = true;
    registry().processes.delete(this.id);
    this.proc?.discardOutput();
    return this.proc?.shutdown() ?? Promise.resolve();
  }
}
