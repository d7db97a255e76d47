/**
 * A sequence-diagram model of a traffic log: one item per entry, on three lanes (the client in the
 * page, the bridge that runs stdio servers and relays HTTP, the server), and a fourth on the left
 * once the log holds an MCP App view's postMessage traffic (the view in its sandboxed frame, whose
 * host is the client). Built incrementally: each update reads only the entries appended since the last one.
 */
import { rpcLabel } from "../traffic";
import type { Channel, FrameEntry, RpcInfo, TrafficEntry } from "../traffic";
import { sseLabel } from "../traffic";
import { formatId, urlPath } from "../traffic";
import { isEventStream, isJsonType } from "../base";

export type Lane = "view" | "client" | "bridge" | "server";

export interface LaneInfo {
  id: Lane;
  title: string;
}

/** The lanes of a log without MCP App traffic. */
export const LANES: readonly LaneInfo[] = [
  { id: "client", title: "Client (MCP Lens, in the page)" },
  { id: "bridge", title: "Bridge (inspector server)" },
  { id: "server", title: "Server" },
];

/** Every MCP App view of the log shares this lane; the view's id is in each item's `via`. */
export const VIEW_LANE: LaneInfo = { id: "view", title: "MCP App view (sandboxed frame)" };

/** The lanes once a view has spoken: the view left of the client, its host. */
export const APP_LANES: readonly LaneInfo[] = [VIEW_LANE, ...LANES];

export type SequenceKind =
  | "request"
  | "response"
  | "error"
  | "notification"
  | "server-request"
  | "invalid"
  | "http"
  | "stderr"
  | "event"
  | "expected";

export interface SequenceItem {
  seq: number;
  from: Lane;
  to: Lane;
  label: string;
  kind: SequenceKind;
  /** The other half of a request/response pair. */
  pairedSeq?: number;
  /** ms since the first entry of the log. */
  t: number;
  /** What carried it: "stdio", "in-memory", the HTTP exchange ("SSE on POST #4"), "stderr". */
  via?: string;
  latencyMs?: number;
  /** The bracket column a request opens or its response closes. */
  bracket?: { column: number; end: "start" | "end" };
  /** Bit i set: the bracket in column i passes through this row (a request still unanswered here). */
  through: number;
}

/** Brackets drawn side by side at most; requests beyond that many in flight get none. */
export const MAX_BRACKETS = 6;

export interface SequenceState {
  /** items[i] is the item of entries[i]. */
  readonly items: SequenceItem[];
  /** Positions of the frames: the rows shown when transport details are hidden. */
  readonly frames: number[];
  t0: number;
  /** HTTP method of each exchange seen. */
  readonly exchanges: Map<number, string>;
  /** Open bracket column of each request seq still unanswered. */
  readonly open: Map<number, number>;
  mask: number;
  /** The lanes drawn, left to right: LANES, or APP_LANES from the first item on the view's lane. */
  lanes: readonly LaneInfo[];
}

export function emptySequence(): SequenceState {
  return { items: [], frames: [], t0: 0, exchanges: new Map(), open: new Map(), mask: 0, lanes: LANES };
}

/** Add the items of `entries` from `state.items.length` on. Mutates and returns `state` (never earlier items' meaning). */
export function extendSequence(state: SequenceState, entries: readonly TrafficEntry[]): SequenceState {
  for (let i = state.items.length; i < entries.length; i++) {
    const entry = entries[i]!;
    if (i === 0) state.t0 = entry.ts;
    const item = entry.kind === "frame" ? frameItem(entry, entries, state) : otherItem(entry, state);
    state.items.push(item);
    if (entry.kind === "frame") state.frames.push(i);
    if ((item.from === "view" || item.to === "view") && state.lanes !== APP_LANES) state.lanes = APP_LANES;
  }
  return state;
}

export function buildSequence(entries: readonly TrafficEntry[]): SequenceState {
  return extendSequence(emptySequence(), entries);
}

/** The model of an append-only log, kept across renders; starts over when given another log. */
export class SequenceBuilder {
  private entries: readonly TrafficEntry[] | null = null;
  private state = emptySequence();

  update(entries: readonly TrafficEntry[]): SequenceState {
    if (entries !== this.entries || entries.length < this.state.items.length) {
      this.entries = entries;
      this.state = emptySequence();
    }
    return extendSequence(this.state, entries);
  }
}

