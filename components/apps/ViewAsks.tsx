"use client";
import { BUTTON, NOTE, PRE, WARN } from "../results/ui";
import type { DownloadAsk, LinkAsk, ModelInput } from "./useAppView";

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

/** A `ui/download-file` waits here: the files by name, type and size; links are listed, never fetched. */
export function DownloadConfirmation({ ask, answer }: { ask?: DownloadAsk; answer: (ok: boolean) => void }) {
  if (!ask) return null;
  return (
    <div role="alertdialog" aria-label="Download files" className={WARN}>
      <p>The view offers {ask.files.length === 1 ? "a file" : `${ask.files.length} files`} to download:</p>
      <ul className="list-disc pl-5">
        {ask.files.map((f, i) => (
          <li key={i}>
            <span className="mono break-all">{f.name}</span> ({f.mimeType || "no type"}
            {f.bytes ? `, ${f.bytes.length} bytes` : ""}){f.problem && <span>: not saved, {f.problem}</span>}
          </li>
        ))}
      </ul>
      <button type="button" className={BUTTON} onClick={() => answer(true)}>
        Save
      </button>{" "}
      <button type="button" className={BUTTON} onClick={() => answer(false)}>
        Refuse
      </button>
    </div>
  );
}
