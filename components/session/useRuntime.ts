"use client";
/**
 * The page shell's handle on the session runtime (./runtime.ts), which loads on its own after the
 * first render: the connection form is usable before the SDK and the session views arrive, and a
 * Connect pressed meanwhile waits for them. Until then a connection's status reads as idle.
 */
import { useEffect, useState } from "react";
import { Store, errorMessage, type Status } from "@/lib/base";
import type { SessionPool } from "@/lib/session";
import type { SessionView } from "./runtime";

export interface Runtime {
  pool: SessionPool;
  SessionView: typeof SessionView;
}

const loaded = new Map<string, Promise<Runtime>>();

export function loadRuntime(token: string): Promise<Runtime> {
  let runtime = loaded.get(token);
  if (!runtime) {
    runtime = import("./runtime").then((m) => ({ pool: m.createPool(token), SessionView: m.SessionView }));
    // A failed load may be tried again (a chunk lost to a network hiccup).
    runtime.catch(() => loaded.delete(token));
    loaded.set(token, runtime);
  }
  return runtime;
}

/** What a connection's status reads as before the runtime is there. */
export const IDLE_SESSION = new Store<{ status: Status }>({ status: "idle" });

export function useRuntime(token: string): { runtime?: Runtime; error?: string; load: () => Promise<Runtime> } {
  const [runtime, setRuntime] = useState<Runtime>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    loadRuntime(token).then(
      (r) => live && setRuntime(r),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return { runtime, error, load: () => loadRuntime(token) };
}