function frameItem(e: FrameEntry, entries: readonly TrafficEntry[], state: SequenceState): SequenceItem {
  const outgoing = e.direction === "outgoing";
  // An MCP App view's postMessage goes between the view and its host (the client): it never reaches the server.
  const far: Lane = e.channel.transport === "app" ? "view" : "server";
  const item: SequenceItem = {
    seq: e.seq,
    from: outgoing ? "client" : far,
    to: outgoing ? far : "client",
    label: frameLabel(e, entries),
    // An expected refusal (the version probe's, a spot check's right answer) is drawn neutral, not as an error.
    // Either side of a view may ask: a host's request to its view is drawn as a request, not as a server's.
    kind:
      (e.negotiation || e.expected) && e.rpc.type === "error"
        ? "expected"
        : frameKind(e.rpc, outgoing || far === "view"),
    t: e.ts - state.t0,
    via: withAsker(carrier(e.channel, state.exchanges), asker(e, entries)),
    through: state.mask,
    ...(e.pairedSeq !== undefined && { pairedSeq: e.pairedSeq }),
    ...(e.latencyMs !== undefined && { latencyMs: e.latencyMs }),
  };
  if (e.rpc.type === "request") {
    const column = freeColumn(state.mask);
    if (column >= 0) {
      state.open.set(e.seq, column);
      state.mask |= 1 << column;
      item.bracket = { column, end: "start" };
    }
  } else if ((e.rpc.type === "result" || e.rpc.type === "error") && e.pairedSeq !== undefined) {
    const request = state.items[e.pairedSeq];
    if (request && request.pairedSeq === undefined) state.items[e.pairedSeq] = { ...request, pairedSeq: e.seq };
    const column = state.open.get(e.pairedSeq);
    if (column !== undefined) {
      state.open.delete(e.pairedSeq);
      state.mask &= ~(1 << column);
      item.through = state.mask;
      item.bracket = { column, end: "end" };
    }
  }
  return item;
}

function freeColumn(mask: number): number {
  for (let c = 0; c < MAX_BRACKETS; c++) if (!(mask & (1 << c))) return c;
  return -1;
}

const KIND_ORDER: SequenceKind[] = ["invalid", "error", "server-request", "request", "response", "notification"];

function frameKind(rpc: RpcInfo, outgoing: boolean): SequenceKind {
  switch (rpc.type) {
    case "request":
      return outgoing ? "request" : "server-request";
    case "notification":
      return "notification";
    case "result":
      return "response";
    case "error":
      return "error";
    case "batch": {
      const kinds = new Set(rpc.items.map((r) => frameKind(r, outgoing)));
      return KIND_ORDER.find((k) => kinds.has(k)) ?? "invalid";
    }
    case "invalid-json":
    case "not-jsonrpc":
      return "invalid";
  }
}

/** A method with what it is about, as rows show it: `tools/call echo`. */
const named = (method: string, subject: string | undefined) =>
  subject === undefined ? method : `${method} ${subject}`;

function frameLabel(e: FrameEntry, entries: readonly TrafficEntry[]): string {
  const { rpc } = e;
  switch (rpc.type) {
    case "request":
      return `${named(rpc.method, rpc.subject)} id ${formatId(rpc.id)}`;
    case "notification":
      return named(rpc.method, rpc.subject);
    case "result":
    case "error": {
      const request = e.pairedSeq === undefined ? undefined : entries[e.pairedSeq];
      const method =
        request?.kind === "frame" && request.rpc.type === "request"
          ? `${named(request.rpc.method, request.rpc.subject)} `
          : "";
      return `${rpc.type === "error" ? `${rpc.code} ` : ""}${method}id ${formatId(rpc.id)}`;
    }
    case "batch": {
      const names = rpc.items.slice(0, 3).map(rpcLabel).join(", ");
      return `batch of ${rpc.items.length}: ${names}${rpc.items.length > 3 ? ", …" : ""}`;
    }
    case "invalid-json":
    case "not-jsonrpc":
      return rpcLabel(rpc);
  }
}

/** The MCP App view a server request was sent for (on its response: that of its request). */
function asker(e: FrameEntry, entries: readonly TrafficEntry[]): string | undefined {
  if (e.from !== undefined || e.pairedSeq === undefined || e.rpc.type === "request") return e.from;
  const request = entries[e.pairedSeq];
  return request?.kind === "frame" ? request.from : undefined;
}

const withAsker = (via: string, view: string | undefined) =>
  view === undefined ? via : `${via}, for app view ${view}`;

