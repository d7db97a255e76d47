import { choiceLabel, deepEqual, type BooleanNode, type EnumNode } from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldShell, useFieldErrors } from "./FieldShell";
import { useForm } from "./formContext";

export { StringField } from "./TextField";
export { NumberField } from "./NumberField";

const TRI: { text: string; value: boolean | undefined }[] = [
  { text: "unset", value: undefined },
  { text: "true", value: true },
  { text: "false", value: false },
];

/**
 * A required boolean is a checkbox. An optional one has three states, all visible and each one
 * click away: unset (not sent), true, false.
 */
export function BooleanField({ node, value, path, label, caption, required }: FieldProps<BooleanNode>) {
  const { set } = useForm();
  const errors = useFieldErrors(node, value, path);
  if (required) {
    return (
      <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={errors}>
        {(control) => (
          <span className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
            <input
              {...control}
              type="checkbox"
              checked={value === true}
              disabled={node.readOnly}
              onChange={(e) => set(path, e.target.checked)}
            />
            {String(value === true)}
          </span>
        )}
      </FieldShell>
    );
  }
  const unset = node.hasDefault && typeof node.default === "boolean" ? `unset (default ${node.default})` : "unset";
  return (
    <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={errors}>
      {(control) => (
        <div
          role="radiogroup"
          {...control}
          className="inline-flex overflow-hidden rounded border border-slate-300 text-xs dark:border-slate-700"
        >
          {TRI.map((o) => (
            <label
              key={o.text}
              className={`flex cursor-pointer items-center gap-1 px-2 py-1 ${value === o.value ? "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
            >
              <input
                type="radio"
                className="accent-indigo-600"
                name={control.id}
                aria-label={o.text}
                checked={value === o.value}
                disabled={node.readOnly}
                onChange={() => set(path, o.value)}
              />
              {o.value === undefined ? unset : o.text}
            </label>
          ))}
        </div>
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
  const unset = node.hasDefault ? `(unset, default ${choiceLabel(node.default)})` : "(unset)";
  return (
    <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={errors}>
      {(control) => (
        <select
          {...control}
          className="input w-full"
          value={selected}
          disabled={node.readOnly}
          onChange={(e) => set(path, e.target.value === "" ? undefined : node.choices[Number(e.target.value)]?.value)}
        >
          {(!required || value === undefined) && <option value="">{required ? "(choose)" : unset}</option>}
          {selected === "current" && <option value="current" disabled>{`(current: ${JSON.stringify(value)})`}</option>}
          {node.choices.map((c, i) => (
            <option key={i} value={String(i)}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
