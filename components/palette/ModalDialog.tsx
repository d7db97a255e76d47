"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { useModalFocus } from "../common/useModalFocus";

/**
 * A modal <dialog> opened with showModal() (the rest of the page inert, in the top layer above other
 * dialogs), its focus kept by useModalFocus. `onClose` runs once however it closes.
 */
export function ModalDialog({
  label,
  onClose,
  className,
  children,
}: {
  label: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  // Tab kept inside, Escape closes, the focus back where it was afterwards (as the page's other dialogs).
  const onKeyDown = useModalFocus(ref, () => ref.current?.close());
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const closed = () => close.current();
    dialog.addEventListener("close", closed);
    return () => {
      dialog.removeEventListener("close", closed);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      aria-modal="true"
      className={`m-0 max-h-none max-w-none bg-transparent p-0 backdrop:bg-black/40 ${className ?? ""}`}
      // A click on the backdrop (the dialog element itself, outside its box) closes it.
      onClick={(e) => e.target === e.currentTarget && e.currentTarget.close()}
      onKeyDown={(e) => {
        if (e.key === "Escape") e.preventDefault(); // closed by useModalFocus, not a second time by the browser
        onKeyDown(e);
      }}
    >
      {children}
    </dialog>
  );
}
