"use client";
import type { ConnectionConfig } from "@/lib/base";
import { TRANSPORT_LABELS } from "@/lib/base";
import { commandLine } from "./ImportDialog";

/**
 * In place of the connection form for a recording opened from a file: what was recorded, for
 * reading. No Connect: a recording is read-only, and its recorded command is never started from it.
 */
export function RecordingCard({ config }: { config: ConnectionConfig }) {
  return (
    <section aria-label="Recording" className="space-y-2 border-t border-slate-200 p-4 text-sm dark:border-slate-800">
      <h2 className="font-medium break-all">{config.name}</h2>
      <p className="rounded border border-violet-300 bg-violet-50 px-2 py-1 text-xs text-violet-900 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-200">
        Recording — read-only: its lists, past calls and traffic are shown on the right. It cannot be connected; to talk
        to this server, add a connection of your own.
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Recorded over {TRANSPORT_LABELS[config.transport]}
        {config.transport === "stdio" ? " with the command" : " at"}:
      </p>
      <pre aria-label="Recorded target" className="mono text-xs break-all whitespace-pre-wrap">
        {config.transport === "stdio" ? commandLine(config) : config.url}
      </pre>
    </section>
  );
}
