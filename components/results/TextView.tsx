"use client";
import { useMemo, useState } from "react";
import { MARKDOWN_RENDER_LIMIT, TEXT_VIEW_LIMIT, formatBytes, utf8Length } from "@/lib/results";
import { parseMarkdown } from "@/lib/results";
import { analyzeText, prettyJson } from "@/lib/results";
import { LargeText, ShowAllBar } from "./LargeText";
import { Markdown } from "./Markdown";
import { BUTTON, NOTE } from "./ui";

const FORMAT_NAME = { json: "JSON", "large-json": "JSON", markdown: "Markdown", plain: "Text" } as const;

/** A text (content block or resource text): pretty JSON, safe markdown or verbatim, with a Raw toggle. */
export function TextView({ text, mimeType }: { text: string; mimeType?: string }) {
  const format = useMemo(() => analyzeText(text, mimeType), [text, mimeType]);
  const [raw, setRaw] = useState(false);
  const formatted = format.kind !== "plain";
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <span className={NOTE}>{FORMAT_NAME[format.kind]}</span>
        {formatted && (
          <button type="button" aria-pressed={raw} onClick={() => setRaw((r) => !r)} className={BUTTON}>
            Raw
          </button>
        )}
        <button type="button" onClick={() => void navigator.clipboard?.writeText(text)} className={`ml-auto ${BUTTON}`}>
          Copy
        </button>
      </div>
      {raw || format.kind === "plain" ? (
        <LargeText text={text} />
      ) : format.kind === "json" ? (
        <LargeText text={format.pretty} />
      ) : format.kind === "large-json" ? (
        <LargeJson text={text} />
      ) : (
        <MarkdownText text={text} />
      )}
    </div>
  );
}

/** JSON too large to pretty-print eagerly: raw (cut) first, pretty-printed on request. */
function LargeJson({ text }: { text: string }) {
  const [pretty, setPretty] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const bytes = useMemo(() => utf8Length(text), [text]);
  const prettify = () => {
    const result = prettyJson(text);
    if (result === undefined) setFailed(true);
    else setPretty(result);
  };
  return (
    <div className="flex flex-col gap-1">
      {pretty === null && (
        <div className="flex items-center gap-2">
          <span className={NOTE}>
            {failed
              ? "Not valid JSON (or nested too deeply to print): shown verbatim"
              : `Large JSON (${formatBytes(bytes)}): not pretty-printed yet`}
          </span>
          {!failed && (
            <button type="button" onClick={prettify} className={BUTTON}>
              Pretty-print
            </button>
          )}
        </div>
      )}
      <LargeText text={pretty ?? text} />
    </div>
  );
}

/** Markdown, rendered from the head only until "Show all"; above MARKDOWN_RENDER_LIMIT the full text stays plain. */
function MarkdownText({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  const cut = !all && text.length > TEXT_VIEW_LIMIT;
  const tooBig = all && text.length > MARKDOWN_RENDER_LIMIT;
  const source = cut ? text.slice(0, TEXT_VIEW_LIMIT) : text;
  const blocks = useMemo(() => (tooBig ? [] : parseMarkdown(source)), [source, tooBig]);
  const bytes = useMemo(() => (text.length > TEXT_VIEW_LIMIT ? utf8Length(text) : 0), [text]);
  if (tooBig) {
    return (
      <div className="flex flex-col gap-1">
        <span className={NOTE}>Too large to render as markdown ({formatBytes(bytes)}): shown as plain text.</span>
        <LargeText text={text} expanded />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="max-h-[480px] overflow-auto rounded border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
        <Markdown blocks={blocks} />
      </div>
      {cut && <ShowAllBar bytes={bytes} onShowAll={() => setAll(true)} />}
    </div>
  );
}
