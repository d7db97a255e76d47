"use client";
/**
 * The tool-argument form: real controls for any JSON Schema, editing the plain JSON value at paths.
 *
 * Accessible names (browser tests rely on them; defined in lib/schema/labels.ts):
 *   - a property: its key at the top level ("query"), "<parent>.<key>" below ("location.city");
 *     the visible caption is the schema `title` (else the key), with the name beside it when different.
 *   - array items: "<name> item <n>" from 1 ("tags item 1", "matrix item 2 item 1", "people item 1.name");
 *     buttons "Add <name> item", "Move <name> item <n> up" / "down", "Remove <name> item <n>".
 *   - tuple positions: "<name> <n>" ("point 1"); extra items "Remove <name> <n>".
 *   - map entries: "<name> key <n>" and "<name> value <n>"; buttons "Add <name> entry", "Remove <name> entry <n>".
 *   - unions: select "Variant <name>"; the chosen variant's fields keep the union's name (transparent);
 *     a discriminator property ("type": "circle") is set by the select and not shown as a field.
 *   - nullable: checkbox "<name> is null"; the value control keeps the name.
 *   - lazy $ref / deep nesting: button "Expand <name>" until opened, then transparent.
 *   - optional objects, arrays, maps and unions that are present: button "Clear <name>".
 *   - optional booleans: radio group "<name>" with radios "unset", "true", "false".
 *   - date-time strings: the date and time control keeps the name; select "<name> time zone".
 *   - text: button "Multi-line <name>" (pressed when the field holds several lines).
 *   - the root's name is "arguments" where one is needed ("Variant arguments", "arguments item 1").
 * Required fields show * and carry aria-required. Help and errors are linked with aria-describedby;
 * a field with errors has aria-invalid.
 */
import { useLayoutEffect, useMemo, useRef, useId, useState } from "react";
import {
  afterEdit,
  choose,
  modelFor,
  NO_CHOICES,
  setAt,
  type ArgumentError,
  type Moved,
  type Path,
  type VariantChoices,
} from "@/lib/schema";
import { FieldView } from "./FieldView";
import { FormContext, type FormApi } from "./formContext";

const NO_ERRORS: ArgumentError[] = [];

export function ArgumentForm({
  schema,
  value,
  onChange,
  errors = NO_ERRORS,
  idPrefix,
  quiet = false,
  onSubmit,
}: {
  schema: unknown;
  value: unknown;
  onChange(next: unknown): void;
  errors?: { path: string; message: string; severity?: "error" | "warning" }[];
  idPrefix?: string;
  /** Hide checks until the person has edited something (or tried to call). */
  quiet?: boolean;
  /** Enter in a single-line field. */
  onSubmit?: () => void;
}) {
  // Built once per schema object; lazy parts are built as they are opened.
  const model = useMemo(() => modelFor(schema), [schema]);
  const reactId = useId();
  const prefix = idPrefix ?? `arg${reactId.replace(/[^A-Za-z0-9_-]/g, "")}`;
  // Several edits can happen before the next render: each builds on the latest value, not a stale prop.
  const latest = useRef({ value, onChange, onSubmit });
  // The variants the person picked. A value this form did not write (JSON mode, history) is read
  // afresh: its variants are inferred again.
  const [choices, setChoices] = useState<VariantChoices>(NO_CHOICES);
  const written = useRef(value);
  useLayoutEffect(() => {
    latest.current = { value, onChange, onSubmit };
    if (value !== written.current) {
      written.current = value;
      setChoices(NO_CHOICES);
    }
  }, [value, onChange, onSubmit]);
  // Validation makes a new (usually equal) errors array per edit; an equal one keeps the context
  // stable, so memoized fields outside the edited path do not re-render.
  const errorsKey = JSON.stringify(errors);
  const stableErrors = useMemo(() => JSON.parse(errorsKey) as ArgumentError[], [errorsKey]);
  const api = useMemo<FormApi>(() => {
    const write = (path: Path, next: unknown) => {
      const updated = setAt(latest.current.value, path, next);
      latest.current = { ...latest.current, value: updated };
      written.current = updated;
      latest.current.onChange(updated);
    };
    return {
      idPrefix: prefix,
      errors: quiet ? NO_ERRORS : stableErrors,
      choices,
      quiet,
      set: (path: Path, next: unknown, moved?: Moved) => {
        setChoices((c) => afterEdit(c, path, next, moved));
        write(path, next);
      },
      pick: (path: Path, index: number, next: unknown) => {
        setChoices((c) => choose(c, path, index));
        write(path, next);
      },
      submit: () => latest.current.onSubmit?.(),
    };
  }, [prefix, stableErrors, choices, quiet]);
  const schemaWarnings = stableErrors.filter((e) => e.severity === "warning");

  return (
    <FormContext value={api}>
      <div className="space-y-3 text-sm">
        {(model.warnings.length > 0 || schemaWarnings.length > 0) && (
          <details className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
            <summary className="cursor-pointer">
              {model.warnings.length + schemaWarnings.length} schema note
              {model.warnings.length + schemaWarnings.length === 1 ? "" : "s"}
            </summary>
            <ul className="mono mt-1 list-disc space-y-0.5 pl-5">
              {schemaWarnings.map((w, i) => (
                <li key={`v${i}`}>{w.message}</li>
              ))}
              {model.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          </details>
        )}
        <FieldView node={model.root} value={value} path={[]} label="" caption="Arguments" required bare />
      </div>
    </FormContext>
  );
}
