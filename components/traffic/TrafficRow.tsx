"use client";
import { SpokenAs } from "../common/SpokenAs";
import type { FrameValidator } from "@/lib/inspect";
import { useValidity } from "./useValidity";
import { ValidityBadge } from "./Validation";
import type { CSSProperties, ReactNode } from "react";
import { frameSubject, rpcLabel } from "@/lib/traffic";
import type { EventEntry, FrameEntry, HttpEntry, SseEntry, TrafficEntry } from "@/lib/traffic";
import { stripAnsi } from "@/lib/traffic";
import { sseLabel } from "@/lib/traffic";
import {
  allowedStatus,
  entryFlags,
  isExpected,
  entrySummary,
  formatBytes,
  formatClock,
  formatId,
  formatMs,
  rpcId,
  urlPath,
} from "@/lib/traffic";
import type { Flag } from "@/lib/traffic";

export interface TrafficRowProps {
  entry: TrafficEntry;
  id: string;
  /** 1-based position and the list's length, for assistive technology (the list is virtualized). */
  position: number;
  setSize: number;
  selected: boolean;
  tabbable: boolean;
  style: CSSProperties;
  onSelect: (seq: number) => void;
}

/** One traffic entry as a selectable option of the traffic listbox. */
export function TrafficRow({
  entry,
  id,
  position,
  setSize,
  selected,
  tabbable,
  style,
  onSelect,
  validator,
}: TrafficRowProps & { validator: FrameValidator }) {
  const validity = useValidity(validator, entry.seq, entry.kind === "frame");
  return (
    <div
      role="option"
      id={id}
      data-seq={entry.seq}
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      tabIndex={tabbable ? 0 : -1}
      style={style}
      onClick={() => onSelect(entry.seq)}
      className={`mono flex cursor-default items-center gap-2 border-b border-slate-100 px-2 text-xs whitespace-nowrap outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 dark:border-slate-800/60 ${
        selected ? "bg-indigo-100 dark:bg-indigo-900/50" : "hover:bg-slate-50 dark:hover:bg-slate-800/50"
      }`}
    >
      <SpokenAs name={validity === "invalid" ? `${entrySummary(entry)} schema-invalid` : entrySummary(entry)}>
        <span className="w-[84px] shrink-0 text-slate-600 tabular-nums dark:text-slate-400">
          {formatClock(entry.ts)}
        </span>
        <ValidityBadge status={validity} />
        <RowBody entry={entry} />
      </SpokenAs>
    </div>
  );
}

function RowBody({ entry }: { entry: TrafficEntry }) {
  switch (entry.kind) {
    case "frame":
      return <FrameCells entry={entry} />;
    case "http":
      return <HttpCells entry={entry} />;
    case "stderr":
      return (
        <>
          <Tag className="bg-slate-200 text-slate-600 dark:bg-slate-700 dark:text-slate-300">stderr</Tag>
          <span className="min-w-0 flex-1 truncate text-slate-600 dark:text-slate-400">{stripAnsi(entry.line)}</span>
        </>
      );
    case "event":
      if (entry.mark) return <BoundaryCells entry={entry} />;
      return (
        <>
          <Tag className={LEVEL_TAG[entry.level]}>{entry.level}</Tag>
          <span className={`min-w-0 flex-1 truncate ${LEVEL_TEXT[entry.level]}`}>{entry.message}</span>
        </>
      );
    case "sse":
      return <SseCells entry={entry} />;
  }
}

/** Where a session ended or a new one began, in a log that goes on across reconnects. */
function BoundaryCells({ entry }: { entry: EventEntry }) {
  const started = entry.mark?.type === "session-started";
  return (
    <>
      <span aria-hidden className={`h-px w-6 shrink-0 ${started ? "bg-indigo-400" : "bg-red-400"}`} />
      <Tag
        className={
          started ? "bg-indigo-100 text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-200" : LEVEL_TAG[entry.level]
        }
      >
        {started ? "new session" : "session ended"}
      </Tag>
      <span
        className={`min-w-0 flex-1 truncate ${started ? "text-indigo-700 dark:text-indigo-300" : LEVEL_TEXT[entry.level]}`}
      >
        {entry.message}
      </span>
      <span aria-hidden className={`h-px flex-1 ${started ? "bg-indigo-400" : "bg-red-400"}`} />
    </>
  );
}

/** An SSE event that carries no message: grey unless something about it is wrong. */
function SseCells({ entry }: { entry: SseEntry }) {
  return (
    <>
      <Arrow direction="incoming" />
      <Tag className="bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400">SSE</Tag>
      <span className="shrink-0 text-slate-600 italic dark:text-slate-400">{sseLabel(entry)}</span>
      {entry.id !== undefined && (
        <span className="shrink-0 truncate text-slate-600 dark:text-slate-400">id {entry.id}</span>
      )}
      {entry.data !== undefined && (
        <span className="min-w-0 flex-1 truncate text-slate-600 dark:text-slate-400">{entry.data}</span>
      )}
      <Flags flags={entryFlags(entry)} />
    </>
  );
}

