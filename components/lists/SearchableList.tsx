"use client";
import {
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { VirtualList, type VirtualListHandle } from "../common/VirtualList";
import { listKeyTarget } from "./listKeys";

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
  /**
   * A listbox whose selection follows the keyboard: arrows, Home/End, Page Up/Down and type-ahead
   * (on `name`) pick an item; ArrowDown in the search box goes to the list.
   */
  selection?: { isSelected: (item: T) => boolean; onSelect: (item: T) => void; name: (item: T) => string };
  /** A list of buttons: the current one (kept in view when it changes, as a listbox's pick is). */
  isCurrent?: (item: T) => boolean;
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
  selection,
  isCurrent,
}: SearchableListProps<T>) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const haystacks = useMemo(() => items.map((item) => haystack(item).toLowerCase()), [items, haystack]);
  const shown = useMemo(() => filterItems(items, haystacks, deferred), [items, haystacks, deferred]);
  const noun = label.toLowerCase();
  const list = useRef<VirtualListHandle>(null);
  const typed = useRef({ text: "", at: 0 });
  const activeIndex = selection ? shown.findIndex((item) => selection.isSelected(item)) : -1;
  // A pick made elsewhere (the command palette), or remembered from before the tab was left: in view.
  const picked = activeIndex >= 0 ? shown[activeIndex] : isCurrent ? shown.find(isCurrent) : undefined;
  useEffect(() => {
    if (picked !== undefined) list.current?.scrollToIndex(shown.indexOf(picked));
    // Only when the picked item changes, not when a search moves it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked]);

  const pick = (index: number) => {
    if (!selection || index < 0 || index >= shown.length) return;
    selection.onSelect(shown[index]!);
    list.current?.scrollToIndex(index);
    // The picked option holds the tab stop once rendered: move the focus to it.
    requestAnimationFrame(() =>
      list.current?.element()?.querySelector<HTMLElement>('[role="option"][aria-selected="true"]')?.focus(),
    );
  };
  const onListKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!selection || e.altKey || e.ctrlKey || e.metaKey) return;
    const now = performance.now();
    if (e.key.length === 1 && e.key !== " ") {
      typed.current = { text: (now - typed.current.at < 700 ? typed.current.text : "") + e.key.toLowerCase(), at: now };
    }
    const target = listKeyTarget({
      key: e.key,
      current: activeIndex,
      count: shown.length,
      page: list.current?.pageSize() ?? 10,
      typed: typed.current.text,
      names: (i) => selection.name(shown[i]!),
    });
    if (target === undefined) return;
    e.preventDefault();
    pick(target);
  };
  return (
    <div className="flex h-full min-h-0 flex-col border-r border-slate-200 dark:border-slate-800">
      <div className="flex items-center gap-2 p-2">
        <input
          aria-label={`Search ${noun}`}
          placeholder={`Search ${items.length} ${noun}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (!selection || e.key !== "ArrowDown" || shown.length === 0) return;
            e.preventDefault();
            pick(activeIndex >= 0 ? activeIndex : 0);
          }}
          className="input min-w-0 flex-1"
        />
        <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {shown.length}
        </span>
      </div>
      {items.length === 0 && empty !== undefined ? (
        empty
      ) : (
        <VirtualList
          ref={list}
          role={role}
          activeIndex={activeIndex}
          onKeyDown={selection ? onListKeyDown : undefined}
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
