"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Tool } from "@modelcontextprotocol/client";
import { CONTAINERS, defaultHostSettings, PIP_SIZE, type AppTool, type HostSettings } from "@/lib/apps";
import type { InspectorSession } from "@/lib/session";
import type { CallRecord } from "@/lib/tools";
import { useSessionMemory } from "../hooks/useSessionMemory";
import { BUTTON, NOTE, WARN } from "../results/ui";
import { HostContextPanel } from "./HostContextPanel";
import { useAppView, type ViewStatus } from "./useAppView";
import { DownloadConfirmation, LinkConfirmation, ModelInputs, ViewProblems } from "./ViewAsks";

const STATUS: Record<ViewStatus, string> = {
  starting: "Starting…",
  initialized: "Initialized.",
  stalled: "Not initialized (see the problems below).",
  closed: "Closed: the view asked to be closed. Call the tool again to reopen it.",
};

/**
 * An MCP App view for a finished tool call (issue 15): the tool's `ui://` resource run by lib/apps'
 * host in the sandbox page (an opaque origin with the CSP its resource declares; docs/security.md
 * rule 20), shown inline, fullscreen or picture-in-picture as the host panel (or the view) asks.
 * Links open only after the person confirms the URL.
 */
export function AppViewFrame({
  session,
  tool,
  app,
  call,
}: {
  session: InspectorSession;
  tool: Tool;
  app: AppTool;
  call: CallRecord;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const section = useRef<HTMLElement>(null);
  const [defaults] = useState(() => defaultHostSettings(pageHost()));
  // The host the person picked stays for the session's next calls.
  const [settings, setSettings] = useSessionMemory<HostSettings>(session, "app-host-settings", defaults);
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  });
  const change = useCallback(
    (patch: Partial<HostSettings>) => setSettings({ ...latest.current, ...patch }),
    [setSettings],
  );
  const measure = useCallback(
    () => ({
      panelWidth: section.current?.clientWidth || 600,
      windowWidth: window.innerWidth,
      windowHeight: window.innerHeight,
    }),
    [],
  );
  const view = useAppView({ session, tool, app, call, frame, settings, onSettings: change, measure });
  const mode = settings.displayMode;

  useEffect(() => {
    if (mode !== "fullscreen") return;
    // An Escape a dialog over the view already took (the palette closing) leaves the view fullscreen.
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && !e.defaultPrevented && change({ displayMode: "inline" });
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, change]);

  const dark = settings.theme === "dark";
  // Inline: the preset's width (never wider than the panel) and the height the view asked for.
  const wrapperStyle = mode === "inline" ? { width: CONTAINERS[settings.container].width ?? "100%" } : undefined;
  const frameStyle = mode === "inline" ? { height: view.height ?? 320 } : mode === "pip" ? PIP_SIZE : undefined;
  return (
    <section ref={section} aria-label="MCP App view" className="flex flex-col gap-1">
      <p className={NOTE}>
        MCP App view <span className="mono">{app.resourceUri}</span>: runs with scripts in a sandboxed, opaque origin;
        reaches only the domains its resource declares. {STATUS[view.status]}
      </p>
      {view.failure && (
        <p role="alert" className={WARN}>
          The view could not run: {view.failure}
        </p>
      )}
      <HostContextPanel settings={settings} onChange={change} />
      {view.status !== "closed" && !view.failure && (
        <div
          aria-label={mode === "inline" ? undefined : `${mode === "pip" ? "Picture-in-picture" : "Fullscreen"} view`}
          role={mode === "inline" ? undefined : "region"}
          className={WRAPPER[mode]}
          style={wrapperStyle}
        >
          {mode !== "inline" && (
            <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-2 py-1 text-xs dark:border-slate-700">
              <span className="truncate">
                {mode === "pip" ? "Picture in picture" : "Fullscreen"}: {tool.name}
              </span>
              <button type="button" className={BUTTON} onClick={() => change({ displayMode: "inline" })}>
                {mode === "pip" ? "Back inline" : "Exit fullscreen (Esc)"}
              </button>
            </div>
          )}
          <iframe
            ref={frame}
            sandbox="allow-scripts"
            title={`MCP App view of ${tool.name}`}
            referrerPolicy="no-referrer"
            style={frameStyle}
            className={`block max-w-full border-0 ${mode === "pip" ? "" : "w-full"} ${mode === "fullscreen" ? "flex-1" : ""} ${dark ? "bg-slate-900" : "bg-white"}`}
          />
        </div>
      )}
      <ViewProblems reports={view.reports} />
      <LinkConfirmation link={view.link} answer={view.answerLink} />
      <DownloadConfirmation ask={view.download} answer={view.answerDownload} />
      <ModelInputs inputs={view.inputs} />
    </section>
  );
}

const WRAPPER: Record<HostSettings["displayMode"], string> = {
  inline: "rounded border border-slate-200 dark:border-slate-700 self-start max-w-full",
  fullscreen: "visible fixed inset-0 z-50 flex flex-col bg-white dark:bg-slate-950",
  pip: "visible fixed bottom-4 right-4 z-40 flex flex-col rounded border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900",
};

function pageHost() {
  const explicit = document.documentElement.dataset.theme;
  const theme =
    explicit === "dark" || explicit === "light"
      ? explicit
      : matchMedia("(prefers-color-scheme: dark)").matches
        ? "dark"
        : "light";
  return { theme, locale: navigator.language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } as const;
}
