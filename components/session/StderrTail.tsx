"use client";
import { useEffect, useRef } from "react";
import { stripAnsi } from "@/lib/traffic";

/**
 * The server's stderr when it failed: every line kept (ANSI codes removed), scrollable, with the first
 * line that looks like an error highlighted and scrolled into view: the one to read.
 */
export function StderrTail({ lines, firstError }: { lines: string[]; firstError: number }) {
  const list = useRef<HTMLOListElement>(null);
  const marked = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const box = list.current;
    const line = marked.current;
    if (box && line) box.scrollTop = Math.max(0, line.offsetTop - box.offsetTop - 24);
    else if (box) box.scrollTop = box.scrollHeight;
  }, [lines, firstError]);
  return (
    <section aria-label="Server stderr" className="mt-2">
      <h3 className="text-xs font-medium">
        stderr, last {lines.length} line{lines.length === 1 ? "" : "s"}
        {firstError >= 0 && <span className="font-normal"> · the first error-looking line is highlighted</span>}
      </h3>
      <ol
        ref={list}
        tabIndex={0}
        aria-label="stderr lines"
        className="mono mt-1 max-h-48 overflow-auto rounded border border-red-200 bg-white/70 text-xs dark:border-red-900 dark:bg-slate-950/50"
      >
        {lines.map((line, i) => (
          <li
            key={i}
            ref={i === firstError ? marked : undefined}
            aria-current={i === firstError ? "true" : undefined}
            className={`px-2 whitespace-pre-wrap break-all ${i === firstError ? "bg-red-200 font-semibold dark:bg-red-800/60" : ""}`}
          >
            {stripAnsi(line) || " "}
          </li>
        ))}
      </ol>
    </section>
  );
}
