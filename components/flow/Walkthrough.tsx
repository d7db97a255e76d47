"use client";
import type { KeyboardEvent, ReactNode } from "react";

export interface WalkthroughProps {
  /** 0-based row of the current step, -1 when there is none. */
  position: number;
  count: number;
  includeTransport: boolean;
  onIncludeTransport: (include: boolean) => void;
  onStep: (row: number) => void;
  children?: ReactNode;
}

const BUTTON =
  "rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800";

/** The teaching mode: step through the log one message at a time; ←/→ step while it has focus. */
export function Walkthrough({
  position,
  count,
  includeTransport,
  onIncludeTransport,
  onStep,
  children,
}: WalkthroughProps) {
  const canBack = position > 0;
  const canForward = position < count - 1;
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.target instanceof HTMLElement && e.target.closest("input, select, textarea")) return;
    if (e.key === "ArrowLeft" && canBack) onStep(position - 1);
    else if (e.key === "ArrowRight" && canForward) onStep(position + 1);
    else return;
    e.preventDefault();
  };
  return (
    <section
      aria-label="Walkthrough"
      aria-keyshortcuts="ArrowLeft ArrowRight"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="flex max-h-[55%] min-h-0 flex-col border-t border-slate-200 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 @3xl:max-h-none @3xl:w-[28rem] @3xl:shrink-0 @3xl:border-t-0 @3xl:border-l dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-800">
        <h2 className="font-medium text-slate-600 dark:text-slate-400 uppercase">Walkthrough</h2>
        <label className="ml-auto flex items-center gap-1 text-slate-600 dark:text-slate-300">
          <input type="checkbox" checked={includeTransport} onChange={(e) => onIncludeTransport(e.target.checked)} />
          Include transport details
        </label>
      </div>
      <div className="flex items-center gap-2 px-3 py-1.5 text-xs">
        <button type="button" className={BUTTON} disabled={!canBack} onClick={() => onStep(position - 1)}>
          Previous step
        </button>
        <span aria-live="polite" className="min-w-24 text-center text-slate-600 tabular-nums dark:text-slate-300">
          {`Step ${position < 0 ? 0 : position + 1} of ${count}`}
        </span>
        <button type="button" className={BUTTON} disabled={!canForward} onClick={() => onStep(position + 1)}>
          Next step
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto px-3 pb-3">
        {children ?? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No messages yet. Connect and use the server: each message becomes a step.
          </p>
        )}
      </div>
    </section>
  );
}
