import { useState } from "react";
import { joinDateTime, localOffsetAt, nameOf, splitDateTime, type StringNode } from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldShell, useFieldErrors } from "./FieldShell";
import { useForm } from "./formContext";

/**
 * RFC 3339 `date-time`: the browser's date and time control plus the time offset, always written
 * with seconds and an explicit offset ("2026-01-02T03:04:00+01:00", "…Z"). A value the control
 * cannot hold exactly (finer than milliseconds, another spelling) is shown as text, never rewritten;
 * "Type" switches to text on purpose.
 */
export function DateTimeField({ node, value, path, label, caption, required }: FieldProps<StringNode>) {
  const { set } = useForm();
  const errors = useFieldErrors(node, value, path);
  const text = typeof value === "string" ? value : "";
  const parts = text === "" ? null : splitDateTime(text);
  const [asText, setAsText] = useState(false);
  // The zone for a value not entered yet: the browser's own, shown (and changeable) beside the time.
  const [zone, setZone] = useState<string>("local");
  const textMode = asText || (text !== "" && parts === null);
  const local = parts?.local ?? "";
  const localOffset = localOffsetAt(local || new Date().toISOString().slice(0, 16));
  const offset = parts?.offset ?? (zone === "local" ? localOffset : zone);
  const write = (next: string | undefined) =>
    set(path, next === undefined || next === "" ? (required ? "" : undefined) : next);
  const offsetFor = (l: string) => (parts ? parts.offset : zone === "local" ? localOffsetAt(l) : zone);

  const switcher = !node.readOnly && (
    <button
      type="button"
      className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
      aria-label={`${textMode ? "Pick" : "Type"} ${nameOf(label)}`}
      onClick={() => setAsText(!textMode)}
      disabled={textMode && text !== "" && parts === null}
    >
      {textMode ? "Pick" : "Type"}
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
      extra={switcher}
    >
      {(control) =>
        textMode ? (
          <input
            {...control}
            className="input mono w-full"
            type="text"
            value={text}
            placeholder={`2025-01-31T12:00:00${localOffset}`}
            readOnly={node.readOnly}
            onChange={(e) => write(e.target.value)}
          />
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <input
              {...control}
              className="input mono"
              type="datetime-local"
              step={1}
              value={local}
              readOnly={node.readOnly}
              onChange={(e) => write(joinDateTime(e.target.value, offsetFor(e.target.value)))}
            />
            <select
              aria-label={`${nameOf(label)} time zone`}
              className="input"
              value={offset}
              disabled={node.readOnly}
              onChange={(e) => {
                const next = e.target.value;
                setZone(next === localOffset ? "local" : next);
                if (parts) write(joinDateTime(parts.local, next));
              }}
            >
              <option value="Z">UTC (Z)</option>
              {localOffset !== "Z" && <option value={localOffset}>{`this browser (${localOffset})`}</option>}
              {offset !== "Z" && offset !== localOffset && <option value={offset}>{offset}</option>}
            </select>
            {text !== "" && <span className="mono text-xs text-slate-600 dark:text-slate-400">{text}</span>}
          </div>
        )
      }
    </FieldShell>
  );
}
