"use client";
import { useDeferredValue, useMemo, useState } from "react";
import type { Tool } from "@modelcontextprotocol/client";
import { VirtualList } from "../common/VirtualList";
import { AnnotationBadges } from "./AnnotationBadges";

const ROW_HEIGHT = 52;
const noop = () => {};

/** The server's tools: searchable by name, title and description as you type; virtualized for thousands. */
export function ToolList({ tools, selected, onSelect }: { tools: Tool[]; selected?: string; onSelect: (name: string) => void }) {
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const haystacks = useMemo(() => tools.map((t) => `${t.name}\n${t.title ?? ""}\n${t.annotations?.title ?? ""}\n${t.description ?? ""}`.toLowerCase()), [tools]);
  const shown = useMemo(() => (deferred ? tools.filter((_, i) => haystacks[i]!.includes(deferred)) : tools), [tools, haystacks, deferred]);
  return (
    <div className="flex h-full min-h-0 flex-col border-r border-slate-200 dark:border-slate-800">
      <div className="flex items-center gap-2 p-2">
        <input aria-label="Search tools" placeholder={`Search ${tools.length} tools`} value={query} onChange={(e) => setQuery(e.target.value)} className="input min-w-0 flex-1" />
        <span className="text-xs text-slate-500" aria-live="polite">{shown.length}</span>
      </div>
      <VirtualList
        role="listbox"
        aria-label="Tools"
        className="min-h-0 flex-1"
        count={shown.length}
        rowHeight={ROW_HEIGHT}
        following={false}
        onFollowingChange={noop}
        renderRow={(i, style) => {
          const tool = shown[i]!;
          const active = tool.name === selected;
          return (
            <div
              key={tool.name}
              role="option"
              aria-selected={active}
              aria-label={tool.name}
              tabIndex={active ? 0 : -1}
              style={style}
              onClick={() => onSelect(tool.name)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") onSelect(tool.name);
              }}
              className={`cursor-pointer overflow-hidden border-b border-slate-100 px-3 py-1 text-sm dark:border-slate-800 ${active ? "bg-indigo-50 dark:bg-indigo-950" : "hover:bg-slate-50 dark:hover:bg-slate-900"}`}
            >
              <div className="flex items-center gap-1.5">
                <span className="mono truncate font-medium">{tool.name}</span>
                <AnnotationBadges tool={tool} compact />
              </div>
              <p className="truncate text-xs text-slate-600 dark:text-slate-400">{tool.title ?? tool.annotations?.title ?? tool.description}</p>
            </div>
          );
        }}
      />
    </div>
  );
}
