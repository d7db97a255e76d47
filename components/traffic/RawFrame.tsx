"use client";
import { useMemo, useState } from "react";
import type { FrameEntry } from "@/lib/traffic";
import { RAW_VIEW_LIMIT, formatBytes, prettyFrame } from "@/lib/traffic";
import { JsonViewer } from "../json/JsonViewer";

/**
 * The raw text of a frame: pretty JSON (in Monaco when small enough) or the text verbatim.
 * Frames above RAW_VIEW_LIMIT show their head until the user asks for all of it; they are not
 * even parsed before that, so selecting a huge frame stays cheap. Mount with `key={entry.seq}`.
 */
export function RawFrame({ entry }: { entry: FrameEntry }) {
  const [showAll, setShowAll] = useState(false);
  const big = entry.raw.length > RAW_VIEW_LIMIT;
  const parsed = useMemo(() => (big && !showAll ? null : prettyFrame(entry.raw)), [entry.raw, big, showAll]);
  const text = parsed ? parsed.text : entry.raw;
  const cut = !showAll && text.length > RAW_VIEW_LIMIT;
  const shown = cut ? text.slice(0, RAW_VIEW_LIMIT) : text;
  const useMonaco = parsed?.json === true && !cut && text.length <= RAW_VIEW_LIMIT;

  return (
    <div role="group" aria-label="Raw frame" className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        {parsed?.json && <span>Pretty-printed JSON</span>}
        {parsed && !parsed.json && (
          <span className="rounded bg-red-100 px-1 font-medium text-red-700 dark:bg-red-900/60 dark:text-red-200">
            not valid JSON
          </span>
        )}
        {parsed && !parsed.json && <span>shown verbatim</span>}
        {entry.truncated && (
          <span className="rounded bg-amber-100 px-1 font-medium text-amber-800 dark:bg-amber-900/60 dark:text-amber-200">
            truncated by the log: {formatBytes(entry.raw.length)} of {formatBytes(entry.size)} kept
          </span>
        )}
        {cut && (
          <>
            <span>
              Showing the first {formatBytes(RAW_VIEW_LIMIT)} of {formatBytes(text.length)}
              {parsed ? "" : " (not parsed yet)"}
            </span>
            <button type="button" onClick={() => setShowAll(true)} className={BUTTON}>
              Show all
            </button>
          </>
        )}
        <button
          type="button"
          onClick={() => void navigator.clipboard?.writeText(entry.raw)}
          className={`ml-auto ${BUTTON}`}
        >
          Copy raw
        </button>
      </div>
      {useMonaco ? (
        <JsonViewer value={shown} height={480} />
      ) : (
        <pre
          tabIndex={0}
          className="mono max-h-[480px] overflow-auto rounded border border-slate-200 bg-white p-2 text-xs whitespace-pre-wrap break-all text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
        >
          {shown}
          {cut && "\n…"}
        </pre>
      )}
    </div>
  );
}

const BUTTON =
  "rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800";
