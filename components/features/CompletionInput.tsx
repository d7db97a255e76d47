"use client";
import { useId, useState } from "react";
import type { Completer, CompletionsState } from "@/lib/features";
import { Store } from "@/lib/base";
import { useStore } from "../hooks/useStore";
import { NOTE } from "./ui";

/** Stands in for a completer when the server declares no completions: never changes. */
const idle = new Store<CompletionsState>({ byArgument: {} });

export interface CompletionInputProps {
  /** The argument or template variable name: also the input's accessible name. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** Asks `completion/complete` as the user types; absent when the server has no completions. */
  completer?: Completer;
  /** The other filled-in values, sent as `context.arguments`. */
  filled: Readonly<Record<string, string>>;
  required?: boolean;
  description?: string;
}

/**
 * A text input with as-you-type suggestions from the server, as an ARIA combobox + listbox:
 * arrow keys move through the suggestions, Enter or a click picks one, Escape closes the list.
 * Suggestions are server strings and render as text.
 */
export function CompletionInput({
  name,
  value,
  onChange,
  completer,
  filled,
  required,
  description,
}: CompletionInputProps) {
  const id = useId();
  const listId = `${id}-suggestions`;
  const state = useStore(completer?.store ?? idle);
  const suggestions = completer ? state.byArgument[name] : undefined;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const values = suggestions?.values ?? [];
  const shown = open && values.length > 0;

  const ask = (v: string) => {
    if (!completer) return;
    completer.type(name, v, filled);
    setOpen(true);
    setActive(-1);
  };
  const pick = (v: string) => {
    onChange(v);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="relative flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        <span className="mono">{name}</span>
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-red-600 dark:text-red-400" title="required">
            *
          </span>
        )}
        {required && (
          <span className="ml-1 text-[11px] font-normal text-slate-600 dark:text-slate-400">(required)</span>
        )}
      </label>
      <input
        id={id}
        aria-label={name}
        role={completer ? "combobox" : undefined}
        aria-autocomplete={completer ? "list" : undefined}
        aria-expanded={completer ? shown : undefined}
        aria-controls={completer ? listId : undefined}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        aria-required={required || undefined}
        aria-description={description}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          ask(e.target.value);
        }}
        onFocus={() => {
          if (completer && !suggestions) ask(value);
          else setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (!completer) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            if (!open) setOpen(true);
            setActive((a) => Math.min(values.length - 1, a + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === "Enter" && shown && active >= 0 && values[active] !== undefined) {
            e.preventDefault();
            pick(values[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className="input mono"
      />
      {description && (
        <p className="text-[11px] whitespace-pre-wrap text-slate-600 dark:text-slate-400">{description}</p>
      )}
      {completer && (
        <p className={NOTE} aria-live="polite">
          {suggestions?.status === "loading" || suggestions?.status === "waiting"
            ? "asking the server for suggestions…"
            : suggestions?.status === "error"
              ? `No suggestions: ${suggestions.error?.message ?? "the request failed"}`
              : suggestions?.status === "ready"
                ? `${values.length}${suggestions.total !== undefined ? ` of ${suggestions.total}` : ""} suggestion${values.length === 1 ? "" : "s"}${suggestions.hasMore ? " (more on the server)" : ""}`
                : ""}
        </p>
      )}
      {completer && (
        <ul
          id={listId}
          role="listbox"
          aria-label={`Suggestions for ${name}`}
          hidden={!shown}
          className="absolute top-full z-10 mt-0.5 max-h-56 w-full overflow-auto rounded border border-slate-300 bg-white text-sm shadow dark:border-slate-600 dark:bg-slate-900"
        >
          {shown &&
            values.map((v, i) => (
              <li
                key={`${i}-${v}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(v)}
                className={`mono cursor-pointer truncate px-2 py-1 ${i === active ? "bg-indigo-100 dark:bg-indigo-900" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
              >
                {v}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
