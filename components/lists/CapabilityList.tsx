"use client";
import { useDeferredValue, useMemo, useState } from "react";
import type { ListKind, SessionState } from "@/lib/base";
import { LIST_METHODS } from "@/lib/session";
import { VirtualList } from "../common/VirtualList";

const ROW_HEIGHT = 44;
const noop = () => {};

interface Item {
  name?: string;
  title?: string;
  description?: string;
  uri?: string;
  uriTemplate?: string;
  mimeType?: string;
}

/** One capability list (tools, resources, templates or prompts), in full, with a count and a search box. */
export function CapabilityList({ kind, state, onRefresh }: { kind: ListKind; state: SessionState; onRefresh: () => void }) {
  const list = state.lists[kind];
  const label = LIST_METHODS.find((m) => m.kind === kind)!.label;
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.toLowerCase());
  const items = list.items as Item[];
  const shown = useMemo(
    () => (deferred ? items.filter((i) => `${i.name ?? ""} ${i.title ?? ""} ${i.description ?? ""} ${i.uri ?? i.uriTemplate ?? ""}`.toLowerCase().includes(deferred)) : items),
    [items, deferred],
  );

  if (list.status === "idle") return <p className="p-4 text-sm text-slate-500">Not loaded: connect first.</p>;
  if (list.status === "unsupported") return <p className="p-4 text-sm text-slate-500">The server does not declare this capability.</p>;
  return (
    <section aria-label={label} className="flex h-full flex-col text-sm">
      <div className="flex items-center gap-2 border-b border-slate-100 px-4 py-2 dark:border-slate-800">
        <span className="font-medium" aria-live="polite">{items.length} {label.toLowerCase()}</span>
        {list.status === "loading" && <span className="text-slate-500">loading…</span>}
        {list.reason === "list_changed" && <span className="text-xs text-amber-700 dark:text-amber-400">refreshed after list_changed</span>}
        <input aria-label={`Search ${label.toLowerCase()}`} placeholder="Search" value={query} onChange={(e) => setQuery(e.target.value)} className="input ml-auto w-56" />
        <button type="button" onClick={onRefresh} className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-700">Refresh</button>
      </div>
      {list.status === "error" && <p role="alert" className="px-4 py-2 text-red-700 dark:text-red-300">Could not load {label.toLowerCase()}: {list.error}</p>}
      <VirtualList
        role="list"
        aria-label={`${label} list`}
        className="min-h-0 flex-1"
        count={shown.length}
        rowHeight={ROW_HEIGHT}
        following={false}
        onFollowingChange={noop}
        renderRow={(i, style) => {
          const item = shown[i]!;
          return (
            <div role="listitem" key={`${item.name ?? item.uri ?? ""}-${i}`} style={style} className="overflow-hidden border-b border-slate-100 px-4 py-1 dark:border-slate-800">
              <div className="truncate">
                <span className="mono font-medium">{item.name ?? item.uri}</span>
                {item.title && item.title !== item.name && <span className="ml-2 text-slate-600 dark:text-slate-400">{item.title}</span>}
                {(item.uri || item.uriTemplate) && item.name && <span className="mono ml-2 text-xs text-slate-500">{item.uri ?? item.uriTemplate}</span>}
                {item.mimeType && <span className="ml-2 text-xs text-slate-500">{item.mimeType}</span>}
              </div>
              {item.description && <p className="truncate text-xs text-slate-600 dark:text-slate-400">{item.description}</p>}
            </div>
          );
        }}
      />
    </section>
  );
}
