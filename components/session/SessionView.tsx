"use client";
import { useMemo, useState, type ReactNode } from "react";
import { appTools } from "@/lib/apps";
import { AppsView } from "../apps/AppsView";
import { queryMatcher, resendText } from "@/lib/inspect";
import { LIST_METHODS } from "@/lib/session";
import type { InspectorSession } from "@/lib/session";
import type { ListKind, SessionState } from "@/lib/base";
import { useStore } from "../hooks/useStore";
import { HandshakeView } from "../handshake/HandshakeView";
import { TrafficPanel } from "../traffic/TrafficPanel";
import { COMPOSER_TEXT, Composer } from "../composer/Composer";
import { setSessionMemory, useSessionMemory } from "../hooks/useSessionMemory";
import { FlowView } from "../flow/FlowView";
import { DiffView, type DiffCandidate } from "../diff/DiffView";
import { TimingView } from "../timing/TimingView";
import { ToolsView } from "../tools/ToolsView";
import { LogCount, LogsView } from "../features/LogsView";
import { PromptsView } from "../features/PromptsView";
import { ResourcesView } from "../features/ResourcesView";
import { TemplatesView } from "../features/TemplatesView";
import { StatusBar } from "./StatusBar";
import { ClientPanel } from "../client/ClientPanel";
import { ChecksView } from "../checks/ChecksView";
import { DockSplit } from "./DockSplit";
import { usePaletteSession } from "../palette/hub";

/** Where each list's view remembers its pick (useSessionMemory keys), for the palette to set. */
const SELECTED_KEY: Record<ListKind, string> = {
  tools: "tools.selected",
  resources: "resources.selected",
  resourceTemplates: "templates.selected",
  prompts: "prompts.selected",
};
import { AuthorizationPanel } from "../auth/AuthorizationPanel";

export type Tab = "handshake" | ListKind | "apps" | "logs" | "flow" | "timing" | "composer" | "diff" | "checks";

/** What a tab's body may need. */
export interface TabContext {
  session: InspectorSession;
  state: SessionState;
  others: DiffCandidate[];
  /** The traffic query's matcher (null: no query), shared by the traffic list, the diagram and the waterfall. */
  match: ReturnType<typeof queryMatcher>["match"];
  /** Put a query in the traffic panel's search box. */
  showInTraffic: (query: string) => void;
  /** Switch to another tab. */
  openTab: (tab: Tab) => void;
}

/** Each tab's body. */
export const TAB_BODIES: Record<Tab, (c: TabContext) => ReactNode> = {
  handshake: ({ session }) => <HandshakeView session={session} />,
  tools: ({ session, state }) => <ToolsView session={session} state={state} />,
  resources: ({ session, state }) => <ResourcesView session={session} state={state} />,
  resourceTemplates: ({ session, state }) => <TemplatesView session={session} state={state} />,
  prompts: ({ session, state }) => <PromptsView session={session} state={state} />,
  apps: ({ session, state, openTab }) => <AppsView session={session} state={state} openTool={() => openTab("tools")} />,
  logs: ({ session }) => <LogsView session={session} />,
  flow: ({ session, state, match }) => (
    <FlowView log={session.log} protocolVersion={state.protocolVersion} match={match} />
  ),
  timing: ({ session, match }) => <TimingView log={session.log} match={match} />,
  composer: ({ session }) => <Composer session={session} />,
  diff: ({ session, others }) => <DiffView session={session} candidates={others} />,
  checks: ({ session, showInTraffic }) => <ChecksView session={session} onShowInTraffic={showInTraffic} />,
};

