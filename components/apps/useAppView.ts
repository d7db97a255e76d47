"use client";
import { useEffect, useRef, useState, type RefObject } from "react";
import type { CallToolResult, Tool } from "@modelcontextprotocol/client";
import {
  appResourceOf,
  AppViewHost,
  hostContextOf,
  type AppTool,
  type Downloadable,
  type HostMeasure,
  type HostSettings,
} from "@/lib/apps";
import { errorMessage } from "@/lib/base";
import type { InspectorSession } from "@/lib/session";
import type { CallRecord } from "@/lib/tools";

export type ModelInput = { kind: "message" | "model-context"; params: unknown };
export type LinkAsk = { url: string; answer: (ok: boolean) => void };
export type DownloadAsk = { files: Downloadable[]; answer: (ok: boolean) => void };
export type ViewStatus = "starting" | "initialized" | "stalled" | "closed";

export interface AppViewState {
  status: ViewStatus;
  /** Why the view could not run at all (its resource unreadable, not an app). */
  failure?: string;
  /** What went wrong inside the view, newest last. */
  reports: string[];
  /** `ui/message` and `ui/update-model-context`: what the model would see. */
  inputs: ModelInput[];
  link?: LinkAsk;
  answerLink: (ok: boolean) => void;
  download?: DownloadAsk;
  answerDownload: (ok: boolean) => void;
  /** The height the view asked for, within bounds. */
  height?: number;
}

/**
 * Runs one MCP App view for a finished tool call with lib/apps' host: reads the tool's `ui://`
 * resource through the live session, starts the view in `frame`, keeps the host context in step
 * with `settings` (each change reaches the view), and collects what the view asks and reports.
 */
export function useAppView(options: {
  session: InspectorSession;
  tool: Tool;
  app: AppTool;
  call: CallRecord;
  frame: RefObject<HTMLIFrameElement | null>;
  settings: HostSettings;
  onSettings: (patch: Partial<HostSettings>) => void;
  measure: () => HostMeasure;
}): AppViewState {
  const { session, tool, app, call, frame, settings } = options;
  const [status, setStatus] = useState<ViewStatus>("starting");
  const [failure, setFailure] = useState<string>();
  const [reports, setReports] = useState<string[]>([]);
  const [inputs, setInputs] = useState<ModelInput[]>([]);
  const [link, setLink] = useState<LinkAsk>();
  const [download, setDownload] = useState<DownloadAsk>();
  const [height, setHeight] = useState<number>();
  const host = useRef<AppViewHost>(undefined);
  // What the view starts with; later changes go through setContext below.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const { settings: now, measure } = latest.current;
    host.current?.setContext(hostContextOf(now, measure()));
  }, [settings]);

  useEffect(() => {
    if (settings.displayMode !== "fullscreen") return;
    const resize = () => host.current?.setContext(hostContextOf(latest.current.settings, latest.current.measure()));
    window.addEventListener("resize", resize);
    return () => window.removeEventListener("resize", resize);
  }, [settings.displayMode]);

  useEffect(() => {
    const client = session.client;
    const uri = app.resourceUri;
    const outcome = call.outcome;
    const element = frame.current;
    if (!client || !uri || !outcome || !element) return;
    let running: AppViewHost | undefined;
    let gone = false;
    const result: Promise<CallToolResult> =
      outcome.kind === "result" ? Promise.resolve(outcome.result) : Promise.reject(new Error(outcome.message));
    result.catch(() => {});
    const report = (message: string) => setReports((list) => [...list.slice(-19), message]);
    void (async () => {
      try {
        const resource = appResourceOf(uri, await client.readResource({ uri }));
        if (gone) return;
        if (!resource.ok) return setFailure(resource.problem);
        const { settings: start, measure, onSettings } = latest.current;
        running = new AppViewHost({
          client,
          log: session.log,
          viewId: `${tool.name}#${call.id}`,
          tool,
          resource,
          args: (call.args ?? {}) as Record<string, unknown>,
          result,
          hostContext: hostContextOf(start, measure()),
          streamInput: start.streamInput,
          confirmOpenLink: (url) => new Promise((answer) => setLink({ url, answer })),
          confirmDownload: (files) => new Promise((answer) => setDownload({ files, answer })),
          onModelInput: (kind, params) => setInputs((list) => [...list.slice(-49), { kind, params }]),
          onInitialized: () => setStatus("initialized"),
          onStalled: () => setStatus("stalled"),
          onDisplayMode: (displayMode) => onSettings({ displayMode }),
          onProblem: report,
          onSize: setHeight,
          // Torn down first (the view may answer), then its frame goes.
          onCloseRequest: () => void running?.close().then(() => setStatus("closed")),
        });
        host.current = running;
        await running.start(element);
      } catch (error) {
        if (!gone) setFailure(errorMessage(error));
      }
    })();
    return () => {
      gone = true;
      host.current = undefined;
      void running?.close();
    };
  }, [session, tool, app.resourceUri, call.id, call.args, call.outcome, frame]);

  const answerLink = (ok: boolean) => {
    link?.answer(ok);
    setLink(undefined);
  };
  const answerDownload = (ok: boolean) => {
    download?.answer(ok);
    setDownload(undefined);
  };
  return { status, failure, reports, inputs, link, answerLink, download, answerDownload, height };
}
