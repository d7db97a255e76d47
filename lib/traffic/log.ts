import { classifyFrame, utf8Length } from "./classify";
import type { Direction, FrameEntry, NewEntry, RequestId, RpcInfo, TrafficEntry } from "./entry";
import { eventSource, type EventCode } from "./events";
import { ProbeWatch } from "./probe";
import { RequestWatch } from "./requestWatch";

/** Frames above this many characters are stored cut (the size is kept); views show the cut. */
export const DEFAULT_FRAME_LIMIT = 8 * 1024 * 1024;
/**
 * Frames up to this many characters are parsed whole even when stored cut, so they are classified
 * and paired for what they are (and the parsed value goes to the client); larger ones are classified
 * from their head and tail. The stdio bridge refuses lines over 16 MiB, so every stdio frame is parsed.
 */
export const FULL_PARSE_LIMIT = 32 * 1024 * 1024;

type Listener = () => void;

/**
 * The append-only traffic log of one connection. Appending never copies earlier entries;
 * listeners are told at most once per scheduled flush, so a burst of frames costs one render.
 */
export class TrafficLog {
  readonly entries: TrafficEntry[] = [];
  /** Bumped on every change; views use it as their snapshot. */
  version = 0;
  /** Bumped when entries already in the log were changed in place (see `amend`): incremental views start over. */
  amendments = 0;
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Map<string, FrameEntry>();
  /** Requests about to be sent on behalf of an MCP App view: the next outgoing one of the method is marked. */
  private readonly onBehalf: { method: string; from: string }[] = [];
  private readonly answered = new Set<string>();
  private flushScheduled = false;
  private nextExchange = 1;
  private probe?: ProbeWatch;
  private requests = new RequestWatch();

  constructor(
    private readonly options: {
      now?: () => number;
      schedule?: (flush: () => void) => void;
      frameLimit?: number;
      fullParseLimit?: number;
    } = {},
  ) {}

  now(): number {
    return this.options.now ? this.options.now() : performance.timeOrigin + performance.now();
  }

  /** An auto-mode connect begins: its version probe and the expected refusal are marked as negotiation. */
  watchVersionProbe(): void {
    this.probe = new ProbeWatch();
  }

  newExchange(): number {
    return this.nextExchange++;
  }

  /**
   * Record a raw frame as it crossed the wire, then classify and pair it; `value` is the parsed frame
   * when it was parsed whole. What is stored may be cut, what was parsed is not. `cutSize`: the capture
   * point kept only this head of a frame of that many bytes (it is classified from its head).
   */
  recordFrame(
    direction: Direction,
    raw: string,
    channel: FrameEntry["channel"],
    cutSize?: number,
  ): { entry: FrameEntry; value?: unknown } {
    const limit = this.options.frameLimit ?? DEFAULT_FRAME_LIMIT;
    const truncated = raw.length > limit || cutSize !== undefined;
    const parseWhole = cutSize === undefined && raw.length <= (this.options.fullParseLimit ?? FULL_PARSE_LIMIT);
    const { rpc, value } = parseWhole ? classifyFrame(raw) : { rpc: classifyTruncated(raw), value: undefined };
    const entry: FrameEntry = {
      kind: "frame",
      seq: this.entries.length,
      ts: this.now(),
      direction,
      raw: raw.length > limit ? detachedHead(raw, limit) : raw,
      size: cutSize ?? utf8Length(raw),
      truncated,
      channel,
      rpc,
    };
    if (direction === "outgoing" && rpc.type === "request" && channel.transport !== "app") {
      const i = this.onBehalf.findIndex((a) => a.method === rpc.method);
      if (i >= 0) entry.from = this.onBehalf.splice(i, 1)[0]!.from;
    }
    this.pair(entry, rpc);
    const lane = laneOf(channel);
    const late = this.requests.frame(entry, value, (d, id) => this.pending.get(pairKey(d, id, lane)));
    if (late) entry.problem = entry.problem ? `${entry.problem}; ${late}` : late;
    this.probe?.frame(entry);
    this.push(entry);
    return { entry, value };
  }

  /** The next outgoing request of `method` to the server is sent for `from` (an MCP App view's id). */
  onBehalfOf(from: string, method: string): void {
    this.onBehalf.push({ method, from });
    if (this.onBehalf.length > 64) this.onBehalf.shift();
  }

  append(entry: NewEntry): TrafficEntry {
    if (entry.kind === "frame") return this.recordFrame(entry.direction, entry.raw, entry.channel).entry;
    const full = { ...entry, seq: this.entries.length } as TrafficEntry;
    if (full.kind === "http") this.probe?.http(full);
    this.push(full);
    return full;
  }

  /** A note of MCP Lens's own: `code` says what kind (views decide by it), `message` says it to people. */
  event(code: EventCode, level: "info" | "warn" | "error", message: string): void {
    this.append({ kind: "event", ts: this.now(), level, source: eventSource(code), code, message });
  }

