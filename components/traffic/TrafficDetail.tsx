"use client";
import type { FrameValidity } from "@/lib/inspect";
import { ValidationDetails } from "./Validation";
import { curlFor, sdkSnippetFor } from "@/lib/inspect";
import { explain } from "@/lib/inspect";
import type { ReactNode } from "react";
import type { FrameEntry, HttpEntry, TrafficEntry } from "@/lib/traffic";
import { rpcLabel } from "@/lib/traffic";
import { stripAnsi } from "@/lib/traffic";
import { sseLabel } from "@/lib/traffic";
import {
  channelLabel,
  entrySummary,
  exchangeEntries,
  formatBytes,
  formatClock,
  formatId,
  formatMs,
  rpcId,
} from "@/lib/traffic";
import { RawFrame } from "./RawFrame";

export interface TrafficDetailProps {
  entry: TrafficEntry;
  /** All entries of the log, to find the other half of an HTTP exchange. */
  entries: readonly TrafficEntry[];
  onJump: (seq: number) => void;
  onClose: () => void;
  /** Put a frame in the composer to edit and send again (absent where nothing can be sent: a recording). */
  onEdit?: (raw: string) => void;
}

/** Everything known about one entry: its metadata, HTTP headers and raw frame. */
export function TrafficDetail({
  entry,
  entries,
  onJump,
  onClose,
  onEdit,
  validity,
  protocolVersion,
}: TrafficDetailProps & { validity?: FrameValidity; protocolVersion?: string }) {
  const about = explain(entry, entries, protocolVersion);
  return (
    <div role="region" aria-label="Entry details" className="flex flex-col gap-3 p-3 text-sm">
      <div className="flex items-start gap-2">
        <h3 className="mono min-w-0 flex-1 text-xs font-semibold break-words text-slate-800 dark:text-slate-100">
          {entrySummary(entry)}
        </h3>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close details"
          className="rounded px-1.5 text-slate-600 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          ✕
        </button>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        <Field name="Seq">#{entry.seq}</Field>
        <Field name="Time">
          {formatClock(entry.ts)}{" "}
          <span className="text-slate-600 dark:text-slate-400">({new Date(entry.ts).toISOString()})</span>
        </Field>
        <KindFields entry={entry} onJump={onJump} />
      </dl>
      <section
        aria-label="What this is"
        className="rounded bg-slate-50 p-2 text-xs text-slate-700 dark:bg-slate-800/50 dark:text-slate-300"
      >
        <p className="font-medium">{about.title}</p>
        <p>{about.text}</p>
        {about.specUrl && (
          <a
            href={about.specUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="text-indigo-700 underline dark:text-indigo-300"
          >
            Read the specification
          </a>
        )}
      </section>
      {validity && <ValidationDetails validity={validity} />}
      {entry.kind === "frame" && entry.direction === "outgoing" && (
        <CopyAs seq={entry.seq} raw={entry.raw} entries={entries} />
      )}
      {entry.kind === "frame" && onEdit && !entry.truncated && (
        <button
          type="button"
          onClick={() => onEdit(entry.raw)}
          className="self-start rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Edit and resend
        </button>
      )}
      {entry.kind === "frame" && <RawFrame key={entry.seq} entry={entry} />}
      {entry.kind === "http" && <ExchangeHeaders entry={entry} entries={entries} />}
      {entry.kind === "stderr" && (
        <Verbatim
          label={stripAnsi(entry.line) === entry.line ? "stderr line" : "stderr line (ANSI escape codes removed)"}
          text={stripAnsi(entry.line)}
        />
      )}
      {entry.kind === "event" && <Verbatim label="Event message" text={entry.message} />}
    </div>
  );
}

function KindFields({ entry, onJump }: { entry: TrafficEntry; onJump: (seq: number) => void }) {
  switch (entry.kind) {
    case "frame":
      return <FrameFields entry={entry} onJump={onJump} />;
    case "http":
      return (
        <>
          <Field name="Kind">HTTP {entry.phase}</Field>
          <Field name="Exchange">#{entry.exchange}</Field>
          <Field name="Request">
            {entry.method} <span className="break-all">{entry.url}</span>
          </Field>
          {entry.status !== undefined && <Field name="Status">{entry.status}</Field>}
          {entry.durationMs !== undefined && <Field name="Duration">{formatMs(entry.durationMs)}</Field>}
          {entry.note && <Field name="Note">{entry.note}</Field>}
        </>
      );
    case "stderr":
      return <Field name="Kind">stderr line</Field>;
    case "event":
      return <Field name="Kind">{entry.level} event</Field>;
    case "sse":
      return (
        <>
          <Field name="Kind">SSE {sseLabel(entry)}</Field>
          <Field name="Exchange">#{entry.exchange}</Field>
          {entry.id !== undefined && (
            <Field name="Event id">{entry.id === "" ? "(empty: resets Last-Event-ID)" : entry.id}</Field>
          )}
          {entry.event !== undefined && <Field name="Event type">{entry.event}</Field>}
          {entry.retryMs !== undefined && <Field name="Retry">{entry.retryMs} ms</Field>}
          {entry.data !== undefined && <Field name="Data">{entry.data}</Field>}
          {entry.comments?.length ? <Field name="Comments">{entry.comments.join(" · ")}</Field> : null}
          {entry.problem && (
            <Field name="Problem">
              <span className="text-amber-700 dark:text-amber-400">{entry.problem}</span>
            </Field>
          )}
        </>
      );
  }
}

function FrameFields({ entry, onJump }: { entry: FrameEntry; onJump: (seq: number) => void }) {
  const { rpc } = entry;
  const id = rpcId(rpc);
  return (
    <>
      <Field name="Direction">
        {entry.direction === "outgoing" ? "→ outgoing (client to server)" : "← incoming (server to client)"}
      </Field>
      <Field name="Channel">{channelLabel(entry.channel)}</Field>
      {entry.channel.transport === "http" && entry.channel.sseId !== undefined && (
        <Field name="SSE event id">{entry.channel.sseId}</Field>
      )}
      {entry.channel.transport === "http" && (entry.channel.dataLines ?? 1) > 1 && (
        <Field name="SSE data">in {entry.channel.dataLines} data: lines, joined with newlines (allowed)</Field>
      )}
      <Field name="Kind">
        {rpc.type}
        {(rpc.type === "request" || rpc.type === "notification") && ` ${rpc.method}`}
        {rpc.type === "batch" && ` (${rpcLabel(rpc)}: ${rpc.items.map(rpcLabel).join(", ")})`}
      </Field>
      {id !== undefined && <Field name="Id">{formatId(id)}</Field>}
      {rpc.type === "error" && (
        <Field name="Error">
          {rpc.code} {rpc.message}
        </Field>
      )}
      {(rpc.type === "invalid-json" || rpc.type === "not-jsonrpc") && <Field name="Why">{rpc.reason}</Field>}
      <Field name="Size">
        {formatBytes(entry.size)} ({entry.size.toLocaleString("en-US")} bytes)
        {entry.truncated && ", truncated in the log"}
      </Field>
      {entry.latencyMs !== undefined && <Field name="Latency">{formatMs(entry.latencyMs)}</Field>}
      {entry.cancelledSeq !== undefined && entry.pairedSeq === undefined && (
        <Field name="Cancelled">by #{entry.cancelledSeq} (notifications/cancelled): no answer is expected</Field>
      )}
      {entry.pairedSeq !== undefined && (
        <Field name={rpc.type === "request" ? "Response" : "Request"}>
          <button
            type="button"
            onClick={() => onJump(entry.pairedSeq!)}
            className="rounded border border-slate-300 px-1.5 text-xs text-indigo-700 hover:bg-slate-100 dark:border-slate-600 dark:text-indigo-300 dark:hover:bg-slate-800"
          >
            Jump to #{entry.pairedSeq}
          </button>
        </Field>
      )}
      {entry.problem && (
        <Field name="Problem">
          <span className="text-amber-700 dark:text-amber-400">{entry.problem}</span>
        </Field>
      )}
    </>
  );
}

function ExchangeHeaders({ entry, entries }: { entry: HttpEntry; entries: readonly TrafficEntry[] }) {
  const parts = exchangeEntries(entries, entry.seq, entry.exchange);
  return (
    <div className="flex flex-col gap-2">
      {parts.map((part) => (
        <section key={part.seq} aria-label={`${part.phase} headers`}>
          <h4 className="text-xs font-semibold text-slate-700 dark:text-slate-200">
            {part.phase === "request" ? "Request" : part.phase === "response" ? "Response" : "Failure"} headers
            {part.seq === entry.seq ? "" : ` (#${part.seq})`}
          </h4>
          {Object.keys(part.headers).length === 0 ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">none recorded</p>
          ) : (
            <dl className="mono grid grid-cols-[max-content_1fr] gap-x-3 text-xs">
              {Object.entries(part.headers).map(([name, value]) => (
                <Field key={name} name={name}>
                  {value}
                </Field>
              ))}
            </dl>
          )}
        </section>
      ))}
    </div>
  );
}

function Verbatim({ label, text }: { label: string; text: string }) {
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">{label}</figcaption>
      <pre
        tabIndex={0}
        className="mono overflow-auto rounded border border-slate-200 bg-white p-2 text-xs whitespace-pre-wrap break-all text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
      >
        {text}
      </pre>
    </figure>
  );
}

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
      <dd className="min-w-0 break-words text-slate-800 dark:text-slate-200">{children}</dd>
    </>
  );
}

/** Copy an outgoing message as a curl command (HTTP) or as SDK code. */
function CopyAs({ seq, raw, entries }: { seq: number; raw: string; entries: readonly TrafficEntry[] }) {
  const curl = curlFor(seq, entries);
  const sdk = sdkSnippetFor(raw);
  if (!curl && !sdk) return null;
  const button = "rounded border border-slate-300 px-1.5 py-0.5 text-xs dark:border-slate-600";
  return (
    <div className="flex gap-2">
      {curl && (
        <button type="button" className={button} onClick={() => void navigator.clipboard?.writeText(curl)}>
          Copy as curl
        </button>
      )}
      {sdk && (
        <button type="button" className={button} onClick={() => void navigator.clipboard?.writeText(sdk)}>
          Copy as SDK code
        </button>
      )}
    </div>
  );
}
