"use client";
import type { DoctorStep, StepStatus } from "@/lib/doctor";
import type { DoctorState } from "./useDoctor";

const MARKS: Record<StepStatus, { mark: string; label: string; className: string }> = {
  pass: { mark: "✓", label: "passed", className: "text-emerald-700 dark:text-emerald-400" },
  fail: { mark: "✗", label: "failed", className: "text-red-700 dark:text-red-400" },
  warn: { mark: "!", label: "warning", className: "text-amber-700 dark:text-amber-400" },
  skip: { mark: "–", label: "skipped", className: "text-slate-500 dark:text-slate-400" },
};

/** The doctor's report: every step in order with its mark and evidence; the failing step with its fix. */
export function DoctorReportView({ state, onClose }: { state: DoctorState; onClose: () => void }) {
  if (state.phase === "idle") return null;
  return (
    <section
      aria-label="Connection doctor"
      className="mx-4 mb-2 max-h-[45vh] overflow-y-auto rounded border border-slate-300 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-center gap-2">
        <h2 className="font-medium">Connection doctor</h2>
        {state.phase === "done" && (
          <span className="mono text-xs text-slate-600 dark:text-slate-400">{state.report.target}</span>
        )}
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700"
        >
          Close the doctor
        </button>
      </div>
      {state.phase === "running" && (
        <p role="status" className="mt-1 text-slate-600 dark:text-slate-400">
          Running the steps…
        </p>
      )}
      {state.phase === "error" && (
        <p role="alert" className="mt-1 text-red-700 dark:text-red-300">
          The doctor could not run: {state.message}
        </p>
      )}
      {state.phase === "done" && (
        <>
          <p
            data-testid="doctor-verdict"
            className={`mt-1 font-medium ${state.report.failing ? "text-red-800 dark:text-red-200" : "text-emerald-800 dark:text-emerald-300"}`}
          >
            {state.report.failing
              ? `Failing step: ${state.report.steps.find((s) => s.id === state.report.failing)?.title}. Try: ${state.report.verdict}`
              : state.report.verdict}
          </p>
          <ol aria-label="Doctor's steps" className="mt-2 space-y-1">
            {state.report.steps.map((s) => (
              <StepRow key={s.id} step={s} failing={s.id === state.report.failing} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function StepRow({ step, failing }: { step: DoctorStep; failing: boolean }) {
  const m = MARKS[step.status];
  return (
    <li
      data-step={step.id}
      data-status={step.status}
      className={failing ? "rounded bg-red-50 p-1 dark:bg-red-950" : "p-1"}
    >
      <span className={`inline-block w-4 font-bold ${m.className}`} aria-hidden="true">
        {m.mark}
      </span>
      <span className="font-medium">{step.title}</span> <span className="sr-only">{m.label}</span>
      {step.evidence.length > 0 && (
        <pre className="mono ml-4 mt-0.5 whitespace-pre-wrap break-all text-xs text-slate-700 dark:text-slate-300">
          {step.evidence.join("\n")}
        </pre>
      )}
      {failing && step.fix && <p className="ml-4 mt-0.5 text-red-800 dark:text-red-200">Try: {step.fix}</p>}
    </li>
  );
}
