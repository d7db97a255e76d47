import { rpcLabel } from "./classify";
import type { Channel, FrameEntry, HttpEntry, RequestId, RpcInfo, SseEntry, TrafficEntry } from "./entry";
import { sseLabel } from "./sse";
import { stripAnsi } from "./ansi";

import { formatBytes, formatMs } from "../base";

export { formatBytes, formatClock, formatMs } from "../base";

/** Frames above this many characters are shown cut until the user asks for all of it. */
export const RAW_VIEW_LIMIT = 200 * 1024;

/** The id a frame carries, when it carries one. */
export function rpcId(rpc: RpcInfo): RequestId | null | undefined {
  return rpc.type === "request" || rpc.type === "result" || rpc.type === "error" ? rpc.id : undefined;
}

export function formatId(id: RequestId | null): string {
  return typeof id === "string" ? JSON.stringify(id) : String(id);
}

export interface Flag {
  /** `info`: neutral (negotiation, allowed shapes). */
  level: "error" | "warn" | "info";
  text: string;
  detail?: string;
}

/** What is wrong with an entry, worst first; empty when nothing is. */
export function entryFlags(entry: TrafficEntry): Flag[] {
  const flags: Flag[] = [];
  if (entry.kind === "frame") {
    if (entry.negotiation) flags.push({ level: "info", text: "negotiation", detail: entry.negotiation });
    if (entry.expected) flags.push({ level: "info", text: "expected", detail: entry.expected });
    if (entry.rpc.type === "invalid-json")
      flags.push({ level: "error", text: "invalid JSON", detail: entry.rpc.reason });
    if (entry.rpc.type === "not-jsonrpc")
      flags.push({ level: "error", text: "not JSON-RPC", detail: entry.rpc.reason });
    if (entry.problem) flags.push({ level: "warn", text: "problem", detail: entry.problem });
    if (entry.truncated)
      flags.push({ level: "warn", text: "truncated", detail: `stored cut; original size ${formatBytes(entry.size)}` });
  } else if (entry.kind === "http") {
    if (entry.negotiation) flags.push({ level: "info", text: "negotiation", detail: entry.negotiation });
    else if (entry.expected) flags.push({ level: "info", text: "expected", detail: entry.expected });
    else if (entry.phase === "failed") flags.push({ level: "error", text: "failed", detail: entry.note });
    else if (entry.status !== undefined && entry.status >= 400 && !allowedStatus(entry))
      flags.push({ level: "error", text: `HTTP ${entry.status}` });
  } else if (entry.kind === "sse" && entry.problem) {
    flags.push({ level: "warn", text: "problem", detail: entry.problem });
  }
  return flags;
}

/** True for entries the header counts as errors. */
export function isError(entry: TrafficEntry): boolean {
  switch (entry.kind) {
    case "frame":
      return isExpected(entry) ? false : hasErrorRpc(entry.rpc) || entry.problem !== undefined;
    case "http":
      return (
        !isExpected(entry) &&
        (entry.phase === "failed" || (entry.status !== undefined && entry.status >= 400 && !allowedStatus(entry)))
      );
    case "event":
      return entry.level === "error";
    case "sse":
      return entry.problem !== undefined;
    case "stderr":
      return false;
  }
}

/** An error answer that was the expected one (the version probe's refusal, a spot check's right answer). */
export function isExpected(entry: FrameEntry | HttpEntry): boolean {
  return entry.negotiation !== undefined || entry.expected !== undefined;
}

/**
 * A 4xx the transport spec gives a server as a normal answer: 405 to the optional GET stream (the
 * server offers none) or to DELETE (it does not let clients end sessions). Not an error.
 */
export function allowedStatus(entry: HttpEntry): string | undefined {
  if (entry.status !== 405) return undefined;
  if (entry.method === "GET")
    return "405 to GET: the server offers no stream of its own (allowed; the client uses only POST)";
  if (entry.method === "DELETE") return "405 to DELETE: the server does not let clients end sessions (allowed)";
  return undefined;
}

