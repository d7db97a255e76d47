"use client";
import { type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { isBoolean, isNumber, usePersistentState } from "../hooks/usePersistentState";

const MIN = 256;
const MAX = 560;
const clamp = (w: number) => Math.min(MAX, Math.max(MIN, Math.round(w)));

/**
 * The connections sidebar: collapsible to a thin strip and resizable by a separator (drag, or ←/→,
 * Home, End), both remembered by this browser, so the session gets the room when it needs it.
 */
export function Sidebar({ header, children }: { header: ReactNode; children: ReactNode }) {
  const [collapsed, setCollapsed] = usePersistentState("sidebarCollapsed", false, isBoolean);
  const [stored, setWidth] = usePersistentState("sidebarWidth", 384, isNumber);
  const width = clamp(stored);
  if (collapsed) {
    return (
      <aside
        aria-label="Connections"
        className="flex w-10 shrink-0 flex-col items-center border-r border-slate-200 bg-slate-50 py-3 dark:border-slate-800 dark:bg-slate-900"
      >
        <button
          type="button"
          aria-expanded="false"
          aria-label="Show connections"
          title="Show connections"
          onClick={() => setCollapsed(false)}
          className="rounded px-1.5 py-1 text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          »
        </button>
      </aside>
    );
  }
  const drag = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const left = e.currentTarget.parentElement?.getBoundingClientRect().left ?? 0;
    setWidth(clamp(e.clientX - left));
  };
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowLeft: width - 16, ArrowRight: width + 16, Home: MIN, End: MAX }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setWidth(clamp(next));
  };
  return (
    <>
      <aside
        aria-label="Connections"
        style={{ width }}
        className="flex shrink-0 scroll-pb-16 flex-col overflow-y-auto border-r border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900"
      >
        <header className="flex items-center gap-2 px-4 py-3">
          {header}
          <button
            type="button"
            aria-expanded="true"
            aria-label="Hide connections"
            title="Hide connections"
            onClick={() => setCollapsed(true)}
            className="rounded px-1.5 py-0.5 text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            «
          </button>
        </header>
        {children}
      </aside>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize connections sidebar"
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={width}
        tabIndex={0}
        title="Drag, or ←/→, to resize the sidebar"
        className="w-1 shrink-0 cursor-col-resize touch-none bg-slate-100 hover:bg-indigo-200 focus:bg-indigo-300 focus:outline-none dark:bg-slate-900 dark:hover:bg-indigo-900"
        onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
        onPointerMove={drag}
        onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
        onKeyDown={keys}
      />
    </>
  );
}
