/** The traffic log's entries: a union keyed on `kind`. Every view derives from these. */

export type Direction = "outgoing" | "incoming";

export type RequestId = string | number;

/** What a raw frame turned out to be, decided after it was recorded. */
export type RpcInfo =
  | { type: "request"; id: RequestId; method: string }
  | { type: "notification"; method: string }
  | { type: "result"; id: RequestId }
  | { type: "error"; id: RequestId | null; code: number; message: string }
  | { type: "batch"; items: RpcInfo[] }
  | { type: "invalid-json"; reason: string }
  | { type: "not-jsonrpc"; reason: string };

/** Which wire channel carried a frame. */
export type Channel =
  | { transport: "stdio" }
  | { transport: "http"; exchange: number; stream: "request-body" | "json-body" | "sse" }
  | { transport: "memory" };

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
  /** The protocol problem with this frame, when there is one (a response to no request, a duplicate id…). */
  problem?: string;
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
  message: string;
}

export type TrafficEntry = FrameEntry | HttpEntry | StderrEntry | EventEntry;

/** An entry before the log numbers it. */
export type NewEntry =
  | Omit<FrameEntry, "seq" | "rpc" | "size" | "truncated" | "pairedSeq" | "latencyMs" | "problem">
  | Omit<HttpEntry, "seq">
  | Omit<StderrEntry, "seq">
  | Omit<EventEntry, "seq">;
