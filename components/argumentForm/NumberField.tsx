import { useState, type KeyboardEvent } from "react";
import { numberToText, parseNumberText, type NumberNode } from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldShell, useFieldErrors } from "./FieldShell";
import { useForm } from "./formContext";

/**
 * A number typed as text: what the person typed stays on screen ("-", "1.", "1e" on the way to a
 * number), and only what it means is written. Text that is not (yet) a number writes nothing (an
 * array item keeps its place as null) and is marked invalid until it is one. ↑/↓ step the value.
 */
export function NumberField({ node, value, path, label, caption, required }: FieldProps<NumberNode>) {
  const { set, submit, quiet } = useForm();
  const [typed, setTyped] = useState<{ text: string; meant: number | undefined } | null>(null);
  const checks = useFieldErrors(node, value, path);
  const current = typeof value === "number" ? value : undefined;
  // The typed text stands while the value is what it meant; a value changed elsewhere is shown plainly.
  const text = typed !== null && typed.meant === current ? typed.text : numberToText(value);
  const parsed = parseNumberText(text);
  let errors = checks;
  if (parsed.kind === "invalid") errors = [parsed.message];
  else if (parsed.kind === "empty" && value === null && required) errors = quiet ? [] : ["is required: enter a number"];
  const inexact = current !== undefined && Number.isInteger(current) && !Number.isSafeInteger(current);
  if (inexact) errors = [...errors, "beyond ±2^53: JSON numbers this large are not exact"];

  const write = (next: string) => {
    const meaning = parseNumberText(next);
    const meant = meaning.kind === "number" ? meaning.value : undefined;
    setTyped({ text: next, meant });
    set(path, meant);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      return submit();
    }
    if ((e.key === "ArrowUp" || e.key === "ArrowDown") && parsed.kind !== "invalid" && !node.readOnly) {
      e.preventDefault();
      const step = node.multipleOf ?? 1;
      const from = parsed.kind === "number" ? parsed.value : (node.minimum ?? 0) - (e.key === "ArrowUp" ? step : -step);
      const next = Number((from + (e.key === "ArrowUp" ? step : -step)).toPrecision(12));
      setTyped(null);
      set(path, next);
    }
  };
  const placeholder = node.hasDefault && typeof node.default === "number" ? String(node.default) : undefined;
  return (
    <FieldShell node={node} path={path} label={label} caption={caption} required={required} errors={errors}>
      {(control) => (
        <input
          {...control}
          className="input mono w-full"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={placeholder}
          readOnly={node.readOnly}
          onChange={(e) => write(e.target.value)}
          onKeyDown={keys}
          // A finished number is shown plainly once the field is left ("1." → "1"); unfinished text stays, marked.
          onBlur={() => parsed.kind === "number" && setTyped(null)}
        />
      )}
    </FieldShell>
  );
}
