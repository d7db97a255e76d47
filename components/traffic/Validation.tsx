import type { FrameValidity, ValidationStatus } from "@/lib/inspect";

const BADGE: Record<ValidationStatus, { text: string; label: string; cls: string }> = {
  valid: { text: "✓", label: "valid", cls: "text-emerald-600 dark:text-emerald-400" },
  invalid: { text: "✗", label: "invalid", cls: "text-red-600 dark:text-red-400" },
  unchecked: { text: "·", label: "not checked", cls: "text-slate-600 dark:text-slate-400" },
};

/** The per-row badge: checked against the official schema of the negotiated version. */
export function ValidityBadge({ status }: { status?: ValidationStatus }) {
  if (!status) return <span className="w-3 shrink-0" />;
  const b = BADGE[status];
  return (
    <span role="img" aria-label={b.label} title={`schema: ${b.label}`} className={`w-3 shrink-0 text-center ${b.cls}`}>
      {b.text}
    </span>
  );
}

/** The frame's violations (path, expected, found), in the detail pane. */
export function ValidationDetails({ validity }: { validity: FrameValidity }) {
  return (
    <section aria-label="Validation" className="text-xs">
      <p
        className={
          validity.status === "invalid"
            ? "font-medium text-red-700 dark:text-red-300"
            : "text-slate-600 dark:text-slate-400"
        }
      >
        {validity.status === "valid" && `Valid against the ${validity.schemaVersion ?? ""} schema.`}
        {validity.status === "invalid" &&
          `${validity.violations.length} violation${validity.violations.length === 1 ? "" : "s"}${validity.schemaVersion ? ` (schema ${validity.schemaVersion})` : ""}`}
        {validity.status === "unchecked" && "Not checked against a schema."}
        {validity.note && <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">{validity.note}</span>}
      </p>
      {validity.violations.length > 0 && (
        <ul aria-label="Violations" className="mt-1 space-y-0.5">
          {validity.violations.slice(0, 100).map((v, i) => (
            <li key={i} className="mono break-words">
              <span className="rounded bg-slate-100 px-1 dark:bg-slate-800">{v.source}</span> <b>{v.path}</b>:{" "}
              {v.message}
              {v.expected !== undefined && <> · expected {v.expected}</>}
              {v.found !== undefined && <> · found {v.found}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
