"use client";

/** "Run the doctor" (on a failure) or "Doctor" (on demand): starts the connection doctor. */
export function DoctorButton({ label, onRun, busy }: { label: string; onRun: () => void; busy: boolean }) {
  return (
    <button
      type="button"
      onClick={onRun}
      disabled={busy}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs disabled:opacity-40 dark:border-slate-700"
    >
      {label}
    </button>
  );
}
