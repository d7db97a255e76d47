"use client";
import { useEffect, useState } from "react";
import type { CallRecord } from "@/lib/tools";

/** A running call: elapsed time, progress bar (with message and total when given), Cancel. */
export function CallStatus({ call, onCancel }: { call: CallRecord; onCancel: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const p = call.progress;
  const fraction = p?.total ? Math.min(1, p.progress / p.total) : undefined;
  return (
    <div
      role="status"
      aria-label="Call in progress"
      className="space-y-1 rounded border border-indigo-200 bg-indigo-50 p-2 text-sm dark:border-indigo-900 dark:bg-indigo-950"
    >
      <div className="flex items-center gap-3">
        <span>
          Running… <span data-testid="elapsed">{((now - call.startedAt) / 1000).toFixed(1)} s</span>
        </span>
        {p && (
          <span data-testid="progress-text">
            progress {p.progress}
            {p.total !== undefined && ` / ${p.total}`}
            {p.message && `: ${p.message}`}
          </span>
        )}
        {call.progressCount > 0 && (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {call.progressCount} progress notification(s); the timeout restarts on each
          </span>
        )}
        <button
          type="button"
          onClick={onCancel}
          className="ml-auto rounded bg-slate-700 px-2 py-0.5 text-white hover:bg-slate-800"
        >
          Cancel
        </button>
      </div>
      <progress aria-label="Progress" className="h-2 w-full" max={1} value={fraction} />
    </div>
  );
}
