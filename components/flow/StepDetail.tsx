"use client";
import { useMemo } from "react";
import { explain } from "@/lib/inspect";
import type { SequenceItem } from "@/lib/inspect";
import type { TrafficEntry } from "@/lib/traffic";
import { RAW_VIEW_LIMIT, formatBytes, formatClock, formatMs, prettyFrame } from "@/lib/traffic";

export interface StepDetailProps {
  entry: TrafficEntry;
  item: SequenceItem;
  entries: readonly TrafficEntry[];
  protocolVersion?: string;
  onJump: (seq: number) => void;
}

/** One step: what the message is for (with the spec link), its place in the exchange, and the raw message. */
export function StepDetail({ entry, item, entries, protocolVersion, onJump }: StepDetailProps) {
  const { title, text, specUrl } = explain(entry, entries, protocolVersion);
  const isRequest = item.kind === "request" || item.kind === "server-request";
  return (
    <article aria-label="Current step" className="flex flex-col gap-2 text-sm">
      <h3 className="mono font-semibold break-words text-slate-800 dark:text-slate-100">{title}</h3>
      <p className="leading-relaxed text-slate-700 dark:text-slate-300">{text}</p>
      {specUrl && (
        <a
          href={specUrl}
          target="_blank"
          rel="noopener noreferrer"
          title={specUrl}
          className="self-start text-xs text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300"
        >
          Read the specification
        </a>
      )}
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600 dark:text-slate-400">
        <span>#{entry.seq}</span>
        <span>{formatClock(entry.ts)}</span>
        <span>
          {item.from === item.to ? `note on the ${item.from}` : `${item.from} → ${item.to}`}
          {item.via ? ` via ${item.via}` : ""}
        </span>
        {item.latencyMs !== undefined && <span>{formatMs(item.latencyMs)}</span>}
        {item.pairedSeq !== undefined && (
          <button
            type="button"
            onClick={() => onJump(item.pairedSeq!)}
            className="rounded border border-slate-300 px-1.5 text-indigo-700 hover:bg-slate-100 dark:border-slate-600 dark:text-indigo-300 dark:hover:bg-slate-800"
          >
            {isRequest ? "Show the response" : "Show the request"} (#{item.pairedSeq})
          </button>
        )}
      </p>
      <RawMessage entry={entry} />
    </article>
  );
}

function RawMessage({ entry }: { entry: TrafficEntry }) {
  const raw = useMemo(() => rawText(entry), [entry]);
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">{raw.caption}</figcaption>
      <pre
        tabIndex={0}
        aria-label={raw.caption}
        className="mono max-h-96 overflow-auto rounded border border-slate-200 bg-white p-2 text-xs whitespace-pre-wrap break-all text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      >
        {raw.text}
      </pre>
    </figure>
  );
}

function rawText(entry: TrafficEntry): { caption: string; text: string } {
  switch (entry.kind) {
    case "frame": {
      if (entry.raw.length > RAW_VIEW_LIMIT) {
        return {
          caption: `Raw message (first ${formatBytes(RAW_VIEW_LIMIT)} of ${formatBytes(entry.size)}, verbatim)`,
          text: `${entry.raw.slice(0, RAW_VIEW_LIMIT)}\n…`,
        };
      }
      const pretty = prettyFrame(entry.raw);
      return {
        caption: pretty.json ? "Raw message (pretty-printed)" : "Raw message (not JSON, verbatim)",
        text: pretty.text,
      };
    }
    case "http": {
      const { method, url, status, phase, headers, durationMs, note } = entry;
      return {
        caption: `HTTP ${phase}`,
        text: JSON.stringify({ method, url, status, headers, durationMs, note }, null, 2),
      };
    }
    case "stderr":
      return { caption: "stderr line", text: entry.line };
    case "event":
      return { caption: `${entry.level} note`, text: entry.message };
    case "sse": {
      const { shape, id, event, data, retryMs, comments, problem } = entry;
      return {
        caption: "SSE event (no message)",
        text: JSON.stringify({ shape, id, event, data, retryMs, comments, problem }, null, 2),
      };
    }
  }
}