function hasErrorRpc(rpc: RpcInfo): boolean {
  if (rpc.type === "batch") return rpc.items.some(hasErrorRpc);
  return rpc.type === "error" || rpc.type === "invalid-json" || rpc.type === "not-jsonrpc";
}

/** The path (and query) of a URL, or the text itself when it is not a URL. */
export function urlPath(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

export function channelLabel(channel: Channel): string {
  switch (channel.transport) {
    case "stdio":
      return "stdio";
    case "memory":
      return "in-memory";
    case "http":
      return `HTTP exchange #${channel.exchange}, ${channel.stream}`;
    case "app":
      return `MCP App view ${channel.view} (postMessage)`;
  }
}

/** A one-line summary, used as the row's accessible name: "incoming result id 0 12 ms". */
export function entrySummary(entry: TrafficEntry): string {
  switch (entry.kind) {
    case "frame":
      return frameSummary(entry);
    case "http":
      return httpSummary(entry);
    case "stderr":
      return `stderr ${stripAnsi(entry.line)}`;
    case "event":
      return `${entry.level} ${entry.message}`;
    case "sse":
      return sseSummary(entry);
  }
}

function sseSummary(entry: SseEntry): string {
  const parts = ["incoming SSE", sseLabel(entry)];
  if (entry.id !== undefined) parts.push(`id ${entry.id}`);
  if (entry.problem) parts.push("problem");
  return parts.join(" ");
}

/** What a frame is about: its own subject (`tools/call echo`), or on a response its request's. */
export function frameSubject(entry: FrameEntry): string | undefined {
  const { rpc } = entry;
  return rpc.type === "request" || rpc.type === "notification" ? rpc.subject : entry.subject;
}

function frameSummary(entry: FrameEntry): string {
  const { rpc } = entry;
  const parts: string[] = [entry.direction];
  const subject = frameSubject(entry);
  if (rpc.type === "request" || rpc.type === "notification") {
    parts.push(rpc.type, rpc.method);
    if (subject !== undefined) parts.push(subject);
  } else parts.push(rpcLabel(rpc));
  const id = rpcId(rpc);
  if (id !== undefined) parts.push(`id ${formatId(id)}`);
  if (subject !== undefined && rpc.type !== "request" && rpc.type !== "notification") parts.push(`for ${subject}`);
  if (entry.latencyMs !== undefined) parts.push(formatMs(entry.latencyMs));
  for (const flag of entryFlags(entry)) if (flag.text !== rpcLabel(rpc)) parts.push(flag.text);
  if (entry.channel.transport === "app") parts.push(`on app view ${entry.channel.view}`);
  if (entry.from !== undefined) parts.push(`asked by app view ${entry.from}`);
  return parts.join(" ");
}

function httpSummary(entry: HttpEntry): string {
  const parts = ["HTTP", entry.phase, entry.method];
  if (entry.status !== undefined) parts.push(String(entry.status));
  parts.push(urlPath(entry.url));
  if (entry.durationMs !== undefined) parts.push(formatMs(entry.durationMs));
  if (entry.note) parts.push(entry.note);
  return parts.join(" ");
}

/** Case-insensitive substring matcher for the filter box; null when the query is blank. */
export function makeMatcher(query: string): ((entry: TrafficEntry) => boolean) | null {
  const q = query.trim();
  if (!q) return null;
  const re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
  return (entry) => {
    switch (entry.kind) {
      case "frame":
        return re.test(rpcLabel(entry.rpc)) || re.test(entry.raw);
      case "http":
        return re.test(httpSummary(entry)) || Object.entries(entry.headers).some(([k, v]) => re.test(k) || re.test(v));
      case "stderr":
        return re.test(entry.line) || re.test("stderr");
      case "event":
        return re.test(entry.message) || re.test(entry.level);
      case "sse":
        return re.test(sseSummary(entry)) || (entry.data !== undefined && re.test(entry.data));
    }
  };
}

/** Which entries a view shows: all of them (`indices` null) or the matching seqs, ascending. */
export interface ViewSnapshot {
  query: string;
  count: number;
  indices: readonly number[] | null;
}

export function seqAt(view: ViewSnapshot, position: number): number {
  return view.indices ? (view.indices[position] ?? -1) : position;
}

/** The row position of a seq in the view, or -1 when the view hides it. */
export function positionOf(view: ViewSnapshot, seq: number): number {
  if (!view.indices) return seq >= 0 && seq < view.count ? seq : -1;
  let lo = 0;
  let hi = view.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = view.indices[mid]!;
    if (v === seq) return mid;
    if (v < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The filtered view of an append-only log, extended incrementally: each update scans only the
 * entries appended since the last one, unless the query or the log changed.
 */
export class TrafficFilter {
  /** `compile` turns the query into a predicate (null: show all); free text by default, the query language in the app. */
  constructor(private readonly compile: (query: string) => ((entry: TrafficEntry) => boolean) | null = makeMatcher) {}

  private entries: readonly TrafficEntry[] | null = null;
  private amendments = 0;
  private query = "";
  private matcher: ((entry: TrafficEntry) => boolean) | null = null;
  private indices: number[] = [];
  private scanned = 0;

  /** `amendments`: the log's count of in-place changes; a new count means a fresh scan. */
  update(entries: readonly TrafficEntry[], query: string, amendments = 0): ViewSnapshot {
    if (
      entries !== this.entries ||
      query !== this.query ||
      entries.length < this.scanned ||
      amendments !== this.amendments
    ) {
      this.entries = entries;
      this.amendments = amendments;
      this.query = query;
      this.matcher = this.compile(query);
      this.indices = [];
      this.scanned = 0;
    }
    const matcher = this.matcher;
    if (!matcher) {
      this.scanned = entries.length;
      return { query, count: entries.length, indices: null };
    }
    for (let i = this.scanned; i < entries.length; i++) if (matcher(entries[i]!)) this.indices.push(i);
    this.scanned = entries.length;
    return { query, count: this.indices.length, indices: this.indices };
  }
}

export interface TrafficCounts {
  total: number;
  messages: number;
  errors: number;
}

/** Running counts of an append-only log, extended incrementally like TrafficFilter. */
export class TrafficStats {
  private entries: readonly TrafficEntry[] | null = null;
  private amendments = 0;
  private counts: TrafficCounts = { total: 0, messages: 0, errors: 0 };

  update(entries: readonly TrafficEntry[], amendments = 0): TrafficCounts {
    if (entries !== this.entries || entries.length < this.counts.total || amendments !== this.amendments) {
      this.entries = entries;
      this.amendments = amendments;
      this.counts = { total: 0, messages: 0, errors: 0 };
    }
    let { messages, errors } = this.counts;
    for (let i = this.counts.total; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.kind === "frame") messages++;
      if (isError(entry)) errors++;
    }
    this.counts = { total: entries.length, messages, errors };
    return this.counts;
  }
}

/** Pretty-printed JSON when `raw` parses, else the text verbatim. */
export function prettyFrame(raw: string): { text: string; json: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(raw), null, 2), json: true };
  } catch {
    return { text: raw, json: false };
  }
}

/** The other HTTP entries of an exchange, found by a bounded scan around `seq` (exchanges are short). */
export function exchangeEntries(
  entries: readonly TrafficEntry[],
  seq: number,
  exchange: number,
  window = 2000,
): HttpEntry[] {
  const found: HttpEntry[] = [];
  const from = Math.max(0, seq - window);
  const to = Math.min(entries.length, seq + window + 1);
  for (let i = from; i < to; i++) {
    const e = entries[i]!;
    if (e.kind === "http" && e.exchange === exchange) found.push(e);
  }
  return found;
}
