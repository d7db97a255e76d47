"use client";
import { SpokenAs } from "../common/SpokenAs";
import type { ReactNode } from "react";
import { SearchableList } from "../lists/SearchableList";

const ROW_HEIGHT = 52;

export interface ListEntry {
  /** Unique key and the option's accessible name. */
  id: string;
  primary: string;
  secondary?: string;
  /** Searched together with primary and secondary. */
  haystack?: string;
  badge?: ReactNode;
}

const haystack = (e: ListEntry) => `${e.id}\n${e.primary}\n${e.secondary ?? ""}\n${e.haystack ?? ""}`;

/**
 * A searchable, virtualized list of resources, templates or prompts, one button per row (named by its URI or name).
 * Every string is server data and renders as text.
 */
export function ItemList({
  label,
  entries,
  selected,
  onSelect,
}: {
  label: string;
  entries: ListEntry[];
  selected?: string;
  onSelect: (id: string) => void;
}) {
  return (
    <SearchableList
      label={label}
      items={entries}
      haystack={haystack}
      role="list"
      listLabel={`${label} list`}
      rowHeight={ROW_HEIGHT}
      isCurrent={(entry) => entry.id === selected}
      empty={<p className="p-3 text-sm text-slate-600 dark:text-slate-400">None listed by the server.</p>}
      renderRow={(entry, style) => {
        const active = entry.id === selected;
        return (
          <div
            key={entry.id}
            role="listitem"
            style={style}
            className="overflow-hidden border-b border-slate-100 dark:border-slate-800"
          >
            <button
              type="button"
              aria-current={active || undefined}
              onClick={() => onSelect(entry.id)}
              className={`block h-full w-full cursor-pointer px-3 py-1 text-left text-sm ${active ? "bg-indigo-50 dark:bg-indigo-950" : "hover:bg-slate-50 dark:hover:bg-slate-900"}`}
            >
              <SpokenAs name={entry.id}>
                <span className="flex items-center gap-1.5">
                  <span className="mono truncate font-medium">{entry.primary}</span>
                  {entry.badge}
                </span>
                {entry.secondary && (
                  <span className="mono block truncate text-xs text-slate-600 dark:text-slate-400">
                    {entry.secondary}
                  </span>
                )}
              </SpokenAs>
            </button>
          </div>
        );
      }}
    />
  );
}
