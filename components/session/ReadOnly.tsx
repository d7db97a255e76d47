"use client";
import type { ReactNode } from "react";
import type { InspectorSession } from "@/lib/session";
import { useStore } from "../hooks/useStore";

/** True while the session is a recording opened offline: read-only, nothing can be sent from it. */
export function useReadOnly(session: InspectorSession): boolean {
  return useStore(session.store).recording !== undefined;
}

/** Where a live session has its Call / Get / Read / Send, a recording says why there is none. */
export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return (
    <p
      role="note"
      aria-label="Read-only recording"
      // Focusable: with every field disabled, the note keeps the panel (and its scrolling) reachable by keyboard.
      tabIndex={0}
      className="outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 rounded border border-violet-300 bg-violet-50 px-2 py-1 text-xs text-violet-900 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-200"
    >
      Recording — read-only: {children}
    </p>
  );
}
