"use client";

/** An inline confirmation: for destructive tools and for arguments that fail validation. */
export function ConfirmBar({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-label="Confirm call"
      className="flex items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="flex-1">{message}</span>
      <button
        type="button"
        onClick={onConfirm}
        className="rounded bg-amber-600 px-2 py-1 text-white hover:bg-amber-700"
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={onCancel} className="rounded border border-amber-400 px-2 py-1">
        Back
      </button>
    </div>
  );
}
