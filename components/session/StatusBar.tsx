"use client";
import type { InspectorSession } from "@/lib/session";
import { useStore } from "../hooks/useStore";
import { stripAnsi } from "@/lib/traffic";
import { formatDateTime } from "@/lib/base";
import { StatusDot } from "./StatusDot";
import { ReconnectControls } from "./ReconnectControls";
import { StderrTail } from "./StderrTail";
import { usePaletteAction } from "../palette/hub";
import { exportRecording, serializeRecording } from "@/lib/inspect";
import { DoctorButton } from "../doctor/DoctorButton";
import { DoctorReportView } from "../doctor/DoctorReportView";
import { useDoctor } from "../doctor/useDoctor";

/** Save the session (settings with secrets redacted, negotiated capabilities, full traffic) as a file. */
function downloadRecording(session: InspectorSession): void {
  const text = serializeRecording(exportRecording(session.state, session.log));
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `mcp-lens-${session.state.config.name.replace(/[^\w.-]+/g, "_")}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const LABELS = {
  idle: "Not connected",
  connecting: "Connecting",
  connected: "Connected",
  disconnected: "Disconnected",
  failed: "Failed",
} as const;

/** Connection state in one line, and the failure (what failed, what to try) when there is one. */
export function StatusBar({ session }: { session: InspectorSession }) {
  const s = useStore(session.store);
  const doctor = useDoctor(s.config);
  const doctorBusy = doctor.state.phase === "running";
  usePaletteAction("recording.save", () => downloadRecording(session), s.status !== "idle");
  return (
    <div className="border-b border-slate-200 dark:border-slate-800">
      <div className="flex items-center gap-3 px-4 py-2">
        <StatusDot session={session} />
        <span role="status" aria-label="Connection status" className="text-sm font-medium">
          {s.recording ? "Recording (read-only)" : LABELS[s.status]}
          {s.phase && <span className="font-normal text-slate-600 dark:text-slate-400">: {s.phase}…</span>}
        </span>
        {s.status === "connected" && (
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {s.serverInfo?.title ?? s.serverInfo?.name} {s.serverInfo?.version} · protocol{" "}
            <b data-testid="negotiated-version">{s.protocolVersion}</b> (
            {s.era === "modern" ? "stateless 2026 era" : "legacy initialize era"})
          </span>
        )}
        {s.recording && (
          <span className="rounded bg-violet-100 px-1.5 text-xs text-violet-800 dark:bg-violet-950 dark:text-violet-300">
            offline recording of {recordingDate(s.recording.exportedAt)}
          </span>
        )}
        <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">{s.config.name}</span>
        {!s.recording && !s.failure?.reconnect && (
          <label
            className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400"
            title="When the server stops, restarts or forgets the session, start a new session with the same settings by itself"
          >
            <input
              type="checkbox"
              checked={s.autoReconnect}
              onChange={(e) => session.setAutoReconnect(e.target.checked)}
            />
            Reconnect automatically
          </label>
        )}
        {!s.recording && <DoctorButton label="Doctor" onRun={doctor.start} busy={doctorBusy} />}
        <button
          type="button"
          onClick={() => downloadRecording(session)}
          disabled={s.status === "idle"}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-40 dark:border-slate-700"
        >
          Export recording
        </button>
      </div>
      {s.recording && (
        <p
          role="note"
          aria-label="Recording banner"
          className="mx-4 mb-2 rounded border border-violet-300 bg-violet-50 px-3 py-1.5 text-sm text-violet-900 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100"
        >
          <b>Recording — read-only</b>: opened from {s.recording.file ?? "a file"}, recorded{" "}
          {recordingDate(s.recording.exportedAt)}. Its lists and past calls are shown in their views; nothing can be
          connected, called or sent from it.
        </p>
      )}
      {s.failure && (
        <div
          role="alert"
          data-testid="connection-failure"
          className="mx-4 mb-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p className="font-medium">{s.failure.title}</p>
          {s.failure.detail && (
            <pre tabIndex={0} className="mono mt-1 max-h-32 overflow-auto whitespace-pre-wrap text-xs">
              {stripAnsi(s.failure.detail)}
            </pre>
          )}
          {s.failure.stderr && <StderrTail lines={s.failure.stderr.lines} firstError={s.failure.stderr.firstError} />}
          {s.failure.hint && <p className="mt-1 text-red-800 dark:text-red-200">Try: {s.failure.hint}</p>}
          {s.failure.reconnect && <ReconnectControls session={session} />}
          {!s.recording && (
            <div className="mt-2">
              <DoctorButton label="Run the doctor" onRun={doctor.start} busy={doctorBusy} />
            </div>
          )}
        </div>
      )}
      <DoctorReportView state={doctor.state} onClose={doctor.close} />
    </div>
  );
}

/** A recording's export time in the page's one format (as written, when it is no date). */
function recordingDate(exportedAt: string): string {
  const ts = Date.parse(exportedAt);
  return Number.isNaN(ts) ? exportedAt : formatDateTime(ts);
}
