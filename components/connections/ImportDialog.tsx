"use client";
import { useModalFocus } from "../common/useModalFocus";
import { useRef, useState } from "react";
import { joinArgs, type ConnectionConfig, type Store } from "@/lib/base";
import { parseConfig, saveConnection, SHAPE_LABELS, type ConnectionsState, type ImportResult } from "@/lib/connections";

/**
 * Import from a config file (Claude Desktop, Cursor, Claude Code, VS Code, server.json) by file
 * picker, drop or paste. Shows what will be imported first: each stdio command whole, each value to
 * fill, each invalid entry with its reason. Imported stdio connections stay unconfirmed until the
 * person confirms the command at their first Connect (docs/security.md, rule 6).
 */
export function ImportDialog({ store, onClose }: { store: Store<ConnectionsState>; onClose: () => void }) {
  const [text, setText] = useState("");
  const [source, setSource] = useState<string>();
  const [result, setResult] = useState<ImportResult>();
  const read = (content: string, from: string) => {
    setSource(from);
    setResult(parseConfig(content));
  };
  const readFile = async (file: File | undefined) => {
    if (file) read(await file.text(), file.name);
  };
  const entries = result?.ok ? result.entries : [];
  const importAll = () => {
    for (const e of entries) saveConnection(store, e.config);
    if (entries[0]) saveConnection(store, entries[0].config); // the first one selected
    onClose();
  };
  const box = useRef<HTMLDivElement>(null);
  const onModalKeyDown = useModalFocus(box, onClose);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Import connections"
      className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-black/40 p-6"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void readFile(e.dataTransfer.files[0]);
      }}
      ref={box}
      tabIndex={-1}
      onKeyDown={onModalKeyDown}
    >
      <div className="w-full max-w-2xl space-y-3 rounded-lg bg-white p-4 text-sm shadow-xl dark:bg-slate-900">
        <h2 className="text-base font-semibold">Import connections</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          From claude_desktop_config.json, Cursor&apos;s mcp.json, Claude Code&apos;s .mcp.json, VS Code&apos;s
          .vscode/mcp.json or a registry server.json: choose the file, drop it here, or paste it.
        </p>
        <label className="block space-y-1">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">Config file</span>
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Config file"
            className="block text-xs"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </label>
        <label className="block space-y-1">
          <span className="text-xs font-medium text-slate-600 dark:text-slate-400">Or paste the config</span>
          <textarea
            className="input mono h-28 w-full"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder='{ "mcpServers": { … } }'
          />
        </label>
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
          onClick={() => read(text, "pasted text")}
        >
          Read pasted config
        </button>
        {result && !result.ok && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {source}: {result.error}
          </p>
        )}
        {result?.ok && (
          <section aria-label="What will be imported" className="space-y-2">
            <p>
              {source}: {SHAPE_LABELS[result.shape]}. {entries.length} to import
              {result.invalid.length ? `, ${result.invalid.length} invalid` : ""}.
            </p>
            <ul aria-label="Connections to import" className="space-y-2">
              {entries.map((e) => (
                <li key={e.config.id} className="rounded border border-slate-200 p-2 dark:border-slate-700">
                  <p className="font-medium">{e.config.name}</p>
                  <EntryTarget config={e.config} />
                  {e.notes.map((n) => (
                    <p key={n} className="text-xs text-amber-800 dark:text-amber-300">
                      {n}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
            {result.invalid.length > 0 && (
              <ul aria-label="Invalid entries" className="space-y-1">
                {result.invalid.map((e) => (
                  <li key={e.key} className="text-red-700 dark:text-red-300">
                    <span className="mono">{e.key}</span>: {e.reason}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <div className="flex gap-2 pt-1">
          <button
            type="button"
            disabled={entries.length === 0}
            onClick={importAll}
            className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
          >
            {entries.length === 1 ? "Import 1 connection" : `Import ${entries.length} connections`}
          </button>
          <button
            type="button"
            onClick={onClose}
            className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-700"
          >
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

/** A stdio command shown whole (never cut), or the URL and transport. */
function EntryTarget({ config }: { config: ConnectionConfig }) {
  if (config.transport !== "stdio") {
    return (
      <p className="mono text-xs break-all">
        {config.transport === "sse" ? "SSE" : "Streamable HTTP"} {config.url}
      </p>
    );
  }
  return (
    <>
      <p className="mono text-xs break-all whitespace-pre-wrap" aria-label={`Command of ${config.name}`}>
        {commandLine(config)}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Runs only after you confirm this command at its first Connect.
      </p>
    </>
  );
}

export function commandLine(config: Extract<ConnectionConfig, { transport: "stdio" }>): string {
  return [joinArgs([config.command]), joinArgs(config.args)].filter(Boolean).join(" ");
}
