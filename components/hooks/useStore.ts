"use client";
import { useSyncExternalStore } from "react";
import type { Store } from "@/lib/base";
import type { TrafficLog } from "@/lib/traffic";
import { logRenderPacer } from "./renderPacer";

/** Subscribe a component to a plain store. */
export function useStore<S>(store: Store<S>): S {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * Subscribe to a traffic log. Returns the log's version, so the component re-renders when entries
 * were appended. Every view of one log is told in the same animation frame (one React render for
 * all of them), at most ten times a second while frames keep coming; the first change after a quiet
 * spell shows on the next frame.
 */
export function useTrafficVersion(log: TrafficLog): number {
  const pacer = logRenderPacer(log);
  return useSyncExternalStore(
    pacer.subscribe,
    () => log.version,
    () => log.version,
  );
}
