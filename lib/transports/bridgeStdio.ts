import type { JSONRPCMessage, Transport } from "@modelcontextprotocol/client";
import { type BridgeEvent, errorMessage, type RefusedLine, type StdioLaunch } from "../base";
import { classifyValue } from "../traffic";
import type { TrafficLog } from "../traffic";
import { REPLACEMENT_CHARACTER, addProblem } from "./frameProblems";
import { createPacer } from "../base";
import { type BridgeRoute, httpChannel, type StdioChannel } from "./stdioChannel";
import { type BridgeSocket, ChannelUnavailable, socketChannel } from "./stdioSocketChannel";

/** Why a stdio connection ended, for the failure message. */
export interface StdioExit {
  code: number | null;
  signal: string | null;
  error?: { message: string; hint?: string; refused?: RefusedAnswer };
}

/** A stdout line the bridge refused as over its limit: its size (all of it when `complete`) and the limit. */
export interface RefusedAnswer {
  bytes: number;
  complete: boolean;
  limitBytes: number;
}

/** "answer of 50.0 MB refused: over the 16 MiB limit": what a request whose answer was refused says. */
export function refusedAnswerMessage(refused: RefusedAnswer): string {
  const mb = (refused.bytes / (1024 * 1024)).toFixed(1);
  return `answer of ${refused.complete ? "" : "more than "}${mb} MB refused: over the ${Math.round(refused.limitBytes / (1024 * 1024))} MiB limit`;
}

/**
 * An MCP transport to a local stdio server, run by the inspector's bridge. This is the stdio
 * capture point: each stdout line is recorded raw before it is parsed, each frame sent is recorded
 * before it leaves. It exposes `pid` and `stderr` so the SDK's era probe treats it as stdio.
 * Given a `socket`, it reaches the bridge over one WebSocket (stdioSocketChannel.ts), and over HTTP
 * (stdioChannel.ts) when that socket cannot open (no custom server in front, as in-process in Node).
 */