function FrameCells({ entry }: { entry: FrameEntry }) {
  const id = rpcId(entry.rpc);
  const isResponse = entry.rpc.type === "result" || entry.rpc.type === "error";
  // A malformed frame has no method to show: its flag says what it is, a preview what it holds.
  const malformed = entry.rpc.type === "invalid-json" || entry.rpc.type === "not-jsonrpc";
  const subject = frameSubject(entry);
  return (
    <>
      <Arrow direction={entry.direction} />
      <span className="flex min-w-24 flex-1 items-center gap-1.5">
        {malformed ? (
          <>
            <Flags flags={entryFlags(entry)} />
            <span className="min-w-0 truncate text-slate-600 italic dark:text-slate-400">
              {entry.raw.slice(0, 160)}
            </span>
          </>
        ) : (
          <>
            <span
              className={`max-w-[60%] min-w-0 shrink-0 truncate font-medium ${labelColor(entry)}`}
              title={rpcLabel(entry.rpc)}
            >
              {rpcLabel(entry.rpc)}
            </span>
            {subject !== undefined && (
              // What the message is about (`tools/call echo`): on an answer, its request's.
              <span className="mono min-w-0 truncate text-slate-700 dark:text-slate-200" title={subject}>
                {subject}
              </span>
            )}
            <Flags flags={entryFlags(entry)} />
          </>
        )}
      </span>
      <span
        className="w-20 shrink-0 truncate text-slate-600 dark:text-slate-300"
        title={id === undefined ? undefined : `id ${formatId(id)}`}
      >
        {id === undefined ? "" : `id ${formatId(id)}`}
      </span>
      <span className="w-16 shrink-0 text-right text-slate-600 tabular-nums dark:text-slate-400">
        {formatBytes(entry.size)}
      </span>
      <span className="w-16 shrink-0 text-right text-slate-600 tabular-nums dark:text-slate-300">
        {isResponse && entry.latencyMs !== undefined ? formatMs(entry.latencyMs) : ""}
      </span>
      <span
        className="w-16 shrink-0 truncate text-slate-600 dark:text-slate-400"
        title={entry.pairedSeq === undefined ? undefined : `paired with #${entry.pairedSeq}`}
      >
        {entry.pairedSeq === undefined ? "" : `↔ #${entry.pairedSeq}`}
      </span>
    </>
  );
}

function HttpCells({ entry }: { entry: HttpEntry }) {
  const session = entry.headers["mcp-session-id"];
  const version = entry.headers["mcp-protocol-version"];
  const failed = entry.phase === "failed";
  return (
    <>
      {failed ? (
        <span role="img" aria-label="failed" className="w-4 shrink-0 text-center text-red-600 dark:text-red-400">
          ✕
        </span>
      ) : (
        <Arrow direction={entry.phase === "request" ? "outgoing" : "incoming"} />
      )}
      <Tag className="bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200">HTTP</Tag>
      <span className="shrink-0 font-medium text-slate-700 dark:text-slate-200">
        {entry.method}
        {entry.status !== undefined && (
          <span
            className={
              entry.status >= 400 && !allowedStatus(entry) && !isExpected(entry)
                ? " text-red-600 dark:text-red-400"
                : entry.status >= 400
                  ? " text-slate-600 dark:text-slate-400"
                  : " text-emerald-700 dark:text-emerald-400"
            }
          >
            {" "}
            {entry.status}
          </span>
        )}
      </span>
      <span className="max-w-64 shrink truncate text-slate-600 dark:text-slate-300" title={entry.url}>
        {urlPath(entry.url)}
      </span>
      {entry.durationMs !== undefined && (
        <span className="shrink-0 text-slate-600 dark:text-slate-400 tabular-nums">{formatMs(entry.durationMs)}</span>
      )}
      {session && (
        <span className="shrink-0 text-slate-600 dark:text-slate-400" title={`mcp-session-id: ${session}`}>
          sid {session.slice(0, 8)}…
        </span>
      )}
      {version && <span className="shrink-0 text-slate-600 dark:text-slate-400">v{version}</span>}
      {entry.note && <span className="min-w-0 flex-1 truncate text-amber-700 dark:text-amber-400">{entry.note}</span>}
      <Flags flags={entryFlags(entry).filter((f) => f.text !== "failed" || !entry.note)} />
    </>
  );
}

function Arrow({ direction }: { direction: "outgoing" | "incoming" }) {
  return direction === "outgoing" ? (
    <span role="img" aria-label="outgoing" className="w-4 shrink-0 text-center text-indigo-600 dark:text-indigo-400">
      →
    </span>
  ) : (
    <span role="img" aria-label="incoming" className="w-4 shrink-0 text-center text-emerald-600 dark:text-emerald-400">
      ←
    </span>
  );
}

function Flags({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return null;
  return (
    <span className="flex shrink-0 gap-1">
      {flags.map((f) => (
        <Tag key={f.text} title={f.detail} className={LEVEL_TAG[f.level]}>
          {f.text}
        </Tag>
      ))}
    </span>
  );
}

function Tag({ children, className, title }: { children: ReactNode; className: string; title?: string }) {
  return (
    <span title={title} className={`shrink-0 rounded px-1 text-[10px] leading-4 font-medium ${className}`}>
      {children}
    </span>
  );
}

function labelColor(entry: FrameEntry): string {
  if (isExpected(entry)) return "text-slate-600 dark:text-slate-300";
  switch (entry.rpc.type) {
    case "error":
      return "text-red-600 dark:text-red-400";
    case "result":
      return "text-emerald-700 dark:text-emerald-400";
    case "notification":
      return "text-slate-600 dark:text-slate-300";
    default:
      return "text-slate-900 dark:text-slate-100";
  }
}

const LEVEL_TAG = {
  info: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
  warn: "bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200",
  error: "bg-red-100 text-red-700 dark:bg-red-900/60 dark:text-red-200",
} as const;

const LEVEL_TEXT = {
  info: "text-slate-700 dark:text-slate-300",
  warn: "text-amber-700 dark:text-amber-400",
  error: "text-red-600 dark:text-red-400",
} as const;
