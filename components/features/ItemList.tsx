"use client";
import { useDeferredValue, useMemo, useState, type ReactNode } from "react";
import { VirtualList } from "../common/VirtualList";

const ROW_HEIGHT = 52;
const noop = () => {};

export interface ListEntry {
  /** Unique key and the option's accessible name. */
  id: string;
  primary: string;
  secondary?: string;
  /** Searched together with primary and secondary. */
  haystack?: string;
  badge?: ReactNode;
}

/**
 * A searchable, virtualized list of resources, templates or prompts, one button per row (named by its URI or name).
 * Every string is server data and renders as text.
 */
export function ItemList({ label, entries, selected, onSelect }: { label: string; entries: ListEntry[]; selected?: string; onSelect: (id: string) => void }) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const haystacks = useMemo(() => entries.map((e) => `${e.id}\n${e.primary}\n${e.secondary ?? ""}\n${e.haystack ?? ""}`.toLowerCase()), [entries]);
  const shown = useMemo(() => (deferred ? entries.filter((_, i) => haystacks[i]!.includes(deferred)) : entries), [entries, haystacks, deferred]);
  return (
    <div className="flex h-full min-h-0 flex-col border-r border-slate-200 dark:border-slate-800">
      <div className="flex items-center gap-2 p-2">
        <input aria-label={`Search ${label.toLowerCase()}`} placeholder={`Search ${entries.length} ${label.toLowerCase()}`} value={query} onChange={(e) => setQuery(e.target.value)} className="input min-w-0 flex-1" />
        <span className="text-xs text-slate-500" aria-live="polite">{shown.length}</span>
      </div>
      {entries.length === 0 ? (
        <p className="p-3 text-sm text-slate-500">None listed by the server.</p>
      ) : (
        <VirtualList
          role="list"
          aria-label={`${label} list`}
          className="min-h-0 flex-1"
          count={shown.length}
          rowHeight={ROW_HEIGHT}
          following={false}
          onFollowingChange={noop}
          renderRow={(i, style) => {
            const entry = shown[i]!;
            const active = entry.id === selected;
            return (
              <div key={entry.id} role="listitem" style={style} className="overflow-hidden border-b border-slate-100 dark:border-slate-800">
                <button
                  type="button"
                  aria-label={entry.id}
                  aria-current={active || undefined}
                  onClick={() => onSelect(entry.id)}
                  className={`block h-full w-full cursor-pointer px-3 py-1 text-left text-sm ${active ? "bg-indigo-50 dark:bg-indigo-950" : "hover:bg-slate-50 dark:hover:bg-slate-900"}`}
                >
                  <span className="flex items-center gap-1.5">
                    <span className="mono truncate font-medium">{entry.primary}</span>
                    {entry.badge}
                  </span>
                  {entry.secondary && <span className="mono block truncate text-xs text-slate-600 dark:text-slate-400">{entry.secondary}</span>}
                </button>
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
