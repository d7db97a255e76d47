"use client";
import { useEffect, useRef, useState } from "react";
import type { CallToolResult, Tool } from "@modelcontextprotocol/client";
import { appResourceOf, AppViewHost, type AppTool } from "@/lib/apps";
import { errorMessage } from "@/lib/base";
import type { InspectorSession } from "@/lib/session";
import type { CallRecord } from "@/lib/tools";
import { BUTTON, NOTE, PRE, WARN } from "../results/ui";
import { DISPLAY_MODES, HostContextPanel, type DisplayMode, type ViewTheme } from "./HostContextPanel";

type ModelInput = { kind: "message" | "model-context"; params: unknown };
type LinkAsk = { url: string; answer: (ok: boolean) => void };

/**
 * An MCP App view for a finished tool call (issue 15): the tool's `ui://` resource read through the
 * live session and run by lib/apps' host in the sandbox page (an opaque origin with the CSP its
 * resource declares; docs/security.md rule 20). Links open only after the person confirms the URL.
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
  const [problem, setProblem] = useState<string>();
  const [ready, setReady] = useState(false);
  const [inputs, setInputs] = useState<ModelInput[]>([]);
  const [link, setLink] = useState<LinkAsk>();
  const [reports, setReports] = useState<string[]>([]);
  const [theme, setTheme] = useState<ViewTheme>(pageTheme);
  const [displayMode, setDisplayMode] = useState<DisplayMode>("inline");
  const hostRef = useRef<AppViewHost>(undefined);
  const initial = useRef({ theme, displayMode });

  useEffect(() => {
    hostRef.current?.setContext({ theme, displayMode });
  }, [theme, displayMode]);

  useEffect(() => {
    const client = session.client;
    const uri = app.resourceUri;
    const outcome = call.outcome;
    if (!client || !uri || !outcome || !frame.current) return;
    let host: AppViewHost | undefined;
    let gone = false;
    const result: Promise<CallToolResult> =
      outcome.kind === "result" ? Promise.resolve(outcome.result) : Promise.reject(new Error(outcome.message));
    result.catch(() => {});
    void (async () => {
      try {
        const resource = appResourceOf(uri, await client.readResource({ uri }));
        if (gone) return;
        if (!resource.ok) return setProblem(resource.problem);
        host = new AppViewHost({
          client,
          log: session.log,
          viewId: `${tool.name}#${call.id}`,
          tool,
          resource,
          args: (call.args ?? {}) as Record<string, unknown>,
          result,
          hostContext: hostContext(frame.current!, initial.current),
          confirmOpenLink: (url) => new Promise((answer) => setLink({ url, answer })),
          onModelInput: (kind, params) => setInputs((list) => [...list.slice(-49), { kind, params }]),
          onInitialized: () => setReady(true),
          onDisplayMode: setDisplayMode,
          onProblem: (message) => setReports((list) => [...list.slice(-19), message]),
        });
        hostRef.current = host;
        await host.start(frame.current!);
      } catch (error) {
        if (!gone) setProblem(errorMessage(error));
      }
    })();
    return () => {
      gone = true;
      hostRef.current = undefined;
      void host?.close();
    };
  }, [session, tool, app.resourceUri, call.id, call.args, call.outcome]);

  return (
    <section aria-label="MCP App view" className="flex flex-col gap-1">
      <p className={NOTE}>
        MCP App view <span className="mono">{app.resourceUri}</span>: runs with scripts in a sandboxed, opaque origin;
        reaches only the domains its resource declares. {ready ? "Initialized." : "Starting…"}
      </p>
      {problem && (
        <p role="alert" className={WARN}>
          The view could not run: {problem}
        </p>
      )}
      <HostContextPanel theme={theme} displayMode={displayMode} onTheme={setTheme} onDisplayMode={setDisplayMode} />
      <iframe
        ref={frame}
        sandbox="allow-scripts"
        title={`MCP App view of ${tool.name}`}
        referrerPolicy="no-referrer"
        className={`block rounded border border-slate-200 dark:border-slate-700 ${theme === "dark" ? "bg-slate-900" : "bg-white"} ${FRAME_SIZE[displayMode]}`}
      />
      {reports.length > 0 && (
        <ul aria-label="View problems" className={WARN}>
          {reports.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {link && (
        <div role="alertdialog" aria-label="Open link" className={WARN}>
          <p>
            The view asks to open <span className="mono break-all">{link.url}</span>
          </p>
          <button type="button" className={BUTTON} onClick={() => (link.answer(true), setLink(undefined))}>
            Open
          </button>{" "}
          <button type="button" className={BUTTON} onClick={() => (link.answer(false), setLink(undefined))}>
            Refuse
          </button>
        </div>
      )}
      {inputs.length > 0 && (
        <div aria-label="What the model would see" className="flex flex-col gap-1">
          <p className={NOTE}>What the model would see (from the view)</p>
          {inputs.map((input, i) => (
            <pre key={i} className={PRE}>
              {input.kind === "message" ? "ui/message " : "ui/update-model-context "}
              {JSON.stringify(input.params, null, 2)}
            </pre>
          ))}
        </div>
      )}
    </section>
  );
}

const FRAME_SIZE: Record<DisplayMode, string> = {
  inline: "h-80 w-full",
  fullscreen: "h-[80vh] w-full",
  pip: "h-60 w-80 self-end",
};

function pageTheme(): ViewTheme {
  const explicit = document.documentElement.dataset.theme;
  if (explicit === "dark" || explicit === "light") return explicit;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function hostContext(frame: HTMLIFrameElement, chosen: { theme: ViewTheme; displayMode: DisplayMode }) {
  return {
    theme: chosen.theme,
    displayMode: chosen.displayMode,
    availableDisplayModes: DISPLAY_MODES,
    containerDimensions: { maxHeight: 2000, width: frame.clientWidth || 600 },
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    userAgent: "MCP Lens",
    platform: "web" as const,
  };
}
