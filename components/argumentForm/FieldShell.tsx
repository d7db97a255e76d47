import type { ReactNode } from "react";
import { constraintSummary, fieldErrors, nameOf, type FieldNode, type Path } from "@/lib/schema";
import { errorsAt, fieldId, useForm } from "./formContext";

/** Props every control spreads: its id and accessible name, required/invalid state, help links. */
export interface ControlProps {
  id: string;
  "aria-label": string;
  "aria-required"?: true;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * One field's frame: visible caption (title or key, * when required, the accessible name beside it
 * when different), help (description, constraints, examples, unrendered keywords) and errors, both
 * linked to the control with aria-describedby.
 */
export function FieldShell({
  node,
  path,
  label,
  caption,
  required,
  errors,
  children,
  extra,
}: {
  node: FieldNode;
  path: Path;
  label: string;
  caption: string;
  required: boolean;
  errors: string[];
  children: (control: ControlProps) => ReactNode;
  extra?: ReactNode;
}) {
  const { idPrefix } = useForm();
  const id = fieldId(idPrefix, path);
  const help = helpOf(node, required);
  const control: ControlProps = {
    id,
    "aria-label": nameOf(label),
    ...(required ? { "aria-required": true as const } : {}),
    ...(errors.length > 0 ? { "aria-invalid": true as const } : {}),
    ...describedBy(id, help.length > 0, errors.length > 0),
  };
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          <Caption caption={caption} label={label} required={required} node={node} />
        </label>
        {extra}
      </div>
      {children(control)}
      <Help id={`${id}-help`} lines={help} />
      <Errors id={`${id}-err`} errors={errors} />
    </div>
  );
}

export function describedBy(id: string, hasHelp: boolean, hasErrors: boolean): { "aria-describedby"?: string } {
  const ids = [hasHelp ? `${id}-help` : "", hasErrors ? `${id}-err` : ""].filter(Boolean).join(" ");
  return ids ? { "aria-describedby": ids } : {};
}

export function Caption({
  caption,
  label,
  required,
  node,
}: {
  caption: string;
  label: string;
  required: boolean;
  node: FieldNode;
}) {
  return (
    <>
      {caption}
      {required && (
        <span aria-hidden="true" className="text-red-600 dark:text-red-400">
          {" "}
          *
        </span>
      )}
      {label !== "" && label !== caption && (
        <span className="mono ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">{label}</span>
      )}
      {node.deprecated && (
        <span className="ml-2 rounded bg-amber-100 px-1 text-xs font-normal text-amber-800 dark:bg-amber-950 dark:text-amber-300">
          deprecated
        </span>
      )}
      {node.readOnly && (
        <span className="ml-2 rounded bg-slate-100 px-1 text-xs font-normal text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          read-only
        </span>
      )}
    </>
  );
}

/** Help lines for a node: description, constraints, examples, and what validation checks instead. */
export function helpOf(node: FieldNode, required = false): string[] {
  const lines: string[] = [];
  if (node.description) lines.push(node.description);
  const summary = constraintSummary(node);
  if (summary) lines.push(summary);
  if (node.examples && node.examples.length > 0) lines.push(`Examples: ${node.examples.map(exampleText).join(", ")}`);
  // A required field starts with its default; an optional one shows it and sends it only when asked.
  if (node.hasDefault)
    lines.push(
      required
        ? `Default: ${exampleText(node.default)}`
        : `Default: ${exampleText(node.default)} (not sent unless you enter it or choose "Send defaults")`,
    );
  for (const note of node.notes) lines.push(`Note: ${note}`);
  return lines;
}

function exampleText(v: unknown): string {
  const s = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? s.slice(0, 79) + "…" : s;
}

export function Help({ id, lines }: { id: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div id={id} className="space-y-0.5 text-xs whitespace-pre-line text-slate-600 dark:text-slate-400">
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

export function Errors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="text-xs text-red-700 dark:text-red-300">
      {errors.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  );
}

/** A field's errors: its own checks while typing, else what validation reported for its path. None before the first edit. */
export function useFieldErrors(node: FieldNode, value: unknown, path: Path): string[] {
  const { errors, quiet } = useForm();
  if (quiet) return [];
  const local = fieldErrors(node, value);
  return local.length > 0 ? local : errorsAt(errors, path);
}
