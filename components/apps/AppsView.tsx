"use client";
import { useMemo } from "react";
import { appTools } from "@/lib/apps";
import type { SessionState } from "@/lib/base";
import type { InspectorSession } from "@/lib/session";
import { setSessionMemory } from "../hooks/useSessionMemory";
import { BADGE, BUTTON, NOTE, WARN } from "../results/ui";

/** The Apps tab (issue 15): the tools with an MCP App view, each one click from its form in Tools. */
export function AppsView({
  session,
  state,
  openTool,
}: {
  session: InspectorSession;
  state: SessionState;
  openTool: () => void;
}) {
  const apps = useMemo(() => appTools(state.lists.tools.items), [state.lists.tools.items]);
  return (
    <section aria-label="MCP Apps" className="flex flex-col gap-2 p-4 text-sm">
      <p className={NOTE}>
        Tools whose `_meta.ui.resourceUri` names a `ui://` view. Call one in Tools: its view runs under the result,
        sandboxed, and every message between view and host is in the traffic (`channel:app`).
      </p>
      <ul aria-label="Tools with a view" className="flex flex-col gap-1">
        {apps.map((app) => (
          <li key={app.name} className="flex flex-wrap items-center gap-2">
            <span className="mono font-medium">{app.name}</span>
            {app.resourceUri ? (
              <span className={`mono ${BADGE}`}>{app.resourceUri}</span>
            ) : (
              <span className={WARN}>{app.problem}</span>
            )}
            <span className={NOTE}>visible to: {app.visibility.join(", ") || "nobody"}</span>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                setSessionMemory(session, "tools.selected", app.name);
                openTool();
              }}
            >
              Open {app.name} in Tools
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
