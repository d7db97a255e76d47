/**
 * One raw 2026-07-28 exchange for the session checks of ./modern*.ts: the text is sent as written
 * (a `_meta` left out or changed on purpose, which `ask` cannot do: it adds the session's own), and
 * the answer is read back from the traffic log whole, `error.data` included, with the HTTP status
 * and the other frames that came on the same exchange (a listen stream's notifications).
 */
import { isRecord } from "../base";
import type { FrameEntry, HttpEntry, TrafficLog } from "../traffic";
import type { SessionProbeContext } from "./sessionProbes";

export const META = {
  version: "io.modelcontextprotocol/protocolVersion",
  capabilities: "io.modelcontextprotocol/clientCapabilities",
  clientInfo: "io.modelcontextprotocol/clientInfo",
  serverInfo: "io.modelcontextprotocol/serverInfo",
  subscriptionId: "io.modelcontextprotocol/subscriptionId",
} as const;

export interface Exchanged {
  /** The answer frame (matched by id), parsed; undefined when none came in time. */
  answer?: { id: unknown; result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } };
  answerFrame?: FrameEntry;
  requestSeq?: number;
  /** Over Streamable HTTP: the status of the POST that carried the request. */
  status?: number;
  /** Incoming frames after the request: those of its exchange over HTTP, all of them over stdio. */
  frames: FrameEntry[];
  /** The same exchange read again from the log (for frames that came later). */
  again(): Exchanged;
}

let sent = 0;
/** A request id no other check uses. */
export const checkId = (name: string) => `lens-check-${name}-${++sent}`;

/** The session's `_meta` with some keys changed (undefined removes one). */
export function metaWith(ctx: SessionProbeContext, changes: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = { ...((ctx.meta._meta as Record<string, unknown> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete meta[key];
    else meta[key] = value;
  }
  return meta;
}

const parse = (raw: string): Record<string, unknown> | undefined => {
  try {
    const v: unknown = JSON.parse(raw);
    return isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
};

/** The parsed JSON of an incoming frame (undefined for anything that is not one JSON object). */
export const frameJson = (frame: FrameEntry) => parse(frame.raw);

/**
 * Sends `message` (its `id` decides which answer is its) and waits until `done` says the frames so
 * far are enough (by default: the answer arrived), or `waitMs` passes.
 */
export async function exchange(
  ctx: SessionProbeContext,
  message: { id: string; method: string; params?: Record<string, unknown> },
  options: { waitMs?: number; done?: (x: Exchanged) => boolean } = {},
): Promise<Exchanged> {
  const log = ctx.log;
  const from = log.entries.length;
  const waitMs = options.waitMs ?? ctx.timeoutMs;
  const read = () => collect(log, from, message.id);
  const done = options.done ?? ((x: Exchanged) => x.answer !== undefined);
  let sendError: unknown;
  const sending = ctx
    .sendRaw(JSON.stringify({ jsonrpc: "2.0", ...message }))
    .catch((e: unknown) => void (sendError = e));
  await new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const unsubscribe = log.subscribe(() => {
      if (done(read())) finish();
    });
    const timer = setTimeout(finish, waitMs);
    if (done(read())) finish();
  });
  await Promise.race([sending, new Promise((r) => setTimeout(r, 50))]);
  if (sendError !== undefined && read().requestSeq === undefined) throw sendError;
  return read();
}

function collect(log: TrafficLog, from: number, id: string): Exchanged {
  const out: Exchanged = { frames: [], again: () => collect(log, from, id) };
  let exchangeNo: number | undefined;
  for (let i = from; i < log.entries.length; i++) {
    const e = log.entries[i]!;
    if (e.kind === "http" && e.phase === "response" && e.exchange === exchangeNo) out.status = (e as HttpEntry).status;
    if (e.kind !== "frame") continue;
    if (e.direction === "outgoing") {
      if (out.requestSeq === undefined && e.rpc.type === "request" && e.rpc.id === id) {
        out.requestSeq = e.seq;
        if (e.channel.transport === "http") exchangeNo = e.channel.exchange;
      }
      continue;
    }
    if (out.requestSeq === undefined) continue;
    if (exchangeNo !== undefined && (e.channel.transport !== "http" || e.channel.exchange !== exchangeNo)) continue;
    out.frames.push(e);
    // An error with id null may answer it too (a server that could not or did not read the id).
    const answers = (e.rpc.type === "result" || e.rpc.type === "error") && (e.rpc.id === id || e.rpc.id === null);
    if (!out.answerFrame && answers) {
      out.answerFrame = e;
      out.answer = frameJson(e) as Exchanged["answer"];
    }
  }
  return out;
}

/** An answer in a few words, for `observed`. */
export function describeExchanged(x: Exchanged): string {
  const status = x.status === undefined ? "" : ` (HTTP ${x.status})`;
  if (!x.answer) return `no answer${status}`;
  if (x.answer.error) {
    const { code, message } = x.answer.error;
    return `error ${String(code)} ${JSON.stringify(String(message ?? "")).slice(0, 120)}${status}`;
  }
  const text = JSON.stringify(x.answer.result) ?? "undefined";
  return `result ${text.length > 100 ? `${text.slice(0, 100)}…` : text}${status}`;
}

/** Where an outcome points in the log. */
export const seqs = (x: Exchanged) => ({ requestSeq: x.requestSeq, answerSeq: x.answerFrame?.seq });
