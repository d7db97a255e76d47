"use client";
import { Fragment } from "react";
import { SHORTCUTS, chordKeys } from "@/lib/commands";
import { ModalDialog } from "./ModalDialog";
import { isMac } from "./platform";

/** Every keyboard shortcut (lib/commands' SHORTCUTS, the list docs/shortcuts.md holds too). */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const mac = isMac();
  return (
    <ModalDialog label="Keyboard shortcuts" onClose={onClose} className="fixed inset-0 h-full w-full">
      <div className="mx-auto mt-[8vh] max-h-[84vh] w-full max-w-2xl overflow-y-auto rounded-lg bg-white p-4 text-sm text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100">
        <div className="mb-3 flex items-center">
          <h2 className="text-base font-semibold">Keyboard shortcuts</h2>
          <button
            type="button"
            autoFocus
            onClick={onClose}
            className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700"
          >
            Close
          </button>
        </div>
        <table className="w-full border-collapse text-left">
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Keys
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                What it does
              </th>
              <th scope="col" className="py-1 font-medium">
                Where
              </th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={`${s.keys.join()}|${s.where}`} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5 pr-3 whitespace-nowrap">
                  {s.keys.map((k, i) => (
                    <Fragment key={k}>
                      {i > 0 && <span className="mx-1 text-slate-600 dark:text-slate-400">or</span>}
                      <Chord chord={k} mac={mac} />
                    </Fragment>
                  ))}
                </td>
                <td className="py-1.5 pr-3">{s.action}</td>
                <td className="py-1.5 text-slate-600 dark:text-slate-400">{s.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ModalDialog>
  );
}

export function Chord({ chord, mac }: { chord: string; mac: boolean }) {
  const keys = chordKeys(chord, mac);
  return (
    <span>
      {/* Read as one word ("Ctrl+K"); the key caps are for the eye. */}
      <span className="sr-only">{keys.join(mac ? " " : "+")}</span>
      <span aria-hidden="true">
        {keys.map((k, i) => (
          <Fragment key={i}>
            {i > 0 && !mac && "+"}
            <kbd className="mono rounded border border-slate-300 bg-slate-50 px-1 text-xs dark:border-slate-600 dark:bg-slate-800">
              {k}
            </kbd>
          </Fragment>
        ))}
      </span>
    </span>
  );
}
