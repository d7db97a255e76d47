import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { nameOf, type StringNode } from "@/lib/schema";
import { DateTimeField } from "./DateTimeField";
import type { FieldProps } from "./fieldProps";
import { FieldShell, useFieldErrors } from "./FieldShell";
import { useForm } from "./formContext";

export const PLACEHOLDERS: Record<string, string> = {
  "date-time": "2025-01-31T12:00:00Z",
  date: "2025-01-31",
  time: "12:00:00Z",
  email: "name@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-0000-0000-000000000000",
};

/** Patterns up to this long describe a token (an id, a code), not prose. */
const SHORT_PATTERN = 40;

/**
 * Free text (no format, no short pattern, no small maxLength) can hold several lines from the start:
 * a text box that grows as lines are added, where Enter adds a line. Tokens (formats, patterns,
 * short limits) are single-line, where Enter calls the tool; Shift+Enter or the ¶ button switches
 * either way. Ctrl/⌘+Enter calls the tool from any field (ToolPanel).
 */
export function freeText(node: StringNode): boolean {
  if (node.contentMediaType !== undefined || (node.maxLength ?? 0) > 500) return true;
  if (node.format !== undefined) return false;
  if (node.pattern !== undefined && node.pattern.length <= SHORT_PATTERN) return false;
  return node.maxLength === undefined || node.maxLength > 100;
}

/** Text: empty means absent for optional fields. */
export function StringField(props: FieldProps<StringNode>) {
  const { node, value, path, label, caption, required } = props;
  if (node.format === "date-time") return <DateTimeField {...props} />;
  return <TextField node={node} value={value} path={path} label={label} caption={caption} required={required} />;
}

function TextField({ node, value, path, label, caption, required }: FieldProps<StringNode>) {
  const { set, submit } = useForm();
  const errors = useFieldErrors(node, value, path);
  const [lines, setLines] = useState<boolean | null>(null);
  // Where the caret goes in the text box that replaces the single-line field (Shift+Enter).
  const caret = useRef<number | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (caret.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  const text = typeof value === "string" ? value : "";
  const example = node.examples?.find((e) => typeof e === "string") as string | undefined;
  const placeholder =
    example ??
    (node.hasDefault && typeof node.default === "string"
      ? node.default
      : node.format
        ? PLACEHOLDERS[node.format]
        : undefined);
  const change = (next: string) => set(path, next === "" && !required ? undefined : next);
  // Several lines in the value always show as several lines: nothing typed is ever hidden.
  const multiline = text.includes("\n") || (lines ?? freeText(node));
  const type =
    node.format === "email"
      ? "email"
      : node.format === "uri" || node.format === "url"
        ? "url"
        : node.format === "date" && (value === undefined || /^\d{4}-\d{2}-\d{2}$/.test(text))
          ? "date"
          : "text";

  const singleKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter" || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    if (!e.shiftKey) return submit();
    // Shift+Enter: a line break, and the field becomes multi-line.
    const el = e.currentTarget;
    const at = el.selectionStart ?? text.length;
    caret.current = at + 1;
    setLines(true);
    change(text.slice(0, at) + "\n" + text.slice(el.selectionEnd ?? at));
  };
  const toggle = !node.readOnly && (!multiline || !text.includes("\n")) && (
    <button
      type="button"
      aria-label={`Multi-line ${nameOf(label)}`}
      aria-pressed={multiline}
      title={
        multiline ? "Single line: Enter calls the tool" : "Several lines: Enter adds a line (Shift+Enter switches too)"
      }
      className={`rounded px-1 text-xs ${multiline ? "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-200" : "text-slate-600 hover:bg-slate-100 dark:hover:bg-slate-800"}`}
      onClick={() => setLines(!multiline)}
    >
      ¶
    </button>
  );
  return (
    <FieldShell
      node={node}
      path={path}
      label={label}
      caption={caption}
      required={required}
      errors={errors}
      extra={toggle}
    >
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            ref={area}
            rows={1}
            className={`input field-sizing-content max-h-96 min-h-8 w-full resize-y ${node.contentMediaType !== undefined ? "mono" : ""}`}
            value={text}
            placeholder={placeholder}
            readOnly={node.readOnly}
            onChange={(e) => change(e.target.value)}
          />
        ) : (
          <input
            {...control}
            className="input w-full"
            type={type}
            value={text}
            placeholder={placeholder}
            readOnly={node.readOnly}
            onChange={(e) => change(e.target.value)}
            onKeyDown={singleKey}
          />
        )
      }
    </FieldShell>
  );
}
