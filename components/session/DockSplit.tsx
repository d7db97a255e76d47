"use client";
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { isNumber, usePersistentState } from "../hooks/usePersistentState";
import { usePaletteAction } from "../palette/hub";

const MIN = 0.08;
const MAX = 0.8;

/**
 * The session's view above, the docked traffic below, and a separator between them that a person
 * drags (or moves with ↑/↓, Home, End) to give a long form or the traffic more room.
 * `dock` is the share of the height the traffic takes, remembered by this browser.
 */
export function DockSplit({ top, bottom }: { top: ReactNode; bottom: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [stored, setDock] = usePersistentState("dock", 0.35, isNumber);
  const dock = clamp(stored);
  const toggle = () => setDock(dock > MIN + 0.01 ? MIN : 0.35);
  usePaletteAction("traffic.toggle", toggle);
  const drag = (e: PointerEvent<HTMLDivElement>) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || !e.currentTarget.hasPointerCapture(e.pointerId) || rect.height <= 0) return;
    setDock(clamp((rect.bottom - e.clientY) / rect.height));
  };
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === "ArrowUp"
        ? dock + 0.05
        : e.key === "ArrowDown"
          ? dock - 0.05
          : e.key === "Home"
            ? MAX
            : e.key === "End"
              ? MIN
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    setDock(clamp(next));
  };
  return (
    <div ref={box} className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-0" style={{ flex: `${1 - dock} 1 0%` }}>
        {top}
      </div>
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize traffic panel"
        aria-valuemin={Math.round(MIN * 100)}
        aria-valuemax={Math.round(MAX * 100)}
        aria-valuenow={Math.round(dock * 100)}
        tabIndex={0}
        title="Drag, or ↑/↓, to resize the traffic panel"
        className="h-1.5 shrink-0 cursor-row-resize touch-none border-t border-slate-200 bg-slate-100 hover:bg-indigo-200 focus:bg-indigo-300 focus:outline-none dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-indigo-900"
        onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
        onPointerMove={drag}
        onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
        onDoubleClick={toggle}
        onKeyDown={keys}
      />
      <div className="flex min-h-0 flex-col" style={{ flex: `${dock} 1 0%` }}>
        {bottom}
      </div>
    </div>
  );
}

function clamp(v: number): number {
  return Math.min(MAX, Math.max(MIN, v));
}
