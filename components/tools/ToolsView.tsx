"use client";
import { useDeferredValue } from "react";
import { useSessionMemory } from "../hooks/useSessionMemory";
import type { InspectorSession } from "@/lib/session";
import type { SessionState } from "@/lib/base";
import { ListFrame } from "../lists/ListFrame";
import { ToolList } from "./ToolList";
import { ToolPanel } from "./ToolPanel";

/** The Tools tab: the list on the left, the selected tool on the right. */
export function ToolsView({ session, state }: { session: InspectorSession; state: SessionState }) {
  const list = state.lists.tools;
  const [selected, setSelected] = useSessionMemory<string | undefined>(session, "tools.selected", undefined);
  // The list marks the pick at once; the tool's panel (a form of hundreds of fields, maybe) renders
  // as a transition, which React cuts into slices: no long task however big the form.
  const shown = useDeferredValue(selected);
  const tool = list.items.find((t) => t.name === shown);
  return (
    <ListFrame
      kind="tools"
      list={list}
      width="w-56 xl:w-80"
      side={<ToolList tools={list.items} selected={selected} onSelect={setSelected} />}
    >
      {tool ? (
        <ToolPanel key={tool.name} session={session} tool={tool} />
      ) : (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Choose a tool to call it.</p>
      )}
    </ListFrame>
  );
}
