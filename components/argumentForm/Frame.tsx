import type { ReactNode } from "react";
import { nameOf, type FieldNode, type Path } from "@/lib/schema";
import { Caption, describedBy, Errors, Help } from "./FieldShell";
import { fieldId, useForm } from "./formContext";

/** A fieldset for a field made of other fields: legend, Clear (optional and present), help, errors. */
export function Frame({
  node,
  path,
  label,
  caption,
  required,
  present,
  errors,
  help,
  children,
}: {
  node: FieldNode;
  path: Path;
  label: string;
  caption: string;
  required: boolean;
  present: boolean;
  errors: string[];
  help: string[];
  children: ReactNode;
}) {
  const { idPrefix, set } = useForm();
  const id = fieldId(idPrefix, path, "-group");
  return (
    <fieldset
      className="min-w-0 space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800"
      {...describedBy(id, help.length > 0, errors.length > 0)}
    >
      <legend className="px-1 text-sm font-medium text-slate-800 dark:text-slate-200">
        <Caption caption={caption} label={label} required={required} node={node} />
      </legend>
      {!required && present && (
        <button
          type="button"
          className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
          aria-label={`Clear ${nameOf(label)}`}
          onClick={() => set(path, undefined)}
        >
          Clear
        </button>
      )}
      <Help id={`${id}-help`} lines={help} />
      <Errors id={`${id}-err`} errors={errors} />
      {children}
    </fieldset>
  );
}

/** Small text buttons used by arrays and maps. */
export function RowButton({
  label,
  onClick,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {children}
    </button>
  );
}
