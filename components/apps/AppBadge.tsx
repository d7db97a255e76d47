"use client";
import type { Tool } from "@modelcontextprotocol/client";
import { appToolOf } from "@/lib/apps";

/** "App" on a tool whose `_meta.ui.resourceUri` names a `ui://` view (issue 15); amber when that URI is bad. */
export function AppBadge({ tool, compact = false }: { tool: Tool; compact?: boolean }) {
  const app = appToolOf(tool);
  if (!app) return null;
  const size = compact ? "text-[10px]" : "text-xs";
  if (app.problem)
    return (
      <span title={app.problem} className={`shrink-0 rounded bg-amber-100 px-1 ${size} text-amber-900`}>
        App?
      </span>
    );
  const hidden = !app.visibility.includes("model") ? ", app only" : "";
  return (
    <span
      title={`Has an MCP App view: ${app.resourceUri}${hidden}`}
      className={`shrink-0 rounded bg-violet-100 px-1 ${size} text-violet-800 dark:bg-violet-950 dark:text-violet-200`}
    >
      App{hidden ? " only" : ""}
    </span>
  );
}
