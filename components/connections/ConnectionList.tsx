"use client";
import type { Store } from "@/lib/base";
import {
  addConnection,
  addRecording,
  dismissDeleted,
  dismissProblems,
  selectConnection,
  undoDelete,
} from "@/lib/connections";
import { allConnections, isDraft, isRecording, type ConnectionsState } from "@/lib/connections";
import { useRef, useState } from "react";
import { usePaletteAction } from "../palette/hub";
import { TRANSPORT_LABELS } from "@/lib/base";
import type { SessionPool } from "@/lib/session";
import { useStore } from "../hooks/useStore";
import { StatusDot } from "../session/StatusDot";
import { ImportDialog } from "./ImportDialog";

export function ConnectionList({
  store,
  pool,
  loadPool,
}: {
  store: Store<ConnectionsState>;
  pool?: SessionPool;
  loadPool: () => Promise<SessionPool>;
}) {
  const state = useStore(store);
  const [openError, setOpenError] = useState<string>();
  const [importing, setImporting] = useState(false);
  const openRecording = async (file: File | undefined) => {
    if (!file) return;
    const { parseRecordingPaced } = await import("@/lib/inspect");
    const parsed = await parseRecordingPaced(await file.text());
    if ("error" in parsed) return setOpenError(`${file.name}: ${parsed.error}`);
    setOpenError(undefined);
    const config = addRecording(store, parsed.recording.connection, file.name);
    void (await loadPool()).get(config).openRecording(parsed.recording, file.name);
  };
  const addNew = () => addConnection(store);
  const recordingInput = useRef<HTMLInputElement>(null);
  usePaletteAction("connection.new", addNew);
  usePaletteAction("config.import", () => setImporting(true));
  usePaletteAction("recording.open", () => recordingInput.current?.click());
  return (
    <nav aria-label="Saved connections" className="px-2">
      {state.problems.length > 0 && (
        <div
          role="alert"
          className="mx-2 mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          {state.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <button type="button" className="mt-1 underline" onClick={() => dismissProblems(store)}>
            Dismiss
          </button>
        </div>
      )}
      {state.deleted && (
        <div
          role="status"
          className="mx-1 mb-2 flex items-center gap-2 rounded border border-slate-300 bg-white p-2 text-xs dark:border-slate-700 dark:bg-slate-950"
        >
          <span className="min-w-0 flex-1 truncate">Deleted “{state.deleted.config.name}”.</span>
          <button
            type="button"
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
            onClick={() => undoDelete(store)}
          >
            Undo
          </button>
          <button type="button" aria-label="Dismiss" className="px-1" onClick={() => dismissDeleted(store)}>
            ×
          </button>
        </div>
      )}
      {/* The list scrolls on its own, so the form below (and its Connect) stays in reach with many entries. */}
      <ul className="max-h-[40vh] space-y-0.5 overflow-y-auto">
        {allConnections(state).map((c) => (
          <li key={c.id}>
            <button
              type="button"
              aria-current={c.id === state.selectedId ? "true" : undefined}
              onClick={() => selectConnection(store, c.id)}
              className={`flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm ${c.id === state.selectedId ? "bg-indigo-100 dark:bg-indigo-950" : "hover:bg-slate-200 dark:hover:bg-slate-800"}`}
            >
              <StatusDot session={pool?.get(c)} />
              <span className="min-w-0 flex-1 truncate">{c.name}</span>
              {isDraft(state, c.id) && <span className="text-xs text-amber-800 italic dark:text-amber-300">draft</span>}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {isRecording(state, c.id) ? "recording" : TRANSPORT_LABELS[c.transport].split(" ")[0]}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={addNew}
        className="mt-2 w-full rounded border border-dashed border-slate-300 px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        + New connection
      </button>
      <button
        type="button"
        onClick={() => setImporting(true)}
        className="mt-1 w-full rounded px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Import config…
      </button>
      {importing && <ImportDialog store={store} onClose={() => setImporting(false)} />}
      <label className="mt-1 block w-full cursor-pointer rounded px-2 py-1.5 text-center text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
        Open recording…
        <input
          type="file"
          accept="application/json,.json"
          aria-label="Open recording"
          ref={recordingInput}
          className="sr-only"
          onChange={(e) => void openRecording(e.target.files?.[0])}
        />
      </label>
      {openError && (
        <p role="alert" className="px-2 text-xs text-red-700 dark:text-red-300">
          {openError}
        </p>
      )}
    </nav>
  );
}
