"use client";
import { useMemo, useState } from "react";
import { PAGE_SIZE } from "@/lib/results";
import { validateStructured } from "@/lib/results";
import { JsonTree } from "./JsonTree";
import { BUTTON, NOTE, WARN } from "./ui";

interface Props {
  /** Whether the result carries `structuredContent` at all. */
  present: boolean;
  structured: unknown;
  /** The tool's outputSchema; undefined when it has none. */
  outputSchema: unknown;
  /** False when the tool definition is not known (nothing to validate against). */
  toolKnown: boolean;
  isError: boolean;
}

/** structuredContent as a lazy JSON tree, validated against the tool's outputSchema. */
export function StructuredContentView({ present, structured, outputSchema, toolKnown, isError }: Props) {
  const missing = !present && outputSchema !== undefined && !isError;
  if (!present && !missing) return null;
  return (
    <section
      aria-label="Structured content"
      className="flex flex-col gap-1.5 rounded border border-slate-200 p-2 dark:border-slate-700"
    >
      <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">Structured content</h3>
      {missing ? (
        <p role="status" className={WARN}>
          Missing structured content: the tool declares an outputSchema but its result has no structuredContent.
        </p>
      ) : (
        <>
          <JsonTree value={structured} label="structuredContent" />
          <Validation structured={structured} outputSchema={outputSchema} toolKnown={toolKnown} isError={isError} />
        </>
      )}
    </section>
  );
}

function Validation({ structured, outputSchema, toolKnown, isError }: Omit<Props, "present">) {
  const skip = !toolKnown
    ? "Not validated: the tool's definition is not known."
    : outputSchema === undefined
      ? "Not validated: the tool declares no outputSchema."
      : isError
        ? "Not validated: the tool reported an error."
        : undefined;
  const violations = useMemo(
    () => (skip ? [] : validateStructured(outputSchema, structured)),
    [skip, outputSchema, structured],
  );
  const [limit, setLimit] = useState(PAGE_SIZE);
  if (skip) return <p className={NOTE}>{skip}</p>;
  if (!violations.length)
    return <p className="text-xs text-emerald-700 dark:text-emerald-300">✓ Matches the tool&apos;s outputSchema.</p>;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs font-medium text-red-700 dark:text-red-300">
        {violations.length} output schema {violations.length === 1 ? "violation" : "violations"}
      </p>
      <ul aria-label="Output schema violations" className="flex flex-col gap-0.5 text-xs">
        {violations.slice(0, limit).map((v, i) => (
          <li
            key={i}
            className="flex flex-wrap gap-2 rounded bg-red-50 px-1.5 py-0.5 text-red-900 dark:bg-red-950/50 dark:text-red-100"
          >
            <code className="mono break-all">{v.path}</code>
            <span className="break-words">{v.message}</span>
          </li>
        ))}
      </ul>
      {violations.length > limit && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE_SIZE)} className={`self-start ${BUTTON}`}>
          Show more violations ({violations.length - limit} remaining)
        </button>
      )}
    </div>
  );
}