/** One connection's session: status, handshake, capability lists and the traffic panel. */
export function SessionView({ session, others = [] }: { session: InspectorSession; others?: DiffCandidate[] }) {
  const state = useStore(session.store);
  // The tab is the session's: switching connections and back finds it where it was.
  const [tab, setTab] = useSessionMemory<Tab>(session, "tab", "handshake");
  const [toolsOpened, setToolsOpened] = useState(false);
  if (tab === "tools" && !toolsOpened) setToolsOpened(true);
  // One traffic query for the list, the diagram and the waterfall.
  const [query, setQuery] = useState("");
  const match = useMemo(() => queryMatcher(query, session.log).match, [query, session.log]);
  const appCount = useMemo(() => appTools(state.lists.tools.items).length, [state.lists.tools.items]);
  const tabs: { id: Tab; label: string; count?: number; setAside?: number }[] = [
    { id: "handshake", label: "Handshake" },
    ...LIST_METHODS.map((m) => ({
      id: m.kind,
      label: m.label,
      count: state.lists[m.kind].status === "ready" ? state.lists[m.kind].items.length : undefined,
      setAside: state.lists[m.kind].invalid?.length,
    })),
    // Only for a server with MCP App views (issue 15).
    ...(appCount > 0 ? [{ id: "apps" as const, label: "Apps", count: appCount }] : []),
    { id: "logs", label: "Logs" },
    { id: "flow", label: "Flow" },
    { id: "timing", label: "Timing" },
    { id: "composer", label: "Composer" },
    { id: "diff", label: "Compare" },
    { id: "checks", label: "Checks" },
  ];
  // The command palette reaches every tab and every listed entry by name.
  usePaletteSession({
    tabs,
    lists: {
      tools: state.lists.tools.items,
      resources: state.lists.resources.items,
      resourceTemplates: state.lists.resourceTemplates.items,
      prompts: state.lists.prompts.items,
    },
    openTab: (id) => tabs.some((t) => t.id === id) && setTab(id as Tab),
    openItem: (kind, key) => {
      setSessionMemory(session, SELECTED_KEY[kind], key);
      setTab(kind);
    },
  });
  return (
    <div className="flex h-full min-h-0 flex-col">
      <StatusBar session={session} />
      <AuthorizationPanel session={session} />
      <ClientPanel session={session} />
      <div
        role="tablist"
        aria-label="Session views"
        aria-orientation="horizontal"
        // Too many tabs for a narrow window: the strip scrolls on its own, the page never gets wider.
        className="flex min-w-0 shrink-0 gap-1 overflow-x-auto border-b border-slate-200 px-3 dark:border-slate-800"
        onKeyDown={(e) => {
          const at = tabs.findIndex((t) => t.id === tab);
          const next =
            e.key === "ArrowRight"
              ? (at + 1) % tabs.length
              : e.key === "ArrowLeft"
                ? (at - 1 + tabs.length) % tabs.length
                : e.key === "Home"
                  ? 0
                  : e.key === "End"
                    ? tabs.length - 1
                    : -1;
          if (next < 0) return;
          e.preventDefault();
          setTab(tabs[next]!.id);
          const button = document.getElementById(`tab-${tabs[next]!.id}`);
          button?.focus();
          button?.scrollIntoView({ block: "nearest", inline: "nearest" });
        }}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap ${tab === t.id ? "border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400"}`}
          >
            {t.label}
            {t.id === "logs" && <LogCount features={session.features} />}
            {t.count !== undefined && (
              <span
                className="ml-1.5 rounded-full bg-slate-200 px-1.5 text-xs dark:bg-slate-800"
                data-testid={`count-${t.id}`}
              >
                {t.count}
              </span>
            )}
            {t.setAside ? (
              <span
                className="ml-1 rounded-full bg-amber-100 px-1.5 text-xs text-amber-800 dark:bg-amber-900/60 dark:text-amber-200"
                title="entries set aside: they do not match the MCP schema"
              >
                +{t.setAside} invalid
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <DockSplit
        top={
          <>
            {/* Tools stays mounted once opened: a running MCP App view lives on while another tab is looked at. */}
            {(toolsOpened || tab === "tools") && (
              <TabBody id="tools" hidden={tab !== "tools"}>
                {TAB_BODIES.tools({ session, state, others, match, showInTraffic: setQuery, openTab: setTab })}
              </TabBody>
            )}
            {tab !== "tools" && (
              <TabBody id={tab}>
                {TAB_BODIES[tab]({ session, state, others, match, showInTraffic: setQuery, openTab: setTab })}
              </TabBody>
            )}
          </>
        }
        bottom={
          <TrafficPanel
            log={session.log}
            protocolVersion={state.protocolVersion}
            query={query}
            onQuery={setQuery}
            onEdit={
              state.recording
                ? undefined
                : (raw) => {
                    setSessionMemory(session, COMPOSER_TEXT, resendText(raw));
                    setTab("composer");
                  }
            }
          />
        }
      />
    </div>
  );
}

/**
 * A tab's panel. A kept panel that is not shown (Tools, behind another tab) is invisible and takes
 * no room, but stays laid out: a picture-in-picture MCP App view in it (`visible` itself) still
 * floats over the page, as a host's would.
 */
function TabBody({ id, hidden = false, children }: { id: Tab; hidden?: boolean; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={`panel-${id}`}
      aria-labelledby={`tab-${id}`}
      tabIndex={hidden ? -1 : 0}
      data-hidden={hidden || undefined}
      style={hidden ? { visibility: "hidden", height: 0 } : undefined}
      className="h-full overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
    >
      {children}
    </div>
  );
}
