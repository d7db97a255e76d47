"use client";
import { useMemo, useState } from "react";
import { TEXT_VIEW_LIMIT, formatBytes, utf8Length } from "@/lib/results";
import { BUTTON, NOTE, PRE } from "./ui";

/** Text in a <pre>, cut at TEXT_VIEW_LIMIT characters until the user asks for all of it. */
export function LargeText({ text, label, expanded = false }: { text: string; label?: string; expanded?: boolean }) {
  const [all, setAll] = useState(expanded);
  const cut = !all && text.length > TEXT_VIEW_LIMIT;
  const bytes = useMemo(() => (cut ? utf8Length(text) : 0), [text, cut]);
  return (
    <div className="flex flex-col gap-1">
      <pre tabIndex={0} aria-label={label} className={PRE}>
        {cut ? text.slice(0, TEXT_VIEW_LIMIT) : text}
        {cut && "\n…"}
      </pre>
      {cut && <ShowAllBar bytes={bytes} onShowAll={() => setAll(true)} />}
    </div>
  );
}

/** "Showing the first N of M" with the button that lifts the cut. */
export function ShowAllBar({ bytes, onShowAll }: { bytes: number; onShowAll: () => void }) {
  return (
    <div className="flex items-center gap-2">
      <span className={NOTE}>
        Showing the first {formatBytes(TEXT_VIEW_LIMIT)} of {formatBytes(bytes)}
      </span>
      <button type="button" onClick={onShowAll} className={BUTTON}>
        Show all ({formatBytes(bytes)})
      </button>
    </div>
  );
}
