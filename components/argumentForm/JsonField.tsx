"use client";
import { useState } from "react";
import { deepEqual, nameOf, type FieldNode, type Path } from "@/lib/schema";
import { Caption, describedBy, Errors, Help, helpOf } from "./FieldShell";
import { errorsUnder, fieldId, useForm } from "./formContext";
import { errorMessage } from "@/lib/base";

const MAX_SCHEMA_TEXT = 50_000;

/**
 * A field edited as JSON text: for schemas no control fits, and for values the controls would
 * have to reshape. Text that does not parse stays here (with the parse error) and is not written.
 * One component, so it can later become a Monaco editor.
 */
export function JsonField({
  node,
  value,
  path,
  label,
  caption,
  required,
  reason,
}: {
  node: FieldNode;
  value: unknown;
  path: Path;
  label: string;
  caption: string;
  required: boolean;
  reason: string;
}) {
  const { idPrefix, set, errors } = useForm();
  const [draft, setDraft] = useState<{ text: string; source: unknown; error?: string }>(() => ({
    text: toText(value),
    source: value,
  }));
  // Reset only when the value really changed elsewhere (a parent may hand back an equal copy).
  const current =
    draft.source === value || deepEqual(draft.source, value) ? draft : { text: toText(value), source: value };
  if (current !== draft) setDraft(current);
  const id = fieldId(idPrefix, path);
  const help = [reason, ...helpOf(node, required)];
  const shown = [...(current.error ? [`Not valid JSON: ${current.error}`] : []), ...errorsUnder(errors, path)];

  const edit = (text: string) => {
    if (text.trim() === "") {
      // An array item keeps its place: emptied, it holds null (JSON has no holes).
      setDraft({ text, source: typeof path[path.length - 1] === "number" ? null : undefined });
      set(path, undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      setDraft({ text, source: parsed });
      set(path, parsed);
    } catch (e) {
      setDraft({ text, source: value, error: errorMessage(e) });
    }
  };

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        <Caption caption={caption} label={label} required={required} node={node} />
        <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">JSON</span>
      </label>
      <textarea
        id={id}
        aria-label={nameOf(label)}
        aria-required={required || undefined}
        aria-invalid={shown.length > 0 || undefined}
        {...describedBy(id, true, shown.length > 0)}
        className="input mono min-h-16 w-full text-xs"
        spellCheck={false}
        value={current.text}
        placeholder={required ? "JSON value" : "(absent)"}
        onChange={(e) => edit(e.target.value)}
      />
      <Help id={`${id}-help`} lines={help} />
      <Errors id={`${id}-err`} errors={shown} />
      <SchemaDetails schema={node.schema} />
    </div>
  );
}

/** The subschema, rendered only while open (it can be large). */
function SchemaDetails({ schema }: { schema: unknown }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Schema</summary>
      {open && (
        <pre tabIndex={0} className="mono max-h-64 overflow-auto rounded bg-slate-50 p-2 dark:bg-slate-900">
          {schemaText(schema)}
        </pre>
      )}
    </details>
  );
}

function toText(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value, null, 2);
}

function schemaText(schema: unknown): string {
  try {
    const text = JSON.stringify(schema, null, 2) ?? String(schema);
    return text.length > MAX_SCHEMA_TEXT
      ? `${text.slice(0, MAX_SCHEMA_TEXT)}\n… (${text.length - MAX_SCHEMA_TEXT} more characters)`
      : text;
  } catch (e) {
    return `(cannot show: ${errorMessage(e)})`;
  }
}
