"use client";
import { formatTime } from "@/lib/base";
import type { CallRecord } from "@/lib/tools";

/** Past calls of one tool, newest first; any can be re-opened (its arguments back in the editor). */
export function ToolHistory({
  calls,
  openId,
  onOpen,
}: {
  calls: CallRecord[];
  openId?: number;
  onOpen: (call: CallRecord) => void;
}) {
  if (!calls.length) return null;
  return (
    <section aria-label="Call history" className="text-sm">
      <h3 className="mb-1 text-xs font-medium uppercase text-slate-600 dark:text-slate-400">History</h3>
      <ol className="space-y-0.5">
        {[...calls].reverse().map((c) => (
          <li key={c.id}>
            <button
              type="button"
              onClick={() => onOpen(c)}
              aria-current={c.id === openId ? "true" : undefined}
              className={`mono flex w-full gap-2 rounded px-1 text-left text-xs ${c.id === openId ? "bg-slate-200 dark:bg-slate-800" : "hover:bg-slate-100 dark:hover:bg-slate-900"}`}
            >
              <span>#{c.id}</span>
              <span>{formatTime(c.startedAt)}</span>
              <span className="flex-1 truncate">{JSON.stringify(c.args)}</span>
              <span>{describe(c)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function describe(c: CallRecord): string {
  const o = c.outcome;
  if (!o) return "running";
  const ms = `${Math.round(o.elapsedMs)} ms`;
  if (o.kind === "result") return `${o.result.isError ? "tool error" : "ok"} · ${ms}`;
  if (o.kind === "protocol-error") return `error ${o.code} · ${ms}`;
  if (o.kind === "cancelled") return `cancelled · ${ms}`;
  return `failed · ${ms}`;
}
