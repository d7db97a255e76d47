"use client";
import { useMemo, useState } from "react";
import { sdkSnippetFor } from "@/lib/inspect";
import { composerTemplates } from "@/lib/inspect";
import { validateFrame } from "@/lib/inspect";
import { CLIENT_INFO, type InspectorSession } from "@/lib/session";
import { TrafficLog } from "@/lib/traffic";
import { useStore } from "../hooks/useStore";
import { JsonEditor } from "../json/JsonViewer";
import { errorMessage, formatTime } from "@/lib/base";

/**
 * The raw composer: write any JSON-RPC message (or deliberately broken text) and send it on the
 * live connection. Invalid messages get a warning, never a block: servers must be tested on them.
 */
export function Composer({ session }: { session: InspectorSession }) {
  const state = useStore(session.store);
  const templates = useMemo(() => composerTemplates(state.protocolVersion, CLIENT_INFO), [state.protocolVersion]);
  const [text, setText] = useState(() => templates[0]?.text ?? "");
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<string>();
  const validity = useMemo(() => {
    const scratch = new TrafficLog({ schedule: () => {} });
    const { entry } = scratch.recordFrame("outgoing", text, { transport: "memory" });
    return validateFrame(entry, scratch.entries, { protocolVersion: state.protocolVersion });
  }, [text, state.protocolVersion]);
  const send = async () => {
    setError(undefined);
    try {
      await session.sendRaw(text);
      setSent(`Sent at ${formatTime(Date.now())}: the answer is in the traffic panel.`);
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
        <button
          type="button"
          onClick={() => void send()}
          disabled={state.status !== "connected"}
          className="rounded bg-indigo-600 px-3 py-1 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          Send
        </button>
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
        <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
          {sent}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
