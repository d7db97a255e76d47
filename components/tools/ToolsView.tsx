"use client";
import { useSessionMemory } from "../hooks/useSessionMemory";
import type { InspectorSession } from "@/lib/session";
import type { SessionState } from "@/lib/base";
import { InvalidEntries } from "../lists/InvalidEntries";
import { ToolList } from "./ToolList";
import { ToolPanel } from "./ToolPanel";

/** The Tools tab: the list on the left, the selected tool on the right. */
export function ToolsView({ session, state }: { session: InspectorSession; state: SessionState }) {
  const list = state.lists.tools;
  const [selected, setSelected] = useSessionMemory<string | undefined>(session, "tools.selected", undefined);
  if (list.status === "idle") return <p className="p-4 text-sm text-slate-500">Not loaded: connect first.</p>;
  if (list.status === "unsupported") return <p className="p-4 text-sm text-slate-500">The server does not declare the tools capability.</p>;
  const tool = list.items.find((t) => t.name === selected);
  return (
    <div className="flex h-full min-h-0">
      <div className="w-56 shrink-0 xl:w-80">
        <ToolList tools={list.items} selected={selected} onSelect={setSelected} />
      </div>
      <div className="min-w-0 flex-1 scroll-pb-24 overflow-auto">
        {list.status === "error" && <p role="alert" className="p-4 text-red-700">Could not load tools: {list.error}</p>}
        <InvalidEntries entries={list.invalid} noun="tool" usable={list.items.length} />
        {tool ? <ToolPanel key={tool.name} session={session} tool={tool} /> : <p className="p-4 text-sm text-slate-500">Choose a tool to call it.</p>}
      </div>
    </div>
  );
}
