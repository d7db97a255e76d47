"use client";
import { useState } from "react";
import { LargeText } from "./LargeText";
import { BUTTON, NOTE } from "./ui";

/** The policy prepended inside every srcdoc: no script, no fetch, no frames; images only as data:. */
export const SANDBOX_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** Whether a mime type is HTML, which is shown only through SandboxedHtml. */
export function isHtmlMimeType(mimeType: string | undefined): boolean {
  return /^\s*text\/html\s*(;|$)/i.test(mimeType ?? "");
}

/**
 * HTML from a server (docs/security.md §S15): rendered only in an iframe with an empty `sandbox`
 * (no allow-scripts, no allow-same-origin: a unique origin that runs no script and cannot reach
 * the app) and a restrictive CSP; "Show source" shows the text as text.
 */
export function SandboxedHtml({ html, title = "HTML from the server (sandboxed)" }: { html: string; title?: string }) {
  const [source, setSource] = useState(false);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <span className={NOTE}>HTML, sandboxed: no scripts, no network</span>
        <button type="button" aria-pressed={source} onClick={() => setSource((s) => !s)} className={BUTTON}>
          Show source
        </button>
      </div>
      {source ? (
        <LargeText text={html} label="HTML source" />
      ) : (
        <div className="h-80 resize-y overflow-hidden rounded border border-slate-200 bg-white dark:border-slate-700">
          <iframe
            sandbox=""
            srcDoc={`<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">${html}`}
            title={title}
            referrerPolicy="no-referrer"
            className="block h-full w-full"
          />
        </div>
      )}
    </div>
  );
}
