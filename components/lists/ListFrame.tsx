"use client";
import type { ReactNode } from "react";
import { LIST_METHODS } from "@/lib/session";
import type { ListKind, ListState } from "@/lib/base";
import { ALERT, BUTTON, NOTE } from "../features/ui";
import { InvalidEntries } from "./InvalidEntries";

/** Per list: what one entry is called (entries set aside) and the Refresh button's name. */
const WORDS: Record<ListKind, { noun: string; refresh: string }> = {
  tools: { noun: "tool", refresh: "Refresh tools" },
  resources: { noun: "resource", refresh: "Refresh resources" },
  resourceTemplates: { noun: "template", refresh: "Refresh templates" },
  prompts: { noun: "prompt", refresh: "Refresh prompts" },
};

export interface ListFrameProps {
  kind: ListKind;
  list: ListState<unknown>;
  /** With it, a bar above the list: loading…, "refreshed after list_changed", and a Refresh button. */
  onRefresh?: () => void;
  /** The list column's width classes. */
  width?: string;
  /** The list (search box and rows). */
  side: ReactNode;
  /** The selected entry's panel, or a hint to choose one. */
  children: ReactNode;
}

/**
 * The frame of the tools, resources, templates and prompts tabs: "connect first" before the list
 * is loaded, "not declared" when the server lacks the capability; otherwise the list on the left
 * and, on the right, a load error, the entries set aside and the selected entry.
 */
export function ListFrame({ kind, list, onRefresh, width = "w-80", side, children }: ListFrameProps) {
  const spec = LIST_METHODS.find((m) => m.kind === kind)!;
  const words = WORDS[kind];
  if (list.status === "idle")
    return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Not loaded: connect first.</p>;
  if (list.status === "unsupported")
    return (
      <p className="p-4 text-sm text-slate-600 dark:text-slate-400">{`The server does not declare the ${spec.capability} capability.`}</p>
    );
  return (
    <div className="flex h-full min-h-0">
      <div className={`flex ${width} shrink-0 flex-col`}>
        {onRefresh && (
          <div className="flex items-center gap-2 border-b border-slate-100 px-2 py-1 text-xs dark:border-slate-800">
            {list.status === "loading" && <span className={NOTE}>loading…</span>}
            {list.reason === "list_changed" && (
              <span className="text-amber-700 dark:text-amber-400">refreshed after list_changed</span>
            )}
            <button type="button" onClick={onRefresh} className={`ml-auto ${BUTTON}`}>
              {words.refresh}
            </button>
          </div>
        )}
        <div className="min-h-0 flex-1">{side}</div>
      </div>
      <div className="min-w-0 flex-1 scroll-pb-24 overflow-auto">
        {list.status === "error" && (
          <p role="alert" className={`p-4 ${ALERT}`}>
            {`Could not load ${spec.label.toLowerCase()}: ${list.error ?? ""}`}
          </p>
        )}
        <InvalidEntries entries={list.invalid} noun={words.noun} usable={list.items.length} />
        {children}
      </div>
    </div>
  );
}
