import type { ReactNode } from "react";

/**
 * A row whose spoken name is not its visible text: the name read by assistive technology (and
 * matched by speech input) is `name`, a phrase that holds what the row shows in words; the visual
 * cells (times, arrows, columns) are hidden from it. Used instead of `aria-label` on rows whose
 * visible text is laid out in columns, so that the name is the element's content (WCAG 2.5.3).
 */
export function SpokenAs({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <span className="sr-only">{name}</span>
      <span aria-hidden="true" className="contents">
        {children}
      </span>
    </>
  );
}
