"use client";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import {
  KIND_LABELS,
  actionEntries,
  highlightParts,
  listEntries,
  rankEntries,
  tabEntries,
  type PaletteEntry,
} from "@/lib/commands";
import type { PaletteHub } from "./hub";
import { ModalDialog } from "./ModalDialog";

const NO_LISTS = { tools: [], resources: [], resourceTemplates: [], prompts: [] };

/**
 * The command palette: a combobox over every action the page can run now, the session's tabs, and
 * every tool, resource, resource template and prompt by name. Arrows, Home/End move; Enter runs.
 */
export function CommandPalette({
  hub,
  onClose,
  onRun,
}: {
  hub: PaletteHub;
  onClose: () => void;
  /** Run the chosen entry (after the palette has closed). */
  onRun: (entry: PaletteEntry) => void;
}) {
  const id = useId();
  // What the page offers, read once as the palette opens.
  const [entries] = useState(() => [
    ...tabEntries(hub.session?.tabs ?? []),
    ...actionEntries((a) => hub.has(a)),
    ...listEntries(hub.session?.lists ?? NO_LISTS),
  ]);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const results = useMemo(() => rankEntries(query, entries), [query, entries]);
  const list = useRef<HTMLUListElement>(null);
  const at = Math.min(active, results.length - 1);
  const optionId = (i: number) => `${id}-option-${i}`;

  const move = (i: number) => {
    setActive(i);
    document.getElementById(optionId(i))?.scrollIntoView({ block: "nearest" });
  };
  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    onClose();
    onRun(entry);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    const next =
      e.key === "ArrowDown"
        ? Math.min(last, at + 1)
        : e.key === "ArrowUp"
          ? Math.max(0, at - 1)
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : e.key === "PageDown"
                ? Math.min(last, at + 8)
                : e.key === "PageUp"
                  ? Math.max(0, at - 8)
                  : undefined;
    if (next !== undefined) {
      e.preventDefault();
      if (last >= 0) move(next);
    } else if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      choose(results[at]?.entry);
    }
  };

  return (
    <ModalDialog label="Command palette" onClose={onClose} className="fixed inset-0 h-full w-full">
      <div className="mx-auto mt-[12vh] flex max-h-[70vh] w-full max-w-xl flex-col overflow-hidden rounded-lg bg-white text-sm text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100">
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={at >= 0 ? optionId(at) : undefined}
          aria-label="Search actions, tabs, tools, resources and prompts"
          placeholder="Type an action, a tab, or a tool, resource or prompt name…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={keys}
          className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none dark:border-slate-700"
        />
        <ul
          ref={list}
          role="listbox"
          id={`${id}-list`}
          aria-label="Results"
          className="min-h-0 flex-1 overflow-y-auto py-1"
        >
          {results.map((r, i) => (
            <li
              key={r.entry.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === at}
              onClick={() => choose(r.entry)}
              onMouseMove={() => i !== at && setActive(i)}
              className={`flex cursor-pointer items-baseline gap-2 px-4 py-1.5 ${i === at ? "bg-indigo-100 dark:bg-indigo-950" : ""}`}
            >
              <span className="w-28 shrink-0 text-xs text-slate-600 dark:text-slate-400">
                {KIND_LABELS[r.entry.kind]}
              </span>
              <span className="min-w-0 flex-1">
                <span className={`block truncate ${r.entry.kind === "action" || r.entry.kind === "tab" ? "" : "mono"}`}>
                  {highlightParts(r.entry.label, r.ranges).map((p, k) =>
                    p.hit ? (
                      <mark key={k} className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-700/70">
                        {p.text}
                      </mark>
                    ) : (
                      <span key={k}>{p.text}</span>
                    ),
                  )}
                </span>
                {r.entry.detail && (
                  <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{r.entry.detail}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
        {results.length === 0 && (
          <p className="px-4 py-3 text-slate-600 dark:text-slate-400">Nothing matches “{query}”.</p>
        )}
        <p className="sr-only" aria-live="polite">
          {results.length} {results.length === 1 ? "result" : "results"}
        </p>
        <p className="border-t border-slate-200 px-4 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          ↑↓ to move · Enter to run · Esc to close
        </p>
      </div>
    </ModalDialog>
  );
}
