"use client";
import { useCallback, useSyncExternalStore } from "react";

const memory = new WeakMap<object, Map<string, unknown>>();
const listeners = new WeakMap<object, Set<() => void>>();

function memoryOf(owner: object): Map<string, unknown> {
  let m = memory.get(owner);
  if (!m) memory.set(owner, (m = new Map()));
  return m;
}

function listenersOf(owner: object): Set<() => void> {
  let l = listeners.get(owner);
  if (!l) listeners.set(owner, (l = new Set()));
  return l;
}

/**
 * Set a value `owner` holds, from outside the component that shows it (a traffic row's "Edit and
 * resend" fills the composer and opens its tab); every component using that key renders again.
 */
export function setSessionMemory(owner: object, key: string, value: unknown): void {
  memoryOf(owner).set(key, value);
  for (const listener of listenersOf(owner)) listener();
}

/**
 * useState whose value belongs to `owner` (a session) rather than to the component: a tab's
 * selection survives switching tabs, and each session keeps its own.
 */
export function useSessionMemory<T>(owner: object, key: string, initial: T): [T, (value: T) => void] {
  const subscribe = useCallback(
    (listener: () => void) => {
      const set = listenersOf(owner);
      set.add(listener);
      return () => void set.delete(listener);
    },
    [owner],
  );
  const read = () => {
    const m = memoryOf(owner);
    return m.has(key) ? (m.get(key) as T) : initial;
  };
  const value = useSyncExternalStore(subscribe, read, read);
  const set = useCallback((next: T) => setSessionMemory(owner, key, next), [owner, key]);
  return [value, set];
}
