"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import { LoadBoundary } from "./LoadBoundary";

// Monaco is ~6 MB: load it only when a JSON view is on screen, never on the server.
const MonacoJson = dynamic(() => import("./MonacoJson"), { ssr: false, loading: () => null });

const LINE_HEIGHT = 18;
const PADDING = 8;

/**
 * Read-only JSON in Monaco. The text is first shown as a <pre>, which stays in the DOM (visually
 * hidden) once Monaco takes over: Monaco renders only the visible lines, the <pre> keeps all of it.
 */
export function JsonViewer({ value, height = 400 }: { value: string; height?: number }) {
  const [ready, setReady] = useState(false);
  const boxHeight = Math.min(height, countLines(value) * LINE_HEIGHT + PADDING);
  return (
    <div
      className="relative w-full overflow-hidden rounded border border-slate-200 dark:border-slate-700"
      style={{ height: boxHeight }}
    >
      <pre
        tabIndex={ready ? -1 : 0}
        className={
          ready
            ? "sr-only"
            : "mono absolute inset-0 overflow-auto whitespace-pre bg-white p-1 pl-2 text-xs leading-[18px] text-slate-800 dark:bg-slate-900 dark:text-slate-200"
        }
      >
        {value}
      </pre>
      <LoadBoundary>
        <MonacoJson
          value={value}
          height={boxHeight}
          readOnly
          ariaLabel="JSON (read-only)"
          onReady={() => setReady(true)}
        />
      </LoadBoundary>
    </div>
  );
}

export interface JsonEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** A JSON schema the text is validated (and completed) against. */
  schema?: unknown;
  height?: number;
  ariaLabel?: string;
}

/** Editable JSON in Monaco; a plain textarea stands in while Monaco loads or if it fails. */
export function JsonEditor({ value, onChange, schema, height = 240, ariaLabel = "JSON" }: JsonEditorProps) {
  const [ready, setReady] = useState(false);
  return (
    <div
      className="relative w-full overflow-hidden rounded border border-slate-300 dark:border-slate-600"
      style={{ height }}
    >
      {!ready && (
        <textarea
          aria-label={ariaLabel}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          className="mono absolute inset-0 resize-none bg-white p-2 text-xs leading-[18px] text-slate-800 outline-none dark:bg-slate-900 dark:text-slate-200"
        />
      )}
      <LoadBoundary>
        <MonacoJson
          value={value}
          height={height}
          readOnly={false}
          ariaLabel={ariaLabel}
          onChange={onChange}
          schema={schema}
          onReady={() => setReady(true)}
        />
      </LoadBoundary>
    </div>
  );
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}
