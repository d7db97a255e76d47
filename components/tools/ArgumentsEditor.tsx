"use client";
import { useState } from "react";
import { ArgumentForm } from "../argumentForm/ArgumentForm";
import { JsonEditor } from "../json/JsonViewer";
import { errorMessage } from "@/lib/base";

export type EditorMode = "form" | "json";

/**
 * The arguments, as a form or as JSON (Monaco, with the tool's inputSchema for completion, hover
 * and markers). The value itself is the one source: switching modes keeps it exactly; JSON that
 * does not parse stays as text until it does.
 */
export function ArgumentsEditor({
  schema,
  value,
  onChange,
  errors,
  onJsonError,
  quiet,
  onSubmit,
}: {
  schema: unknown;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: { path: string; message: string }[];
  onJsonError: (message: string | undefined) => void;
  /** No checks shown yet: nothing has been edited or called. */
  quiet: boolean;
  onSubmit: () => void;
}) {
  const [mode, setMode] = useState<EditorMode>("form");
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [parseError, setParseError] = useState<string>();

  const toJson = () => {
    setText(JSON.stringify(value, null, 2));
    setParseError(undefined);
    onJsonError(undefined);
    setMode("json");
  };
  const toForm = () => {
    if (parseError) return; // stay: the text is not yet a value
    setMode("form");
  };
  const editText = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = next.trim() === "" ? {} : JSON.parse(next);
      setParseError(undefined);
      onJsonError(undefined);
      onChange(parsed);
    } catch (e) {
      const message = errorMessage(e);
      setParseError(message);
      onJsonError(message);
    }
  };

  return (
    <div className="space-y-2">
      <div
        role="radiogroup"
        aria-label="Argument editor"
        className="inline-flex rounded border border-slate-300 text-xs dark:border-slate-700"
      >
        <button
          type="button"
          role="radio"
          aria-checked={mode === "form"}
          onClick={toForm}
          disabled={!!parseError && mode === "json"}
          className={`px-2 py-1 ${mode === "form" ? "bg-slate-200 dark:bg-slate-800" : ""}`}
        >
          Form
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={mode === "json"}
          onClick={toJson}
          className={`px-2 py-1 ${mode === "json" ? "bg-slate-200 dark:bg-slate-800" : ""}`}
        >
          JSON
        </button>
      </div>
      {mode === "form" ? (
        <ArgumentForm
          schema={schema}
          value={value}
          onChange={onChange}
          errors={errors}
          quiet={quiet}
          onSubmit={onSubmit}
        />
      ) : (
        <div>
          <JsonEditor value={text} onChange={editText} schema={schema} height={280} ariaLabel="Arguments JSON" />
          {parseError && (
            <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
              Not valid JSON: {parseError}
            </p>
          )}
          {errors.length > 0 && !parseError && !quiet && (
            <ul aria-label="Argument errors" className="mt-1 list-disc pl-5 text-xs text-red-700 dark:text-red-300">
              {errors.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  <code>{e.path || "(root)"}</code> {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
