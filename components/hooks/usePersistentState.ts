"use client";
import { useCallback, useState } from "react";

/**
 * useState remembered by this browser under `mcp-lens.layout.<key>` (layout preferences only, never
 * secrets). A value that fails `valid` — or storage that cannot be read — gives `initial`.
 */
export function usePersistentState<T>(
  key: string,
  initial: T,
  valid: (value: unknown) => value is T,
): [T, (value: T) => void] {
  const name = `mcp-lens.layout.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = typeof window === "undefined" ? null : window.localStorage.getItem(name);
      const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
      return valid(parsed) ? parsed : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(name, JSON.stringify(next));
      } catch {
        /* storage blocked or full: the preference lasts for this page only */
      }
    },
    [name],
  );
  return [value, set];
}

export const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
export const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