export class BridgeStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private id?: string;
  private processId?: number;
  private link: StdioChannel;
  private sendChain: Promise<void> = Promise.resolve();
  private closed = false;
  exit?: StdioExit;
  /** Recent stderr lines (up to 200), for failure messages. */
  readonly stderrTail: string[] = [];

  constructor(
    private readonly route: BridgeRoute,
    private readonly launch: StdioLaunch,
    private readonly log: TrafficLog,
    socket?: BridgeSocket,
  ) {
    this.link = socket ? socketChannel(socket, route.token) : httpChannel(route);
  }

  /** How this transport reaches the bridge: one WebSocket, or HTTP requests. */
  get channel(): StdioChannel["kind"] {
    return this.link.kind;
  }

  get pid(): number | undefined {
    return this.processId;
  }

  /** Present for the SDK's structural stdio check; stderr arrives through the traffic log. */
  get stderr(): null {
    return null;
  }

  async start(): Promise<void> {
    const shown = [this.launch.command, ...this.launch.args].map(quoteArg).join(" ");
    this.log.event("process-starting", "info", `starting ${shown}${this.launch.cwd ? ` in ${this.launch.cwd}` : ""}`);
    let events: AsyncGenerator<BridgeEvent>;
    try {
      events = await this.link.open(this.launch);
    } catch (error) {
      if (!(error instanceof ChannelUnavailable) || this.closed) throw error;
      this.link = httpChannel(this.route);
      events = await this.link.open(this.launch);
    }
    const first = await events.next();
    if (first.done || first.value.type !== "spawned") {
      const event = first.done ? undefined : first.value;
      const error = event?.type === "error" ? event : { message: "the stdio bridge closed before the server started" };
      this.exit = { code: null, signal: null, error };
      this.log.event("process-start-failed", "error", error.message);
      throw new Error(error.message);
    }
    this.id = first.value.id;
    this.processId = first.value.pid;
    this.log.event("process-started", "info", `server process started (pid ${first.value.pid})`);
    void this.pump(events);
  }

  private async pump(events: AsyncGenerator<BridgeEvent>): Promise<void> {
    const pace = createPacer();
    try {
      for await (const event of events) {
        this.handle(event);
        await pace();
      }
    } catch (error) {
      if (!this.closed) this.log.event("bridge-lost", "error", `lost the stdio bridge stream: ${errorMessage(error)}`);
    }
    this.finish();
  }

  private handle(event: BridgeEvent): void {
    switch (event.type) {
      case "stdout": {
        const { entry, value } = this.log.recordFrame("incoming", event.line, { transport: "stdio" });
        if (entry.raw.includes("\uFFFD")) addProblem(entry, REPLACEMENT_CHARACTER);
        if (this.exit?.error) {
          // After the bridge ended the connection (an over-long line), what still comes is a remnant, never a message.
          addProblem(
            entry,
            `not delivered: it came after the bridge closed the connection (${this.exit.error.message})`,
          );
          return;
        }
        // What is delivered is decided on the whole line, whatever the log stores of it.
        const message = value !== undefined || !entry.truncated ? value : parseQuietly(event.line);
        if (message === undefined) {
          if (entry.rpc.type === "invalid-json") {
            this.onerror?.(
              new Error(
                `the server wrote a line that is not JSON-RPC (${entry.rpc.reason}): ${event.line.slice(0, 200)}`,
              ),
            );
          } else {
            // A frame too big to store whole is classified from its head only: say when the whole line is no JSON.
            addProblem(entry, "invalid JSON: the whole line does not parse (its type above was guessed from its head)");
            this.onerror?.(new Error(`the server wrote a line of ${entry.size} bytes that is not valid JSON`));
          }
          return;
        }
        const rpc = value === undefined ? classifyValue(message) : entry.rpc;
        if (rpc.type === "not-jsonrpc") {
          this.onerror?.(
            new Error(`the server wrote a line that is not JSON-RPC (${rpc.reason}): ${event.line.slice(0, 200)}`),
          );
          return;
        }
        this.deliver(message);
        return;
      }
      case "stderr":
        this.stderrTail.push(event.line);
        if (this.stderrTail.length > 200) this.stderrTail.shift();
        this.log.append({ kind: "stderr", ts: this.log.now(), line: event.line });
        return;
      case "exit":
        this.exit = { ...this.exit, code: event.code, signal: event.signal };
        this.log.event(
          "process-exited",
          event.code === 0 ? "info" : "error",
          `server process exited (${event.signal ? `signal ${event.signal}` : `code ${event.code}`})`,
        );
        return;
      case "error":
        // An over-long line is reported again for each chunk that follows it until the process is gone: once is enough.
        if (this.exit?.error?.message === event.message) return;
        if (event.refusedLine) this.recordRefusedLine(event.refusedLine);
        this.exit = {
          code: this.exit?.code ?? null,
          signal: this.exit?.signal ?? null,
          error: { message: event.message, hint: event.hint, refused: refusedOf(event.refusedLine) },
        };
        this.log.event("bridge-error", "error", event.hint ? `${event.message} ${event.hint}` : event.message);
        this.onerror?.(new Error(event.message));
        return;
      case "spawned":
        return;
    }
  }

  /** The bridge refused an over-long stdout line: its head goes in the log, cut and flagged, never to the client. */
  private recordRefusedLine(line: RefusedLine): void {
    const { entry } = this.log.recordFrame("incoming", line.head, { transport: "stdio" }, line.seen);
    addProblem(
      entry,
      `refused: a line over the bridge's limit (${line.seen} bytes read before the bridge closed the connection); only its head is kept, and it was not delivered`,
    );
  }

  private deliver(value: unknown): void {
    if (value === undefined) return;
    // A JSON-RPC batch (2025-03-26) is handed to the SDK one message at a time.
    for (const message of Array.isArray(value) ? value : [value]) this.onmessage?.(message as JSONRPCMessage);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    await this.sendRaw(JSON.stringify(message));
  }

  /** Send any text as one line, valid or not: for the raw composer and for fault tests. */
  sendRaw(raw: string): Promise<void> {
    if (!this.id || this.closed) return Promise.reject(new Error("not connected"));
    this.log.recordFrame("outgoing", raw, { transport: "stdio" });
    const id = this.id;
    const next = this.sendChain.then(() => this.link.write(id, raw));
    this.sendChain = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.link.close(this.id);
    this.finish();
  }

  private finished = false;
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.closed = true;
    this.onclose?.();
  }
}

function refusedOf(line: RefusedLine | undefined): RefusedAnswer | undefined {
  return line && { bytes: line.seen, complete: line.complete ?? false, limitBytes: line.limit ?? 16 * 1024 * 1024 };
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function parseQuietly(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
