import { useState } from "react";
import { isRecord } from "@/lib/base";
import { labelFor, LIMITS, nameOf, pointer, type ObjectNode } from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldView } from "./FieldView";
import { Errors, helpOf, useFieldErrors } from "./FieldShell";
import { fieldId, useForm } from "./formContext";
import { Frame } from "./Frame";
import { MapEntries } from "./MapField";

/** A fieldset of the declared properties (paged past LIMITS.renderedProperties), then other keys. */
export function ObjectField({ node, value, path, label, caption, required, bare, omit }: FieldProps<ObjectNode>) {
  const { idPrefix, errors } = useForm();
  const [shown, setShown] = useState<number>(LIMITS.renderedProperties);
  const obj = isRecord(value) ? value : undefined;
  const declared = new Set(node.properties.map((p) => p.name));
  const restKeys = obj ? Object.keys(obj).filter((k) => !declared.has(k)) : [];
  const showRest = node.rest !== null && (restKeys.length > 0 || !node.rest.open);
  // Errors about keys no field shows (e.g. "not allowed" under additionalProperties: false).
  const stray = node.rest ? [] : strayErrors(errors, pointer(path), declared);
  const own = [...useFieldErrors(node, value, path), ...stray];
  const id = fieldId(idPrefix, path);
  const visible = node.properties.slice(0, shown).filter((p) => p.name !== omit);
  const body = (
    <>
      {visible.map((p) => (
        <FieldView
          key={p.name}
          node={p.node}
          value={obj?.[p.name]}
          path={[...path, p.name]}
          label={labelFor.property(label, p.name)}
          caption={p.node.title || p.name}
          required={p.required}
        />
      ))}
      {node.properties.length > shown && (
        <button
          type="button"
          className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
          onClick={() => setShown((n) => n + LIMITS.renderedProperties)}
        >
          Show {Math.min(LIMITS.renderedProperties, node.properties.length - shown)} more properties of {nameOf(label)}{" "}
          ({node.properties.length - shown} hidden)
        </button>
      )}
      {showRest && node.rest && (
        <MapEntries node={node.rest} value={value} path={path} label={label} caption="Other properties" />
      )}
    </>
  );
  if (bare) {
    return (
      <div className="space-y-3">
        <Errors id={`${id}-obj-err`} errors={own} />
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
      errors={own}
      help={helpOf(node, required)}
    >
      {body}
    </Frame>
  );
}

function strayErrors(
  errors: readonly { path: string; message: string; severity?: string }[],
  base: string,
  declared: Set<string>,
): string[] {
  const out: string[] = [];
  for (const e of errors) {
    if (e.severity === "warning" || !e.path.startsWith(base + "/")) continue;
    const key = e.path
      .slice(base.length + 1)
      .split("/")[0]!
      .replace(/~1/g, "/")
      .replace(/~0/g, "~");
    if (!declared.has(key)) out.push(`${key}: ${e.message}`);
  }
  return out;
}
