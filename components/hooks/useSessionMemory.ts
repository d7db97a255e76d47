"use client";
import { useCallback, useEffect, useReducer } from "react";

const memory = new WeakMap<object, Map<string, unknown>>();
const listeners = new WeakMap<object, Set<() => void>>();

function memoryOf(owner: object): Map<string, unknown> {
  let m = memory.get(owner);
  if (!m) memory.set(owner, (m = new Map()));
  return m;
}

/** Set a remembered value from outside the component that shows it (the command palette picking a tool). */
export function setSessionMemory(owner: object, key: string, value: unknown): void {
  memoryOf(owner).set(key, value);
  for (const l of listeners.get(owner) ?? []) l();
}

/**
 * useState whose value belongs to `owner` (a session) rather than to the component: a tab's
 * selection survives switching tabs, and each session keeps its own.
 */
export function useSessionMemory<T>(owner: object, key: string, initial: T): [T, (value: T) => void] {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let set = listeners.get(owner);
    if (!set) listeners.set(owner, (set = new Set()));
    set.add(rerender);
    return () => void set.delete(rerender);
  }, [owner]);
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
