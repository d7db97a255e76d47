"use client";
import type { Tool } from "@modelcontextprotocol/client";
import { SearchableList } from "../lists/SearchableList";
import { AnnotationBadges } from "./AnnotationBadges";
import { AppBadge } from "../apps/AppBadge";
import { SpokenAs } from "../common/SpokenAs";

// Room for a name on two lines and the badge line: a long name wraps instead of being cut.
const ROW_HEIGHT = 64;
const haystack = (t: Tool) => `${t.name}\n${t.title ?? ""}\n${t.annotations?.title ?? ""}\n${t.description ?? ""}`;

/** The server's tools: searchable by name, title and description as you type; virtualized for thousands. */
export function ToolList({
  tools,
  selected,
  onSelect,
}: {
  tools: Tool[];
  selected?: string;
  onSelect: (name: string) => void;
}) {
  return (
    <SearchableList
      label="Tools"
      items={tools}
      haystack={haystack}
      role="listbox"
      listLabel="Tools"
      rowHeight={ROW_HEIGHT}
      selection={{
        isSelected: (tool) => tool.name === selected,
        onSelect: (tool) => onSelect(tool.name),
        name: (tool) => tool.name,
      }}
      renderRow={(tool, style) => {
        const active = tool.name === selected;
        return (
          <div
            key={tool.name}
            role="option"
            aria-selected={active}
            tabIndex={active ? 0 : -1}
            style={style}
            onClick={() => onSelect(tool.name)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") onSelect(tool.name);
            }}
            className={`flex cursor-pointer flex-col justify-center overflow-hidden border-b border-slate-100 px-3 py-1 text-sm dark:border-slate-800 ${active ? "bg-indigo-50 dark:bg-indigo-950" : "hover:bg-slate-50 dark:hover:bg-slate-900"}`}
          >
            {/* The name has its own lines (badges never cut it; it wraps, up to two lines) and its whole text as a tooltip. */}
            <SpokenAs name={tool.name}>
              <div className="mono line-clamp-2 leading-5 font-medium [overflow-wrap:anywhere]" title={tool.name}>
                {tool.name}
              </div>
              <div className="flex min-w-0 items-center gap-1.5">
                <AppBadge tool={tool} compact />
                <AnnotationBadges tool={tool} compact />
                <p className="min-w-0 truncate text-xs text-slate-600 dark:text-slate-400">
                  {tool.title ?? tool.annotations?.title ?? tool.description}
                </p>
              </div>
            </SpokenAs>
          </div>
        );
      }}
    />
  );
}
