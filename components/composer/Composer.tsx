"use client";
import { useMemo, useState } from "react";
import { composerAnswer, sdkSnippetFor, type TemplateTargets } from "@/lib/inspect";
import { composerTemplates } from "@/lib/inspect";
import { initialValue } from "@/lib/schema";
import { validateFrame } from "@/lib/inspect";
import { CLIENT_INFO, type InspectorSession } from "@/lib/session";
import { TrafficLog } from "@/lib/traffic";
import type { SessionState } from "@/lib/base";
import { useStore, useTrafficVersion } from "../hooks/useStore";
import { useSessionMemory } from "../hooks/useSessionMemory";
import { JsonEditor, JsonViewer } from "../json/JsonViewer";
import { errorMessage, formatMs, formatTime } from "@/lib/base";

/** The first tool, resource and prompt the server lists, for the templates. */
function targetsOf(lists: SessionState["lists"]): TemplateTargets {
  const tool = lists.tools.items[0] as { name: string; inputSchema?: unknown } | undefined;
  const resource = lists.resources.items[0] as { uri: string } | undefined;
  const prompt = lists.prompts.items[0] as { name: string; arguments?: { name: string }[] } | undefined;
  return {
    tool: tool && { name: tool.name, arguments: tool.inputSchema ? initialValue(tool.inputSchema as never) : {} },
    resourceUri: resource?.uri,
    prompt: prompt && {
      name: prompt.name,
      arguments: Object.fromEntries((prompt.arguments ?? []).map((a) => [a.name, ""])),
    },
  };
}

/** The composer's text, kept by the session (a traffic row's "Edit and resend" puts its frame here). */
export const COMPOSER_TEXT = "composer.text";
import { ReadOnlyNote } from "../session/ReadOnly";

/**
 * The raw composer: write any JSON-RPC message (or deliberately broken text) and send it on the
 * live connection. Invalid messages get a warning, never a block: servers must be tested on them.
 */
export function Composer({ session }: { session: InspectorSession }) {
  const state = useStore(session.store);
  const targets = useMemo(() => targetsOf(state.lists), [state.lists]);
  const templates = useMemo(
    () => composerTemplates(state.protocolVersion, CLIENT_INFO, targets),
    [state.protocolVersion, targets],
  );
  const [text, setText] = useSessionMemory(session, COMPOSER_TEXT, templates[0]?.text ?? "");
  const [sent, setSent] = useState<{ text: string; afterSeq: number; at: number }>();
  useTrafficVersion(session.log);
  const answer = sent ? composerAnswer(session.log.entries, sent.text, sent.afterSeq) : undefined;
  const [error, setError] = useState<string>();
  const validity = useMemo(() => {
    const scratch = new TrafficLog({ schedule: () => {} });
    const { entry } = scratch.recordFrame("outgoing", text, { transport: "memory" });
    return validateFrame(entry, scratch.entries, { protocolVersion: state.protocolVersion });
  }, [text, state.protocolVersion]);
  const send = async () => {
    setError(undefined);
    const afterSeq = (session.log.entries.at(-1)?.seq ?? -1) + 1;
    try {
      await session.sendRaw(text);
      setSent({ text, afterSeq, at: Date.now() });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const snippet = sdkSnippetFor(text);
  return (
    <section aria-label="Raw composer" className="space-y-2 p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1 text-xs">
          Template
          <select
            aria-label="Template"
            className="input"
            onChange={(e) => setText(templates[Number(e.target.value)]?.text ?? text)}
            defaultValue="0"
          >
            {templates.map((t, i) => (
              <option key={t.label} value={i}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        {!state.recording && (
          <button
            type="button"
            onClick={() => void send()}
            disabled={state.status !== "connected"}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
          >
            Send
          </button>
        )}
        {snippet && (
          <button
            type="button"
            onClick={() => void navigator.clipboard?.writeText(snippet)}
            className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-700"
          >
            Copy as SDK code
          </button>
        )}
        <span className="text-xs text-slate-600 dark:text-slate-400">
          Protocol {state.protocolVersion ?? "(not connected)"}
        </span>
      </div>
      {state.recording && (
        <ReadOnlyNote>nothing can be sent from a recording; its messages are in the traffic panel.</ReadOnlyNote>
      )}
      <JsonEditor value={text} onChange={setText} height={260} ariaLabel="Message to send" />
      {validity.status === "invalid" && (
        <div
          role="note"
          aria-label="Message warnings"
          className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          This message is not valid{validity.schemaVersion ? ` for ${validity.schemaVersion}` : ""}; it can still be
          sent.
          <ul className="mt-1 list-disc pl-4">
            {validity.violations.slice(0, 8).map((v, i) => (
              <li key={i}>
                <code>{v.path}</code> {v.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sent && !error && (
        <section aria-label="Answer" className="space-y-1">
          <p role="status" className="text-xs text-slate-700 dark:text-slate-300">
            Sent at {formatTime(sent.at)}. {answer?.kind === "waiting" && "Waiting for the answer…"}
            {answer?.kind === "none" &&
              "No answer is matched to it by id (a notification, a response, or text that is not a request): see the traffic panel."}
            {answer?.kind === "answer" &&
              `${answer.entry.rpc.type === "error" ? "Error" : "Result"}${answer.entry.latencyMs !== undefined ? ` after ${formatMs(answer.entry.latencyMs)}` : ""}:`}
          </p>
          {answer?.kind === "answer" && <JsonViewer value={prettyRaw(answer.entry.raw)} height={260} />}
        </section>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}

function prettyRaw(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
