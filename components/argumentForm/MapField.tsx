import { useState } from "react";
import { isRecord } from "@/lib/base";
import {
  emptyValue,
  freshKey,
  labelFor,
  nameOf,
  renameKey,
  valueNodeFor,
  type JsonNode,
  type MapNode,
  type Path,
} from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldView } from "./FieldView";
import { helpOf, useFieldErrors } from "./FieldShell";
import { fieldId, useForm } from "./formContext";
import { Frame, RowButton } from "./Frame";

const NOT_ALLOWED: JsonNode = {
  kind: "json",
  reason: "The schema does not allow this key.",
  hasDefault: false,
  readOnly: false,
  writeOnly: false,
  deprecated: false,
  notes: [],
  schema: false,
};

/** additionalProperties / patternProperties: key-value rows. */
export function MapField({ node, value, path, label, caption, required, bare }: FieldProps<MapNode>) {
  const errors = useFieldErrors(node, value, path);
  const entries = <MapEntries node={node} value={value} path={path} label={label} caption={caption} />;
  if (bare) return entries;
  return (
    <Frame
      node={node}
      path={path}
      label={label}
      caption={caption}
      required={required}
      present={value !== undefined}
      errors={errors}
      help={helpOf(node, required)}
    >
      {entries}
    </Frame>
  );
}

/** The rows for keys the enclosing object does not declare, and "Add entry". */
export function MapEntries({
  node,
  value,
  path,
  label,
  caption,
}: {
  node: MapNode;
  value: unknown;
  path: Path;
  label: string;
  caption: string;
}) {
  const { set } = useForm();
  const obj = isRecord(value) ? value : {};
  const keys = Object.keys(obj).filter((k) => !node.declared.includes(k));
  const canAdd = node.additional !== null || node.patterns.length > 0;
  const add = () => {
    const key = freshKey(obj, node.declared);
    set([...path, key], emptyValue(valueNodeFor(node, key) ?? node.patterns[0]?.node ?? NOT_ALLOWED));
  };
  return (
    <div className="space-y-2">
      {node.declared.length > 0 && keys.length > 0 && (
        <p className="text-xs font-medium text-slate-600 dark:text-slate-400">{caption}</p>
      )}
      {keys.map((k, i) => (
        <MapEntry key={i} node={node} obj={obj} entryKey={k} index={i} path={path} label={label} />
      ))}
      {canAdd && (
        <button
          type="button"
          className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
          aria-label={`Add ${nameOf(label)} entry`}
          onClick={add}
        >
          {/* The visible words are part of the spoken name ("Add env entry"), WCAG 2.5.3. */}+ Add
        </button>
      )}
    </div>
  );
}

function MapEntry({
  node,
  obj,
  entryKey,
  index,
  path,
  label,
}: {
  node: MapNode;
  obj: Record<string, unknown>;
  entryKey: string;
  index: number;
  path: Path;
  label: string;
}) {
  const { idPrefix, set } = useForm();
  const [draft, setDraft] = useState<string | null>(null);
  const taken = draft !== null && draft !== entryKey;
  const rename = (next: string) => {
    if (next !== entryKey && (Object.hasOwn(obj, next) || node.declared.includes(next))) return setDraft(next);
    setDraft(null);
    if (next !== entryKey) set(path, renameKey(obj, entryKey, next), { kind: "rename", from: entryKey, to: next });
  };
  const keyId = fieldId(idPrefix, [...path, entryKey], "-key");
  const valueNode = valueNodeFor(node, entryKey) ?? NOT_ALLOWED;
  return (
    <div className="space-y-1 rounded border border-dashed border-slate-200 p-2 dark:border-slate-800">
      <div className="flex items-center gap-2">
        <input
          id={keyId}
          aria-label={labelFor.mapKey(label, index)}
          aria-invalid={taken || undefined}
          aria-describedby={taken ? `${keyId}-err` : undefined}
          className="input mono min-w-0 flex-1"
          placeholder="key"
          value={draft ?? entryKey}
          onChange={(e) => rename(e.target.value)}
          onBlur={() => setDraft(null)}
        />
        <RowButton
          label={`Remove ${nameOf(label)} entry ${index + 1}`}
          onClick={() => set([...path, entryKey], undefined)}
        >
          Remove
        </RowButton>
      </div>
      {taken && (
        <p id={`${keyId}-err`} className="text-xs text-red-700 dark:text-red-300">
          The key &quot;{draft}&quot; is already used.
        </p>
      )}
      <FieldView
        node={valueNode}
        value={obj[entryKey]}
        path={[...path, entryKey]}
        label={labelFor.mapValue(label, index)}
        caption={entryKey === "" ? "(empty key)" : entryKey}
        required
      />
    </div>
  );
}
