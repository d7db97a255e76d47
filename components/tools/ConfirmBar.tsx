"use client";
import { useEffect, useRef, useState } from "react";

/**
 * An inline confirmation for destructive tools and for arguments that fail validation. It sits in
 * the Call bar, where the person just clicked, and takes the focus, so it is never below the fold.
 */
export function ConfirmBar({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  dontAskAgain,
}: {
  message: string;
  confirmLabel: string;
  /** `trust`: "don't ask again for this tool in this session" was checked. */
  onConfirm: (trust: boolean) => void;
  onCancel: () => void;
  /** The label of a "don't ask again" box; none when the question must be asked each time. */
  dontAskAgain?: string;
}) {
  const [trust, setTrust] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirm.current?.focus();
    confirm.current?.scrollIntoView?.({ block: "nearest" });
  }, [message]);
  return (
    <div
      role="alertdialog"
      aria-label="Confirm call"
      aria-describedby="confirm-call-message"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        onCancel();
      }}
      className="flex w-full flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span id="confirm-call-message" className="min-w-0 flex-1">
        {message}
      </span>
      {dontAskAgain && (
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} />
          {dontAskAgain}
        </label>
      )}
      <button
        ref={confirm}
        type="button"
        onClick={() => onConfirm(trust)}
        className="rounded bg-amber-700 px-2 py-1 text-white hover:bg-amber-800"
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={onCancel} className="rounded border border-amber-400 px-2 py-1">
        Back
      </button>
    </div>
  );
}