  /**
   * The connection this log records ended: a marked boundary. Requests still unanswered are marked
   * lost there (views stop calling them pending), and pairing starts afresh for the next session,
   * whose ids start over.
   */
  sessionEnded(
    code: "connection-lost" | "connection-closed",
    level: "warn" | "error",
    message: string,
    reason: string,
  ): void {
    const entry = this.append({
      kind: "event",
      ts: this.now(),
      level,
      source: eventSource(code),
      code,
      message,
      mark: { type: "session-ended", reason },
    });
    for (const request of this.pending.values()) request.lostSeq ??= entry.seq;
    this.resetPairing();
  }

  /** A new session begins in the same log (a reconnect): a marked boundary; handshake views read from here. */
  sessionStarted(message: string, reason: string): void {
    const entry = this.append({
      kind: "event",
      ts: this.now(),
      level: "info",
      source: "session",
      code: "session-started",
      message,
      mark: { type: "session-started", reason },
    });
    for (const request of this.pending.values()) request.lostSeq ??= entry.seq;
    this.resetPairing();
  }

  private resetPairing(): void {
    this.pending.clear();
    this.answered.clear();
    this.requests = new RequestWatch();
    this.probe = undefined;
  }

  /**
   * Change entries already recorded (an error found to be the expected answer of a spot-check probe)
   * and tell the views, which recount instead of only reading what was appended.
   */
  amend(change: (entries: readonly TrafficEntry[]) => boolean): void {
    if (!change(this.entries)) return;
    this.amendments++;
    this.version++;
    this.schedule();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  frames(): FrameEntry[] {
    return this.entries.filter((e): e is FrameEntry => e.kind === "frame");
  }

  private push(entry: TrafficEntry): void {
    this.entries.push(entry);
    this.version++;
    this.schedule();
  }

  private schedule(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const schedule = this.options.schedule ?? queueMicrotask;
    schedule(() => {
      this.flushScheduled = false;
      for (const listener of this.listeners) listener();
    });
  }

  private pair(entry: FrameEntry, rpc: RpcInfo): void {
    const items = rpc.type === "batch" ? rpc.items : [rpc];
    const lane = laneOf(entry.channel);
    for (const item of items) {
      if (item.type === "request") {
        const key = pairKey(entry.direction, item.id, lane);
        if (this.pending.has(key))
          entry.problem = `duplicate request id ${JSON.stringify(item.id)} while an earlier one is unanswered`;
        this.pending.set(key, entry);
        this.answered.delete(key);
      } else if (item.type === "result" || (item.type === "error" && item.id !== null)) {
        const id = item.id as RequestId;
        const key = pairKey(entry.direction === "incoming" ? "outgoing" : "incoming", id, lane);
        const request = this.pending.get(key);
        if (request) {
          this.pending.delete(key);
          this.answered.add(key);
          request.pairedSeq = entry.seq;
          entry.pairedSeq = request.seq;
          entry.latencyMs = entry.ts - request.ts;
          if (request.rpc.type === "request" && request.rpc.subject !== undefined) entry.subject = request.rpc.subject;
        } else {
          entry.problem = this.answered.has(key)
            ? `a second response to request id ${JSON.stringify(id)}`
            : `a response to no request (id ${JSON.stringify(id)})`;
        }
      }
    }
  }
}

/** Requests pair within their lane: the server's wire, or one app view's postMessage channel. */
function laneOf(channel: FrameEntry["channel"]): string {
  return channel.transport === "app" ? `app:${channel.view}:` : "";
}

function pairKey(requestDirection: Direction, id: RequestId, lane = ""): string {
  return `${lane}${requestDirection}:${typeof id}:${id}`;
}

/**
 * Classify a frame too big to parse (or cut by its capture point) from its head and tail: writers
 * put `id` first (most) or last (SDK 1.x writes `result` first), so both ends are looked at.
 */
function classifyTruncated(raw: string): RpcInfo {
  const head = raw.slice(0, 4096);
  const tail = raw.length > 4096 ? raw.slice(-4096) : "";
  const method = /"method"\s*:\s*"([^"]{1,200})"/.exec(head)?.[1];
  // A top-level id sits before any nested object (after "jsonrpc" / "method") or closes the message.
  const value = String.raw`("(?:[^"\\]|\\.){0,200}"|-?\d+)`;
  const id =
    new RegExp(String.raw`^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"[^"]{0,200}"\s*,)*\s*"id"\s*:\s*${value}`).exec(
      head,
    )?.[1] ?? new RegExp(String.raw`"id"\s*:\s*${value}\s*\}\s*$`).exec(tail)?.[1];
  const parsedId: RequestId | undefined =
    id === undefined ? undefined : id.startsWith('"') ? (JSON.parse(id) as string) : Number(id);
  if (method && parsedId !== undefined) return { type: "request", id: parsedId, method };
  if (method) return { type: "notification", method };
  if (parsedId !== undefined && /"result"\s*:/.test(head)) return { type: "result", id: parsedId };
  return { type: "not-jsonrpc", reason: "frame too large to inspect" };
}

/**
 * The first `limit` characters as a string of their own: a plain `slice` of a huge string may share
 * (and so keep alive) the whole original in V8; copying through UTF-8 does not.
 */
function detachedHead(raw: string, limit: number): string {
  return new TextDecoder().decode(new TextEncoder().encode(raw.slice(0, limit)));
}
