"use client";
import { useCallback, useReducer } from "react";

const memory = new WeakMap<object, Map<string, unknown>>();

function memoryOf(owner: object): Map<string, unknown> {
  let m = memory.get(owner);
  if (!m) memory.set(owner, (m = new Map()));
  return m;
}

/**
 * useState whose value belongs to `owner` (a session) rather than to the component: a tab's
 * selection survives switching tabs, and each session keeps its own.
 */
export function useSessionMemory<T>(owner: object, key: string, initial: T): [T, (value: T) => void] {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const m = memoryOf(owner);
  const value = m.has(key) ? (m.get(key) as T) : initial;
  const set = useCallback(
    (next: T) => {
      memoryOf(owner).set(key, next);
      rerender();
    },
    [owner, key],
  );
  return [value, set];
}
