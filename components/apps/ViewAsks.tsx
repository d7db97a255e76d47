"use client";
import { BUTTON, NOTE, PRE, WARN } from "../results/ui";
import type { LinkAsk, ModelInput } from "./useAppView";

/** What went wrong inside a view (CSP violations, errors, floods, huge sizes, no initialize). */
export function ViewProblems({ reports }: { reports: string[] }) {
  if (reports.length === 0) return null;
  return (
    <ul aria-label="View problems" className={WARN}>
      {reports.map((r, i) => (
        <li key={i}>{r}</li>
      ))}
    </ul>
  );
}

/** A `ui/open-link` waits here for the person, who sees the whole URL. */
export function LinkConfirmation({ link, answer }: { link?: LinkAsk; answer: (ok: boolean) => void }) {
  if (!link) return null;
  return (
    <div role="alertdialog" aria-label="Open link" className={WARN}>
      <p>
        The view asks to open <span className="mono break-all">{link.url}</span>
      </p>
      <button type="button" className={BUTTON} onClick={() => answer(true)}>
        Open
      </button>{" "}
      <button type="button" className={BUTTON} onClick={() => answer(false)}>
        Refuse
      </button>
    </div>
  );
}

/** `ui/message` and `ui/update-model-context`, as the model would get them. */
export function ModelInputs({ inputs }: { inputs: ModelInput[] }) {
  if (inputs.length === 0) return null;
  return (
    <div aria-label="What the model would see" className="flex flex-col gap-1">
      <p className={NOTE}>What the model would see (from the view)</p>
      {inputs.map((input, i) => (
        <pre key={i} className={PRE}>
          {input.kind === "message" ? "ui/message " : "ui/update-model-context "}
          {JSON.stringify(input.params, null, 2)}
        </pre>
      ))}
    </div>
  );
}
