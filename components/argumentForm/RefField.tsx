import { useState } from "react";
import { nameOf, type RefNode } from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldView } from "./FieldView";
import { Caption, describedBy, Errors, Help, helpOf } from "./FieldShell";
import { errorsUnder, fieldId, useForm } from "./formContext";

/**
 * A `$ref` (or nesting past the eager limit), built only when opened: by "Expand", or by itself
 * as soon as the value has something there. Recursive schemas therefore open one level at a time.
 */
export function RefField(props: FieldProps<RefNode>) {
  const { node, value, path, label, caption, required } = props;
  const { idPrefix, errors } = useForm();
  const [opened, setOpen] = useState(false);
  // Once there is a value it stays open, even if the value is cleared again.
  if (value !== undefined && !opened) setOpen(true);
  if (opened || value !== undefined) return <FieldView {...props} node={node.resolve()} />;

  const id = fieldId(idPrefix, path, "-ref");
  const help = helpOf(node, required);
  const below = errorsUnder(errors, path);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="text-sm font-medium text-slate-800 dark:text-slate-200">
          <Caption caption={caption} label={label} required={required} node={node} />
        </span>
        <button
          type="button"
          aria-label={`Expand ${nameOf(label)}`}
          {...describedBy(id, help.length > 0, below.length > 0)}
          className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          onClick={() => setOpen(true)}
        >
          Expand
        </button>
        <span className="mono text-xs text-slate-600 dark:text-slate-400">{node.target}</span>
      </div>
      <Help id={`${id}-help`} lines={help} />
      <Errors id={`${id}-err`} errors={below} />
    </div>
  );
}
