"use client";
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
  const tool = list.items.find((t) => t.name === selected);
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
        <p className="p-4 text-sm text-slate-500">Choose a tool to call it.</p>
      )}
    </ListFrame>
  );
}
