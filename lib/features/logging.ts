import type { Client, LoggingLevel } from "@modelcontextprotocol/client";
import { safeStringify } from "../results";
import { isRecord, Store } from "../base";
import { LensClient } from "./lensClient";
import { describeError, type RequestFailure } from "./request";

/** RFC 5424 severities, least severe first (the order `logging/setLevel` filters by). */
export const LOG_LEVELS: readonly LoggingLevel[] = [
  "debug",
  "info",
  "notice",
  "warning",
  "error",
  "critical",
  "alert",
  "emergency",
];

export interface LogEntry {
  seq: number;
  receivedAt: number;
  /** As sent; an unknown level is kept and ranks as -1. */
  level: string;
  severity: number;
  logger?: string;
  data: unknown;
  /** `data` pretty-printed (a string as is), cut at PRETTY_LIMIT characters. */
  pretty: string;
}

export interface LogState {
  entries: LogEntry[];
  /** Oldest entries dropped to stay under MAX_LOG_ENTRIES. */
  dropped: number;
  /**
   * The level asked of the server: sent with `logging/setLevel` (legacy era), or carried in every
   * request's `_meta` (2026-07-28; unset there means the server sends no log messages).
   */
  level?: LoggingLevel;
  levelMode: "setLevel" | "per-request";
  levelStatus: "unset" | "sending" | "set" | "error";
  levelError?: RequestFailure;
}

export const MAX_LOG_ENTRIES = 5000;
export const PRETTY_LIMIT = 64 * 1024;

export const emptyLog: LogState = { entries: [], dropped: 0, levelMode: "setLevel", levelStatus: "unset" };

// Named reducers.
export const logReceived = (s: LogState, e: LogEntry): LogState => logBatchReceived(s, [e]);
/** Several entries at once: one copy of the list per batch, not one per message. */
export const logBatchReceived = (s: LogState, batch: readonly LogEntry[]): LogState => {
  const all = s.entries.concat(batch);
  const entries = all.length > MAX_LOG_ENTRIES ? all.slice(all.length - MAX_LOG_ENTRIES) : all;
  return { ...s, entries, dropped: s.dropped + (all.length - entries.length) };
};
export const logCleared = (s: LogState): LogState => ({ ...s, entries: [], dropped: 0 });
export const levelRequested = (s: LogState, level: LoggingLevel | undefined): LogState => ({
  ...s,
  level,
  levelStatus: "sending",
  levelError: undefined,
});
export const levelApplied = (s: LogState, level: LoggingLevel | undefined): LogState => ({
  ...s,
  level,
  levelStatus: level ? "set" : "unset",
  levelError: undefined,
});
export const levelFailed = (s: LogState, error: RequestFailure): LogState => ({
  ...s,
  levelStatus: "error",
  levelError: error,
});
/** A new connection: the server knows no level yet (legacy), or the chosen one rides on requests (modern). */
export const logConnected = (s: LogState, era: "legacy" | "modern"): LogState =>
  era === "modern"
    ? { ...s, levelMode: "per-request", levelStatus: s.level ? "set" : "unset", levelError: undefined }
    : { ...s, levelMode: "setLevel", level: undefined, levelStatus: "unset", levelError: undefined };

export function severityOf(level: string): number {
  return LOG_LEVELS.indexOf(level as LoggingLevel);
}

/** Turn a `notifications/message` params object into an entry (defensively: it is server data). */
export function toLogEntry(params: unknown, seq: number, receivedAt: number): LogEntry {
  const p = isRecord(params) ? params : {};
  const level = typeof p.level === "string" ? p.level : "(none)";
  const data = p.data;
  let pretty = typeof data === "string" ? data : safeStringify(data);
  if (pretty.length > PRETTY_LIMIT) pretty = `${pretty.slice(0, PRETTY_LIMIT)}… (cut at ${PRETTY_LIMIT} characters)`;
  return {
    seq,
    receivedAt,
    level,
    severity: severityOf(level),
    ...(typeof p.logger === "string" && { logger: p.logger }),
    data,
    pretty,
  };
}

export interface LogFilter {
  /** Show this level and more severe ones. Entries with an unknown level always show. */
  minLevel?: LoggingLevel;
  logger?: string;
  /** Case-insensitive substring of the pretty data or logger. */
  text?: string;
}

export function filterLog(entries: readonly LogEntry[], filter: LogFilter): LogEntry[] {
  const min = filter.minLevel ? severityOf(filter.minLevel) : -1;
  const text = filter.text?.toLowerCase();
  return entries.filter(
    (e) =>
      (e.severity < 0 || e.severity >= min) &&
      (filter.logger === undefined || e.logger === filter.logger) &&
      (!text || e.pretty.toLowerCase().includes(text) || (e.logger?.toLowerCase().includes(text) ?? false)),
  );
}

/** Logger names seen, for a filter menu. */
export function loggerNames(entries: readonly LogEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.logger === undefined ? [] : [e.logger])))].sort();
}

/** The server's log messages for one session, and the level asked of the server. */
export class ServerLog {
  readonly store = new Store<LogState>(emptyLog);
  private seq = 0;
  /** Messages received since the last flush: a burst updates the store (and wakes its views) once. */
  private pending: LogEntry[] = [];
  private flushTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: { client(): Client | undefined; era(): "legacy" | "modern" | undefined },
    private readonly now: () => number = Date.now,
  ) {}

  received(params: unknown): void {
    this.pending.push(toLogEntry(params, ++this.seq, this.now()));
    this.flushTimer ??= setTimeout(() => this.flush(), 0);
  }

  /** Applies the messages received so far (a timer does it after each burst). */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.store.apply(logBatchReceived, batch);
  }

  clear(): void {
    this.flush();
    this.store.apply(logCleared, undefined);
  }

  /** Called on each new connection. */
  connected(client: Client, era: "legacy" | "modern"): void {
    this.flush();
    this.store.apply(logConnected, era);
    if (era === "modern" && client instanceof LensClient) client.requestLogLevel = this.store.get().level;
  }

  /**
   * Legacy era: send `logging/setLevel`. 2026-07-28: no request; from now on every request
   * carries the level in `_meta` (`undefined` turns logging off for later requests).
   */
  async setLevel(level: LoggingLevel | undefined): Promise<void> {
    const client = this.host.client();
    if (!client) throw new Error("Connect first: the log level is set on the live connection.");
    if (this.host.era() === "modern") {
      if (!(client instanceof LensClient)) throw new Error("This connection cannot carry a per-request log level.");
      client.requestLogLevel = level;
      this.store.apply(levelApplied, level);
      return;
    }
    if (level === undefined)
      throw new Error("In this protocol era the level can be changed but not removed (logging/setLevel).");
    this.store.apply(levelRequested, level);
    try {
      await client.setLoggingLevel(level);
      this.store.apply(levelApplied, level);
    } catch (error) {
      this.store.apply(levelFailed, describeError(error));
    }
  }
}
