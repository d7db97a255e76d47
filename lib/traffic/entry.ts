/** The traffic log's entries: a union keyed on `kind`. Every view derives from these. */
import type { EventCode, EventSource } from "./events";

export type { EventCode, EventSource } from "./events";

export type Direction = "outgoing" | "incoming";

export type RequestId = string | number;

/** What a raw frame turned out to be, decided after it was recorded. */
export type RpcInfo =
  /** `subject`: what the request is about, when its method names one (the tool, resource or prompt: see `subjectOf`). */
  | { type: "request"; id: RequestId; method: string; subject?: string }
  | { type: "notification"; method: string; subject?: string }
  | { type: "result"; id: RequestId }
  | { type: "error"; id: RequestId | null; code: number; message: string }
  | { type: "batch"; items: RpcInfo[] }
  | { type: "invalid-json"; reason: string }
  | { type: "not-jsonrpc"; reason: string };

/** Which wire channel carried a frame. */
export type Channel =
  | { transport: "stdio" }
  | {
      transport: "http";
      exchange: number;
      stream: "request-body" | "json-body" | "sse";
      /** On an SSE event: its `id:` (what a client resumes from with Last-Event-ID). */
      sseId?: string;
      /** On an SSE event whose data came in more than one `data:` line (allowed: the lines are joined with newlines). */
      dataLines?: number;
    }
  | { transport: "memory" }
  /**
   * The postMessage channel between an MCP App view and MCP Lens as its host (lib/apps): `outgoing`
   * is host → view, `incoming` view → host. Its ids pair apart from the server's.
   */
  | { transport: "app"; view: string };

export interface FrameEntry {
  kind: "frame";
  seq: number;
  ts: number;
  direction: Direction;
  raw: string;
  /** Size of `raw` in UTF-8 bytes. */
  size: number;
  /** True when `raw` was cut to the log's frame limit; `size` is the original size. */
  truncated: boolean;
  channel: Channel;
  rpc: RpcInfo;
  /** seq of the matching request or response, once known. */
  pairedSeq?: number;
  /** On a response: ms since its request. */
  latencyMs?: number;
  /** On a response: the subject of the request it answers (`tools/call echo` → `echo`). */
  subject?: string;
  /** On a request: seq of the notifications/cancelled that withdrew it. */
  cancelledSeq?: number;
  /** On a request: seq of the mark where its connection ended before it was answered. */
  lostSeq?: number;
  /** The protocol problem with this frame, when there is one (a response to no request, a duplicate id…). */
  problem?: string;
  /** Set on the version probe and its expected negative answer: negotiation, shown neutral, never an error. */
  negotiation?: string;
  /** Set on an error that was the right answer to a spot-check probe: shown neutral, never an error. */
  expected?: string;
  /** On a request to the server that an MCP App view asked for through the host: the view's id. */
  from?: string;
}

export interface HttpEntry {
  kind: "http";
  seq: number;
  ts: number;
  exchange: number;
  phase: "request" | "response" | "failed";
  method: string;
  url: string;
  status?: number;
  /** Headers that matter to MCP, secrets redacted. */
  headers: Record<string, string>;
  durationMs?: number;
  /** A short description of a body that was not MCP (an HTML page, a 404 text), or of a failure. */
  note?: string;
  /** Set on the HTTP answer to the version probe when it is the expected refusal of a legacy server. */
  negotiation?: string;
  /** Set on a 4xx that was the right answer to a spot-check probe. */
  expected?: string;
}

export interface StderrEntry {
  kind: "stderr";
  seq: number;
  ts: number;
  line: string;
}

export interface EventEntry {
  kind: "event";
  seq: number;
  ts: number;
  level: "info" | "warn" | "error";
  /** Who wrote it (always `EVENT_CODES[code]`). */
  source: EventSource;
  /** What kind of event it is: views decide by this, never by `message`. */
  code: EventCode;
  /** For people only: may be reworded at any time. */
  message: string;
  /** A boundary in a log that goes on across reconnects: where a session ended, or a new one began. */
  mark?: SessionMark;
}

export interface SessionMark {
  type: "session-ended" | "session-started";
  /** What ended it (the server exited, the session is unknown…) or started it (a reconnect). */
  reason: string;
}

/**
 * An SSE event that carries no message: what it is decides how it is shown (grey, explained), and
 * only `problem` makes it a flagged row.
 * - `priming`: an `id` with empty `data`, sent before a response so the client can resume from it (2025-11-25).
 * - `empty`: empty `data` and no id. `id-only`: an `id` and no `data` (sets the resume point, dispatches nothing).
 * - `retry`: a reconnection delay. `comment`: `: …` lines only (keep-alives). `endpoint`: the legacy HTTP+SSE POST URL.
 * - `ignored`: an event type other than `message` (the client ignores it), or fields the format does not define.
 */
export type SseShape = "priming" | "empty" | "id-only" | "retry" | "comment" | "endpoint" | "ignored";

export interface SseEntry {
  kind: "sse";
  seq: number;
  ts: number;
  exchange: number;
  shape: SseShape;
  id?: string;
  event?: string;
  /** The event's data when it is not a message (an endpoint URL, an ignored event), cut. */
  data?: string;
  retryMs?: number;
  comments?: string[];
  /** What is wrong with it, when something is (an invalid retry value, an unknown field, a message the client ignores). */
  problem?: string;
}

export type TrafficEntry = FrameEntry | HttpEntry | StderrEntry | EventEntry | SseEntry;

/** An entry before the log numbers it. */
export type NewEntry =
  | Omit<
      FrameEntry,
      | "seq"
      | "rpc"
      | "size"
      | "truncated"
      | "pairedSeq"
      | "latencyMs"
      | "cancelledSeq"
      | "lostSeq"
      | "problem"
      | "negotiation"
      | "expected"
    >
  | Omit<HttpEntry, "seq">
  | Omit<StderrEntry, "seq">
  | Omit<EventEntry, "seq">
  | Omit<SseEntry, "seq">;
