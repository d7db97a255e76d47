"use client";
import type { LoggingLevel } from "@modelcontextprotocol/client";
import { useDeferredValue, useMemo, useState } from "react";
import { filterLog, LOG_LEVELS, loggerNames, type LogEntry, type ServerFeatures } from "@/lib/features";
import type { InspectorSession } from "@/lib/session";
import { useStore } from "../hooks/useStore";
import { ALERT, BUTTON, NOTE } from "./ui";
import { errorMessage, formatClock } from "@/lib/base";

/** At most this many entries are rendered (the newest); the filters narrow the rest. */
const SHOWN_LIMIT = 500;
const ALL = "";

const LEVEL_STYLE: Record<string, string> = {
  debug: "text-slate-600 dark:text-slate-400",
  info: "text-sky-700 dark:text-sky-300",
  notice: "text-teal-700 dark:text-teal-300",
  warning: "text-amber-700 dark:text-amber-300",
  error: "text-red-700 dark:text-red-300",
  critical: "text-red-800 font-semibold dark:text-red-200",
  alert: "text-fuchsia-800 font-semibold dark:text-fuchsia-200",
  emergency: "text-fuchsia-900 font-bold dark:text-fuchsia-100",
};

/** The Logs tab: the level asked of the server, filters, and the server's log messages as text. */
export function LogsView({ session }: { session: InspectorSession }) {
  const features = session.features;
  const log = useStore(features.logging.store);
  const connected = useStore(session.store).status === "connected";
  const [minLevel, setMinLevel] = useState<LoggingLevel | typeof ALL>(ALL);
  const [logger, setLogger] = useState<string>(ALL);
  const [text, setText] = useState("");
  const deferredText = useDeferredValue(text);
  const loggers = useMemo(() => loggerNames(log.entries), [log.entries]);
  const filtered = useMemo(
    () =>
      filterLog(log.entries, {
        ...(minLevel && { minLevel }),
        ...(logger && { logger }),
        ...(deferredText && { text: deferredText }),
      }),
    [log.entries, minLevel, logger, deferredText],
  );
  const shown = filtered.length > SHOWN_LIMIT ? filtered.slice(filtered.length - SHOWN_LIMIT) : filtered;
  return (
    <section aria-label="Server log" className="flex h-full min-h-0 flex-col text-sm">
      <div className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-4 py-2 dark:border-slate-800">
        <LevelSelector features={features} connected={connected} />
        <label className="flex flex-col gap-0.5 text-xs">
          <span className="font-medium text-slate-700 dark:text-slate-300">Show level</span>
          <select
            aria-label="Show level"
            value={minLevel}
            onChange={(e) => setMinLevel(e.target.value as LoggingLevel | "")}
            className="input"
          >
            <option value={ALL}>all levels</option>
            {LOG_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} and above
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5 text-xs">
          <span className="font-medium text-slate-700 dark:text-slate-300">Logger</span>
          <select
            aria-label="Logger"
            value={logger}
            onChange={(e) => setLogger(e.target.value)}
            className="input max-w-48"
          >
            <option value={ALL}>all loggers</option>
            {loggers.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5 text-xs">
          <span className="font-medium text-slate-700 dark:text-slate-300">Search</span>
          <input
            aria-label="Search log"
            placeholder="text in data or logger"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="input w-48"
          />
        </label>
        <button type="button" onClick={() => features.logging.clear()} className={BUTTON}>
          Clear log
        </button>
        <span className={`ml-auto ${NOTE}`} role="status" aria-label="Log count">
          {filtered.length} of {log.entries.length} shown{log.dropped > 0 ? ` · ${log.dropped} oldest dropped` : ""}
          {filtered.length > SHOWN_LIMIT ? ` · only the newest ${SHOWN_LIMIT} rendered` : ""}
        </span>
      </div>
      {log.entries.length === 0 ? (
        <p className={`p-4 ${NOTE}`}>
          No log messages yet.{" "}
          {log.levelMode === "per-request" && !log.level
            ? "In this protocol era the server sends logs only for requests that carry a level: choose one."
            : ""}
        </p>
      ) : (
        <ol aria-label="Log entries" className="min-h-0 flex-1 overflow-auto">
          {shown.map((e) => (
            <LogRow key={e.seq} entry={e} />
          ))}
        </ol>
      )}
    </section>
  );
}

function LogRow({ entry }: { entry: LogEntry }) {
  const time = new Date(entry.receivedAt);
  return (
    <li
      aria-label={`${entry.level} log entry`}
      className="flex gap-3 border-b border-slate-100 px-4 py-1 dark:border-slate-800"
    >
      <time dateTime={time.toISOString()} className="mono shrink-0 text-xs text-slate-600 dark:text-slate-400">
        {formatClock(time.getTime())}
      </time>
      <span
        className={`mono w-20 shrink-0 text-xs ${LEVEL_STYLE[entry.level] ?? "text-slate-700"}`}
        data-testid="log-level"
      >
        {entry.level}
      </span>
      <span className="mono w-32 shrink-0 truncate text-xs text-slate-600 dark:text-slate-400" title={entry.logger}>
        {entry.logger ?? "—"}
      </span>
      <pre className="mono min-w-0 flex-1 text-xs break-words whitespace-pre-wrap text-slate-800 dark:text-slate-200">
        {entry.pretty}
      </pre>
    </li>
  );
}

function LevelSelector({ features, connected }: { features: ServerFeatures; connected: boolean }) {
  const log = useStore(features.logging.store);
  const [error, setError] = useState<string>();
  const modern = log.levelMode === "per-request";
  const change = (value: string) => {
    setError(undefined);
    features.logging
      .setLevel(value === "" ? undefined : (value as LoggingLevel))
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <div className="flex flex-col gap-0.5 text-xs">
      <label className="flex flex-col gap-0.5">
        <span className="font-medium text-slate-700 dark:text-slate-300">Server log level</span>
        <select
          aria-label="Server log level"
          value={log.level ?? ""}
          disabled={!connected || log.levelStatus === "sending"}
          onChange={(e) => change(e.target.value)}
          className="input"
        >
          <option value="" disabled={!modern}>
            {modern ? "none (no logs)" : "not set"}
          </option>
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <span className={NOTE} role="status" aria-label="Log level status">
        {modern ? "sent in each request's _meta" : "logging/setLevel"}: {log.levelStatus}
      </span>
      {(error || log.levelError) && (
        <span role="alert" className={ALERT}>
          {error ?? log.levelError?.message}
        </span>
      )}
    </div>
  );
}

/** The Logs tab's count badge. */
export function LogCount({ features }: { features: ServerFeatures }) {
  const count = useStore(features.logging.store).entries.length;
  return (
    <span className="ml-1.5 rounded-full bg-slate-200 px-1.5 text-xs dark:bg-slate-800" data-testid="count-logs">
      {count}
    </span>
  );
}
