"use client";
import { useModalFocus } from "../common/useModalFocus";
import { useRef, useState } from "react";
import type { ConnectionConfig } from "@/lib/base";
import {
  CONFIG_SHAPES,
  configSnippet,
  exportConfig,
  SHAPE_FILE_NAMES,
  SHAPE_LABELS,
  type ConfigShape,
} from "@/lib/connections";

/** Export one connection in any config shape, as a whole file or a snippet for the file's server map. */
export function ExportDialog({ config, onClose }: { config: ConnectionConfig; onClose: () => void }) {
  const [shape, setShape] = useState<ConfigShape>(
    (CONFIG_SHAPES as readonly string[]).includes(config.origin?.shape ?? "")
      ? (config.origin!.shape as ConfigShape)
      : "claude-desktop",
  );
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [copied, setCopied] = useState<string>();
  const { text, skipped } = exportConfig([config], shape, { includeSecrets });
  let snippet: string | undefined;
  try {
    snippet = configSnippet(config, shape, { includeSecrets });
  } catch {
    snippet = undefined;
  }
  const copy = (what: string, value: string) =>
    void navigator.clipboard.writeText(value).then(
      () => setCopied(`${what} copied`),
      () => setCopied("The browser refused the clipboard; select the text and copy it"),
    );
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = SHAPE_FILE_NAMES[shape];
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const box = useRef<HTMLDivElement>(null);
  const onModalKeyDown = useModalFocus(box, onClose);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Export connection"
      className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-black/40 p-6"
      ref={box}
      tabIndex={-1}
      onKeyDown={onModalKeyDown}
    >
      <div className="w-full max-w-2xl space-y-3 rounded-lg bg-white p-4 text-sm shadow-xl dark:bg-slate-900">
        <h2 className="text-base font-semibold">Export {config.name}</h2>
        <label className="block space-y-1">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">Config shape</span>
          <select className="input w-full" value={shape} onChange={(e) => setShape(e.target.value as ConfigShape)}>
            {CONFIG_SHAPES.map((s) => (
              <option key={s} value={s}>
                {SHAPE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />
          Include secret values (otherwise each is a reference to fill in)
        </label>
        {skipped.length > 0 ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            Cannot be written as {SHAPE_LABELS[shape]}: {skipped[0]!.reason}
          </p>
        ) : (
          <textarea readOnly aria-label="Exported config" className="input mono h-56 w-full" value={text} />
        )}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={snippet === undefined}
            onClick={() => snippet && copy("Snippet", snippet)}
            className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
          >
            Copy as config snippet
          </button>
          <button
            type="button"
            disabled={skipped.length > 0}
            onClick={() => copy("File", text)}
            className="rounded border border-slate-300 px-3 py-1.5 disabled:opacity-50 dark:border-slate-700"
          >
            Copy file
          </button>
          <button
            type="button"
            disabled={skipped.length > 0}
            onClick={download}
            className="rounded border border-slate-300 px-3 py-1.5 disabled:opacity-50 dark:border-slate-700"
          >
            Download {SHAPE_FILE_NAMES[shape]}
          </button>
          <button type="button" onClick={onClose} className="rounded px-3 py-1.5">
            Close
          </button>
        </div>
        {copied && (
          <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
            {copied}
          </p>
        )}
      </div>
    </div>
  );
}