function carrier(channel: Channel, exchanges: ReadonlyMap<number, string>): string {
  if (channel.transport === "app") return `postMessage, app view ${channel.view}`;
  if (channel.transport !== "http") return channel.transport === "stdio" ? "stdio" : "in-memory";
  const method = exchanges.get(channel.exchange) ?? "POST";
  const x = `#${channel.exchange}`;
  switch (channel.stream) {
    case "request-body":
      return `${method} body ${x}`;
    case "json-body":
      return `JSON response to ${method} ${x}`;
    case "sse":
      return method === "GET" ? `SSE on GET stream ${x}` : `SSE on ${method} ${x}`;
  }
}

function otherItem(entry: Exclude<TrafficEntry, FrameEntry>, state: SequenceState): SequenceItem {
  const t = entry.ts - state.t0;
  const through = state.mask;
  switch (entry.kind) {
    case "http": {
      const path = urlPath(entry.url);
      const base = { seq: entry.seq, kind: "http" as const, t, through, via: `exchange #${entry.exchange}` };
      if (entry.phase === "request") {
        state.exchanges.set(entry.exchange, entry.method);
        return { ...base, from: "client", to: "server", label: `${entry.method} ${path}` };
      }
      if (entry.phase === "failed")
        return { ...base, from: "bridge", to: "client", label: `failed ${entry.method} ${path}` };
      const type = entry.headers["content-type"] ?? "";
      const body = isEventStream(type) ? " · SSE" : isJsonType(type) ? " · JSON" : "";
      return { ...base, from: "server", to: "client", label: `${entry.status ?? "?"} ${entry.method} ${path}${body}` };
    }
    case "stderr":
      return {
        seq: entry.seq,
        kind: "stderr",
        from: "server",
        to: "client",
        label: entry.line.slice(0, 300),
        t,
        through,
        via: "stderr",
      };
    case "sse":
      return {
        seq: entry.seq,
        kind: "event",
        from: "server",
        to: "client",
        label: `SSE ${sseLabel(entry)}${entry.id !== undefined ? ` id ${entry.id}` : ""}`,
        t,
        through,
        via: `SSE, exchange #${entry.exchange}`,
      };
    case "event": {
      // The lane follows the event's code and source; the message is only the label.
      const label = entry.message.slice(0, 300);
      if (entry.code === "sse-endpoint" || entry.code === "sse-note")
        return { seq: entry.seq, kind: "event", from: "server", to: "client", label, t, through, via: "SSE" };
      // What a view did wrong (a CSP violation, an error it threw, a flood) is a note on the view's lane.
      const lane: Lane = entry.code === "app-view-problem" ? "view" : entry.source === "bridge" ? "bridge" : "client";
      return { seq: entry.seq, kind: "event", from: lane, to: lane, label, t, through };
    }
  }
}

const KIND_WORD: Record<SequenceKind, string> = {
  request: "request",
  "server-request": "request",
  response: "response",
  error: "error",
  notification: "notification",
  invalid: "invalid frame",
  http: "HTTP",
  stderr: "stderr",
  event: "event",
  expected: "expected answer",
};

/** The accessible name of an arrow: "client to server: request tools/call id 3". */
export function describeItem(item: SequenceItem): string {
  const where = item.from === item.to ? `note on ${item.from}` : `${item.from} to ${item.to}`;
  return `${where}: ${KIND_WORD[item.kind]} ${item.label}`;
}

/** The text written on an arrow. */
export function arrowText(item: SequenceItem): string {
  return item.kind === "response" ? `result ${item.label}` : item.kind === "error" ? `error ${item.label}` : item.label;
}

/** The rows of the diagram: every item, or only the frames (positions into `items`). */
export interface SequenceView {
  count: number;
  /** null: all items; else the item positions shown, ascending. */
  indices: readonly number[] | null;
}

export function sequenceView(state: SequenceState, includeTransport: boolean): SequenceView {
  return includeTransport
    ? { count: state.items.length, indices: null }
    : { count: state.frames.length, indices: state.frames };
}

/** The item position shown at row `row`, or -1. */
export function rowSeq(view: SequenceView, row: number): number {
  if (row < 0 || row >= view.count) return -1;
  return view.indices ? view.indices[row]! : row;
}

/** The row showing `seq`, or the first row after it when the view hides it (the last row past the end); -1 when empty. */
export function nearestRow(view: SequenceView, seq: number): number {
  if (view.count === 0) return -1;
  if (!view.indices) return Math.min(Math.max(0, seq), view.count - 1);
  let lo = 0;
  let hi = view.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.indices[mid]! < seq) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, view.count - 1);
}
