"use client";
import { useSyncExternalStore } from "react";
import type { Store } from "@/lib/base";
import type { TrafficLog } from "@/lib/traffic";

/** Subscribe a component to a plain store. */
export function useStore<S>(store: Store<S>): S {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * Subscribe to a traffic log. Returns the log's version, so the component re-renders when entries
 * were appended; renders are coalesced to one per animation frame however fast frames arrive.
 */
export function useTrafficVersion(log: TrafficLog): number {
  return useSyncExternalStore(
    (notify) => {
      let frame = 0;
      const unsubscribe = log.subscribe(() => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          notify();
        });
      });
      return () => {
        unsubscribe();
        if (frame) cancelAnimationFrame(frame);
      };
    },
    () => log.version,
    () => log.version,
  );
}
