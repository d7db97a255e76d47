import { useEffect, useRef, useState } from "react";
import { deepEqual, nameOf, type BooleanNode, type EnumNode, type NumberNode, type StringNode } from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldShell, useFieldErrors } from "./FieldShell";
import { useForm } from "./formContext";

const PLACEHOLDERS: Record<string, string> = {
  "date-time": "2025-01-31T12:00:00Z",
  date: "2025-01-31",
  time: "12:00:00Z",
  email: "name@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-0000-0000-000000000000",
};

/** Text: empty means absent for optional fields; values with line breaks get a textarea. */
export function StringField({ node, value, path, label, caption, required }: FieldProps<StringNode>) {
  const { set } = useForm();
  const errors = useFieldErrors(node, value, path);
  const text = typeof value === "string" ? value : "";
  const example = node.examples?.find((e) => typeof e === "string") as string | undefined;
  const placeholder = example ?? (node.format ? PLACEHOLDERS[node.format] : undefined);
  const change = (next: string) => set(path, next === "" && !required ? undefined : next);
  const multiline = text.includes("\n") || node.contentMediaType !== undefined || (node.maxLength ?? 0) > 500;
  const type = node.format === "email" ? "email" : node.format === "uri" || node.format === "url" ? "url" : node.format === "date" && (value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(text)) ? "date" : "text";
  return (
    <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={errors}>
      {(control) =>
        multiline ? (
          <textarea {...control} className="input mono min-h-20 w-full" value={text} placeholder={placeholder} readOnly={node.readOnly} onChange={(e) => change(e.target.value)} />
        ) : (
          <input {...control} className="input w-full" type={type} value={text} placeholder={placeholder} readOnly={node.readOnly} onChange={(e) => change(e.target.value)} />
        )
      }
    </FieldShell>
  );
}

/**
 * type=number, but the JSON number is the truth: what the user typed stays on screen while it
 * means the same number ("1.50"), partial input ("-", "1e") never clears the value.
 */
export function NumberField({ node, value, path, label, caption, required }: FieldProps<NumberNode>) {
  const { set } = useForm();
  const [draft, setDraft] = useState<string | null>(null);
  const errors = useFieldErrors(node, value, path);
  const shown = draft !== null && (draft === "" ? value === undefined : Number(draft) === value) ? draft : typeof value === "number" ? String(value) : "";
  const n = typeof value === "number" ? value : undefined;
  const inexact = n !== undefined && Number.isInteger(n) && !Number.isSafeInteger(n);
  return (
    <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={inexact ? [...errors, "beyond ±2^53: JSON numbers this large are not exact"] : errors}>
      {(control) => (
        <input
          {...control}
          className="input mono w-full"
          type="number"
          inputMode={node.integer ? "numeric" : "decimal"}
          step={node.integer ? 1 : "any"}
          value={shown}
          readOnly={node.readOnly}
          onChange={(e) => {
            if (e.target.validity.badInput) return;
            const text = e.target.value;
            setDraft(text);
            if (text.trim() === "") set(path, undefined);
            else if (Number.isFinite(Number(text))) set(path, Number(text));
          }}
          onBlur={() => setDraft(null)}
        />
      )}
    </FieldShell>
  );
}

/** A checkbox; an optional boolean that is absent shows as indeterminate and can be cleared again. */
export function BooleanField({ node, value, path, label, caption, required }: FieldProps<BooleanNode>) {
  const { set } = useForm();
  const ref = useRef<HTMLInputElement>(null);
  const errors = useFieldErrors(node, value, path);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = value === undefined && !required;
  }, [value, required]);
  const clear = !required && value !== undefined && (
    <button type="button" className="text-xs text-indigo-600 hover:underline dark:text-indigo-400" aria-label={`Clear ${nameOf(label)}`} onClick={() => set(path, undefined)}>
      Clear
    </button>
  );
  return (
    <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={errors} extra={clear}>
      {(control) => (
        <span className="flex items-center gap-2 text-xs text-slate-500">
          <input {...control} ref={ref} type="checkbox" checked={value === true} disabled={node.readOnly} onChange={(e) => set(path, e.target.checked)} />
          {value === undefined ? "(unset)" : String(value)}
        </span>
      )}
    </FieldShell>
  );
}

/** A select of the choices; "(unset)" for optional fields, and a value outside the list is shown, not lost. */
export function EnumField({ node, value, path, label, caption, required }: FieldProps<EnumNode>) {
  const { set } = useForm();
  const errors = useFieldErrors(node, value, path);
  const index = value === undefined ? -1 : node.choices.findIndex((c) => deepEqual(c.value, value));
  const selected = value === undefined ? "" : index >= 0 ? String(index) : "current";
  return (
    <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={errors}>
      {(control) => (
        <select {...control} className="input w-full" value={selected} disabled={node.readOnly} onChange={(e) => set(path, e.target.value === "" ? undefined : node.choices[Number(e.target.value)]?.value)}>
          {(!required || value === undefined) && <option value="">{required ? "(choose)" : "(unset)"}</option>}
          {selected === "current" && <option value="current" disabled>{`(current: ${JSON.stringify(value)})`}</option>}
          {node.choices.map((c, i) => <option key={i} value={String(i)}>{c.label}</option>)}
        </select>
      )}
    </FieldShell>
  );
}

