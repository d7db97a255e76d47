import { isRecord } from "@/lib/base";
import {
  emptyValue,
  initialValue,
  labelFor,
  matchScore,
  pointer,
  variantFor,
  variantValue,
  type FieldNode,
  type NullableNode,
  type UnionNode,
} from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldView } from "./FieldView";
import { helpOf, useFieldErrors } from "./FieldShell";
import { fieldId, useForm } from "./formContext";
import { Frame } from "./Frame";
import { JsonField } from "./JsonField";

/**
 * oneOf / anyOf / type lists: a "Variant" select, and the chosen variant's fields (built only when
 * chosen). The person's pick stands as long as the value still fits it; a value the form did not
 * write (JSON mode, history) has its variant inferred.
 */
export function UnionField({ node, value, path, label, caption, required, bare }: FieldProps<UnionNode>) {
  const { idPrefix, set, pick, choices } = useForm();
  const errors = useFieldErrors(node, value, path);
  const picked = choices.get(pointer(path));
  const pickedVariant = picked === undefined ? undefined : node.variants[picked];
  const index =
    value === undefined
      ? -1
      : pickedVariant && matchScore(pickedVariant.node, value, 1) >= 0
        ? picked!
        : variantFor(node, value);
  const chosen = index >= 0 ? node.variants[index] : undefined;
  // Only the chosen variant is built; a $ref variant is opened because the user picked it.
  const inner = chosen && (chosen.node.kind === "ref" ? chosen.node.resolve() : chosen.node);
  const selectId = fieldId(idPrefix, path, "-variant");

  const choose = (i: number) => {
    const v = node.variants[i];
    if (!v) return set(path, undefined);
    let next = variantValue(v.node, node.discriminator, v.tag);
    if (next === undefined) next = emptyValue(v.node);
    // Keep what was typed into properties the new variant also has.
    if (isRecord(next) && isRecord(value)) {
      const names = propertyNames(v.node);
      next = {
        ...next,
        ...Object.fromEntries(Object.entries(value).filter(([k]) => k !== node.discriminator && names.has(k))),
      };
    }
    pick(path, i, next);
  };

  const picker = (
    <div className="flex items-center gap-2">
      <label htmlFor={selectId} className="text-xs text-slate-600 dark:text-slate-400">
        Variant
      </label>
      <select
        id={selectId}
        aria-label={labelFor.variant(label)}
        className="input"
        value={index >= 0 ? String(index) : value === undefined ? "" : "none"}
        onChange={(e) => choose(e.target.value === "" ? -1 : Number(e.target.value))}
      >
        {(value === undefined || !required) && <option value="">{required ? "(choose)" : "(unset)"}</option>}
        {index < 0 && value !== undefined && (
          <option value="none" disabled>
            (matches no variant)
          </option>
        )}
        {node.variants.map((v, i) => (
          <option key={i} value={String(i)}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
  const body = inner ? (
    <FieldView
      node={inner}
      value={value}
      path={path}
      label={label}
      caption={caption}
      required={required}
      bare
      {...(node.discriminator ? { omit: node.discriminator } : {})}
    />
  ) : value !== undefined ? (
    <JsonField
      node={node}
      value={value}
      path={path}
      label={label}
      caption={caption}
      required={required}
      reason="The value matches none of the variants: pick one, or edit it as JSON."
    />
  ) : null;
  if (bare) {
    return (
      <div className="space-y-3">
        {picker}
        {body}
      </div>
    );
  }
  return (
    <Frame
      node={node}
      path={path}
      label={label}
      caption={caption}
      required={required}
      present={value !== undefined}
      errors={inner ? [] : errors}
      help={helpOf(node, required)}
    >
      {picker}
      {body}
    </Frame>
  );
}

function propertyNames(node: FieldNode): Set<string> {
  const n = node.kind === "ref" ? node.resolve() : node;
  return new Set(n.kind === "object" ? n.properties.map((p) => p.name) : []);
}

/** A value that may be null: the field, and a "null" checkbox. */
export function NullableField({ node, value, path, label, caption, required, bare }: FieldProps<NullableNode>) {
  const { idPrefix, set } = useForm();
  const id = fieldId(idPrefix, path, "-null");
  return (
    <div className="space-y-1">
      {value === null ? (
        <p className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {caption}: <span className="mono text-slate-600 dark:text-slate-400">null</span>
        </p>
      ) : (
        <FieldView
          node={node.inner}
          value={value}
          path={path}
          label={label}
          caption={caption}
          required={required}
          bare={bare}
        />
      )}
      <label htmlFor={id} className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        <input
          id={id}
          type="checkbox"
          aria-label={labelFor.isNull(label)}
          checked={value === null}
          disabled={node.readOnly}
          onChange={(e) => set(path, e.target.checked ? null : initialValue(node.inner))}
        />
        null
      </label>
    </div>
  );
}
