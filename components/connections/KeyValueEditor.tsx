"use client";
import type { KeyValue } from "@/lib/base";
import { looksSecret } from "@/lib/base";

/** Edits name/value pairs (headers, environment variables); secret values are masked and never saved. */
export function KeyValueEditor({
  label,
  pairs,
  onChange,
  namePlaceholder,
}: {
  label: string;
  pairs: KeyValue[];
  onChange: (pairs: KeyValue[]) => void;
  namePlaceholder: string;
}) {
  const set = (i: number, patch: Partial<KeyValue>) =>
    onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</legend>
      {pairs.map((p, i) => (
        <div key={i} className="flex gap-1">
          <input
            aria-label={`${label} ${i + 1} name`}
            placeholder={namePlaceholder}
            value={p.name}
            onChange={(e) => set(i, { name: e.target.value, secret: p.secret || looksSecret(e.target.value) })}
            className="input w-2/5"
          />
          <input
            aria-label={`${label} ${i + 1} value`}
            type={p.secret ? "password" : "text"}
            placeholder="value"
            value={p.value}
            onChange={(e) => set(i, { value: e.target.value })}
            className="input min-w-0 flex-1"
          />
          <label className="flex items-center text-xs" title="Secret values are never written to storage">
            <input
              type="checkbox"
              aria-label={`${label} ${i + 1} secret`}
              checked={p.secret}
              onChange={(e) => set(i, { secret: e.target.checked })}
            />
          </label>
          <button
            type="button"
            aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
            onClick={() => onChange(pairs.filter((_, j) => j !== i))}
            className="px-1 text-slate-600 dark:text-slate-400 hover:text-red-600"
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...pairs, { name: "", value: "", secret: false }])}
        className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
      >
        + Add {label.toLowerCase().replace(/s$/, "")}
      </button>
    </fieldset>
  );
}
