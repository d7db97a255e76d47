"use client";
import { useState } from "react";
import {
  ALL_PROBES,
  callable,
  checksJson,
  checksJunit,
  checksMarkdown,
  isReadOnly,
  spotCheckFor,
  type CheckResult,
} from "@/lib/checks";
import type { InspectorSession } from "@/lib/session";
import { useStore } from "../hooks/useStore";
import { ALERT, BUTTON, NOTE, PRIMARY } from "../features/ui";

const VERDICT: Record<CheckResult["verdict"], { label: string; style: string }> = {
  pass: { label: "pass", style: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" },
  fail: { label: "fail", style: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" },
  warn: { label: "warning", style: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" },
  skipped: { label: "skipped", style: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300" },
};

/** Save text as a file (the recording export's pattern: a Blob URL on a clicked link, revoked later). */
function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The Checks tab: runs the spot-check probes on the live connection and lists, for each, what the
 * specification asks, what the server answered and the verdict; "Show in traffic" filters the log
 * to that exchange.
 */
export function ChecksView({
  session,
  onShowInTraffic,
}: {
  session: InspectorSession;
  onShowInTraffic: (query: string) => void;
}) {
  const check = spotCheckFor(session);
  const { status: checkStatus, results, error } = useStore(check.store);
  const state = useStore(session.store);
  const connected = state.status === "connected";
  const context = () => ({
    server: state.serverInfo,
    protocolVersion: state.protocolVersion,
    transport: state.config.transport,
    at: new Date().toISOString(),
  });
  const copyReport = () => void navigator.clipboard?.writeText(checksMarkdown(results, context()));
  const baseName = `mcp-lens-checks-${(state.serverInfo?.name ?? state.config.name).replace(/[^\w.-]+/g, "_")}`;
  const downloadJson = () => download(checksJson(results, context()), "application/json", `${baseName}.json`);
  const downloadJunit = () =>
    download(
      checksJunit(results, `mcp-lens checks ${state.serverInfo?.name ?? state.config.name}`),
      "application/xml",
      `${baseName}.xml`,
    );
  const running = checkStatus === "running";
  const [allowCalls, setAllowCalls] = useState(false);
  const [allTools, setAllTools] = useState(false);
  const tools = state.lists.tools.items;
  const names = (list: { name: string }[]) => list.map((t) => t.name).join(", ") || "none";
  const count = (v: CheckResult["verdict"]) => results.filter((r) => r.verdict === v).length;
  return (
    <section aria-label="Spot check" className="flex flex-col gap-3 p-3 text-sm">
      <p className={NOTE}>
        Runs {ALL_PROBES.length} probes whose right answer the specification fixes (an unknown method, text that is not
        JSON, a tool, resource and prompt that do not exist, ping, the 2026-07-28 envelope rules; over Streamable HTTP
        also a foreign Origin, a missing or ended session and a mismatched Mcp-Method header), then compares what came
        back. None of them calls a real tool unless you allow it below (the security checks); the session probe opens
        and ends a second session of its own. Each exchange is in the traffic log.
      </p>
      <div className="flex items-center gap-3">
        <button
          type="button"
          className={PRIMARY}
          disabled={!connected || running}
          onClick={() => void check.run(session, { allowCalls, allTools: allowCalls && allTools })}
        >
          {running ? "Checking…" : results.length > 0 ? "Run checks again" : "Run checks"}
        </button>
        {!connected && (
          <span className={NOTE}>
            {state.recording
              ? "A recording is read-only: checks run on a live connection."
              : "Connect to run the checks."}
          </span>
        )}
        {results.length > 0 && (
          <span role="status" aria-label="Check summary">
            {count("pass")} passed, {count("fail")} failed, {count("warn")}{" "}
            {count("warn") === 1 ? "warning" : "warnings"}, {count("skipped")} skipped
          </span>
        )}
        {checkStatus === "done" && results.length > 0 && (
          <button
            type="button"
            className={BUTTON}
            onClick={copyReport}
            title="A Markdown table of the results, for a bug report"
          >
            Copy report (Markdown)
          </button>
        )}
        {checkStatus === "done" && results.length > 0 && (
          <>
            <button type="button" className={BUTTON} onClick={downloadJson} title="The results as JSON">
              Download JSON
            </button>
            <button type="button" className={BUTTON} onClick={downloadJunit} title="The results as JUnit XML, for CI">
              Download JUnit XML
            </button>
          </>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={allowCalls} onChange={(e) => setAllowCalls(e.target.checked)} />
          Allow security checks that call tools and send a burst of 50 requests
        </label>
        {allowCalls && (
          <>
            <label className="ml-6 flex items-center gap-2">
              <input type="checkbox" checked={allTools} onChange={(e) => setAllTools(e.target.checked)} />
              Also call tools not marked read-only (they may change things on the server)
            </label>
            <span className={`${NOTE} ml-6`}>
              Will call, with invalid and path-probing arguments: {names(callable(tools, allTools))} (path probes go to
              read-only tools only: {names(tools.filter(isReadOnly))})
            </span>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className={ALERT}>
          {error}
        </p>
      )}
      {results.length > 0 && (
        <table aria-label="Check results" className="w-full border-collapse text-left text-xs">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th className="py-1 pr-2">Verdict</th>
              <th className="py-1 pr-2">Check</th>
              <th className="py-1 pr-2">Expected</th>
              <th className="py-1 pr-2">Observed</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id} aria-label={r.title} className="border-b border-slate-100 align-top dark:border-slate-800">
                <td className="py-1 pr-2">
                  <span className={`rounded px-1.5 py-0.5 font-medium ${VERDICT[r.verdict].style}`}>
                    {VERDICT[r.verdict].label}
                  </span>
                </td>
                <td className="py-1 pr-2">
                  <div>{r.title}</div>
                  <div className={NOTE}>
                    {r.level === "must" ? "required" : "recommended"} ·{" "}
                    <a
                      href={r.specUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      title={r.specUrl}
                      className="text-indigo-700 underline dark:text-indigo-300"
                    >
                      specification
                    </a>
                  </div>
                </td>
                <td className="mono py-1 pr-2">{r.expected}</td>
                <td className="mono py-1 pr-2 break-all">{r.observed}</td>
                <td className="py-1">
                  {r.requestId && r.verdict !== "skipped" && (
                    <button type="button" className={BUTTON} onClick={() => onShowInTraffic(`id:${r.requestId}`)}>
                      Show in traffic
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
