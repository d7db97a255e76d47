"use client";
import { useDeferredValue, useMemo, useState, type CSSProperties, type ReactNode } from "react";
import { VirtualList } from "../common/VirtualList";

const noop = () => {};

/** The items whose text holds the query (trimmed, any case); every item for an empty query. */
export function filterItems<T>(items: readonly T[], haystacks: readonly string[], query: string): readonly T[] {
  const q = query.trim().toLowerCase();
  return q ? items.filter((_, i) => haystacks[i]!.includes(q)) : items;
}

export interface SearchableListProps<T> {
  /** Plural, capitalised ("Tools", "Resource templates"): names the search box "Search tools". */
  label: string;
  items: readonly T[];
  /** The text searched for an item (lower-cased here). */
  haystack: (item: T) => string;
  /** The list's role and name: a listbox of options, or a list of items holding buttons. */
  role: "list" | "listbox";
  listLabel: string;
  rowHeight: number;
  /** One row: must use `style` (the virtual list places it). */
  renderRow: (item: T, style: CSSProperties) => ReactNode;
  /** Shown instead of the list when there are no items at all. */
  empty?: ReactNode;
}

/**
 * A search box over a virtualized list: filters as you type (deferred, so typing stays quick on
 * thousands of rows) and says how many match. Used by the tools, resources, templates and prompts lists.
 */
export function SearchableList<T>({
  label,
  items,
  haystack,
  role,
  listLabel,
  rowHeight,
  renderRow,
  empty,
}: SearchableListProps<T>) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const haystacks = useMemo(() => items.map((item) => haystack(item).toLowerCase()), [items, haystack]);
  const shown = useMemo(() => filterItems(items, haystacks, deferred), [items, haystacks, deferred]);
  const noun = label.toLowerCase();
  return (
    <div className="flex h-full min-h-0 flex-col border-r border-slate-200 dark:border-slate-800">
      <div className="flex items-center gap-2 p-2">
        <input
          aria-label={`Search ${noun}`}
          placeholder={`Search ${items.length} ${noun}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="input min-w-0 flex-1"
        />
        <span className="text-xs text-slate-500" aria-live="polite">
          {shown.length}
        </span>
      </div>
      {items.length === 0 && empty !== undefined ? (
        empty
      ) : (
        <VirtualList
          role={role}
          aria-label={listLabel}
          className="min-h-0 flex-1"
          count={shown.length}
          rowHeight={rowHeight}
          following={false}
          onFollowingChange={noop}
          renderRow={(i, style) => renderRow(shown[i]!, style)}
        />
      )}
    </div>
  );
}
