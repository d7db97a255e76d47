"use client";
import { useMemo, useState } from "react";
import type { ElicitRequestFormParams } from "@modelcontextprotocol/client";
import {
  elicitationFields,
  elicitationResult,
  initialElicitationValues,
  validateElicitation,
  type ElicitField,
  type ElicitValue,
  type ElicitValues,
  type ServerRequests,
} from "@/lib/client";
import { button, danger, json, primary } from "./ui";

const INPUT_TYPE: Record<string, string> = { email: "email", uri: "url", date: "date" };

/** A pending form elicitation: the requested schema as a form; Accept, Decline or Cancel. */
export function ElicitationFormCard({
  id,
  params,
  requests,
}: {
  id: string;
  params: ElicitRequestFormParams;
  requests: ServerRequests;
}) {
  const fields = useMemo(() => elicitationFields(params.requestedSchema), [params.requestedSchema]);
  const [values, setValues] = useState<ElicitValues>(() => initialElicitationValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: string, value: ElicitValue) => setValues((v) => ({ ...v, [name]: value }));
  const accept = () => {
    const checked = validateElicitation(fields, values);
    if (!checked.ok) return setErrors(checked.errors);
    requests.answer(id, elicitationResult("accept", checked.content) as Record<string, unknown>);
  };
  return (
    <div className="space-y-3">
      <p className="whitespace-pre-wrap">{params.message}</p>
      {fields.length === 0 && (
        <p className="text-xs text-slate-600 dark:text-slate-400">The server asks for no fields.</p>
      )}
      <div className="space-y-2">
        {fields.map((f) => (
          <FieldControl
            key={f.name}
            cardId={id}
            field={f}
            value={values[f.name]}
            error={errors[f.name]}
            onChange={(v) => set(f.name, v)}
          />
        ))}
      </div>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          Fix the fields marked above, or decline.
        </p>
      )}
      <div className="flex gap-2">
        <button type="button" className={primary} onClick={accept}>
          Accept
        </button>
        <button
          type="button"
          className={button}
          onClick={() => requests.answer(id, elicitationResult("decline") as Record<string, unknown>)}
        >
          Decline
        </button>
        <button
          type="button"
          className={danger}
          onClick={() => requests.answer(id, elicitationResult("cancel") as Record<string, unknown>)}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

function FieldControl({
  cardId,
  field: f,
  value,
  error,
  onChange,
}: {
  cardId: string;
  field: ElicitField;
  value: ElicitValue;
  error?: string;
  onChange: (v: ElicitValue) => void;
}) {
  const controlId = `${cardId}-${f.name}`;
  const hintId = `${controlId}-hint`;
  const hints = [
    f.required && "required",
    f.description,
    f.kind === "text" && f.format && `format: ${f.format}`,
    f.kind === "number" && rangeText(f.minimum, f.maximum, f.integer),
  ]
    .filter(Boolean)
    .join(" · ");
  const described = hints || error ? hintId : undefined;
  // The label is the title alone (a required mark would change the field's name); "required" is in the hint.
  const label = <span className="text-xs font-medium">{f.title}</span>;
  let control: React.ReactNode;
  switch (f.kind) {
    case "text":
      control = (
        <input
          id={controlId}
          className="input w-full"
          type={(f.format && INPUT_TYPE[f.format]) ?? "text"}
          value={typeof value === "string" ? value : ""}
          required={f.required}
          aria-invalid={!!error}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case "number":
      control = (
        <input
          id={controlId}
          className="input w-40"
          type="number"
          step={f.integer ? 1 : "any"}
          value={value === undefined ? "" : String(value)}
          required={f.required}
          aria-invalid={!!error}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case "boolean":
      return (
        <div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={value === true}
              aria-describedby={described}
              onChange={(e) => onChange(e.target.checked)}
            />
            {label}
          </label>
          <Hint id={hintId} hints={hints} error={error} />
        </div>
      );
    case "select":
      control = (
        <select
          id={controlId}
          className="input"
          value={typeof value === "string" ? value : ""}
          aria-invalid={!!error}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">(none)</option>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case "multiselect": {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset aria-describedby={described}>
          <legend>{label}</legend>
          <div className="flex flex-wrap gap-3">
            {f.options.map((o) => (
              <label key={o.value} className="flex items-center gap-1 text-xs">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
                  }
                />
                {o.label}
              </label>
            ))}
          </div>
          <Hint id={hintId} hints={hints} error={error} />
        </fieldset>
      );
    }
    case "unsupported":
      return (
        <div>
          {label}
          <p className="text-xs text-amber-700 dark:text-amber-400">
            Not a field elicitation allows ({f.reason}); it is left out of the answer.
          </p>
          <pre className="mono text-[11px] text-slate-600 dark:text-slate-400">{json(f.schema)}</pre>
          <Hint id={hintId} hints="" error={error} />
        </div>
      );
  }
  return (
    <div>
      <label htmlFor={controlId} className="block">
        {label}
      </label>
      {control}
      <Hint id={hintId} hints={hints} error={error} />
    </div>
  );
}

function Hint({ id, hints, error }: { id: string; hints: string; error?: string }) {
  if (!hints && !error) return null;
  return (
    <p id={id} className="text-xs">
      {hints && <span className="text-slate-600 dark:text-slate-400">{hints}</span>}
      {error && <span className="ml-1 text-red-700 dark:text-red-400">{error}</span>}
    </p>
  );
}

function rangeText(min: number | undefined, max: number | undefined, integer: boolean): string {
  const kind = integer ? "whole number" : "number";
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind}, at least ${min}`;
  if (max !== undefined) return `${kind}, at most ${max}`;
  return kind;
}
