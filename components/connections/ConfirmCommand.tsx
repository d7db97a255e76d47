"use client";
import type { ConnectionConfig } from "@/lib/base";
import { commandLine } from "./ImportDialog";

type StdioConfig = Extract<ConnectionConfig, { transport: "stdio" }>;

/** "Run this command?": a stdio command from outside MCP Lens, shown whole before it runs (docs/security.md, rule 6). */
export function ConfirmCommand({
  confirming,
  onRun,
  onCancel,
}: {
  confirming: StdioConfig;
  onRun: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-label="Run this command?"
      className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
    >
      <p className="font-medium">Run this command?</p>
      <p className="text-xs">
        It came from outside MCP Lens (an imported file or the command line). It runs on this machine as you, without a
        shell:
      </p>
      <pre aria-label="Command to run" className="mono text-xs break-all whitespace-pre-wrap">
        {commandLine(confirming)}
      </pre>
      {confirming.cwd && <p className="mono text-xs break-all">in {confirming.cwd}</p>}
      {confirming.env.length > 0 && (
        <p className="mono text-xs break-all">environment: {confirming.env.map((e) => e.name).join(", ")}</p>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          autoFocus
          onClick={onRun}
          className="rounded bg-amber-700 px-3 py-1 font-medium text-white hover:bg-amber-800"
        >
          Run this command
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
