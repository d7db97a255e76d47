"use client";
import { useCallback, useRef, useState } from "react";
import { runDoctor, type DoctorReport } from "@/lib/doctor";
import type { ConnectionConfig } from "@/lib/base";
import { errorMessage } from "@/lib/base";
import { useDoctorToken } from "./DoctorAccess";

export type DoctorState =
  | { phase: "idle" }
  | { phase: "running" }
  | { phase: "done"; report: DoctorReport }
  | { phase: "error"; message: string };

const IDLE: DoctorState = { phase: "idle" };

/** Runs the connection doctor for a connection on request; a report belongs to the settings it was run with. */
export function useDoctor(config: ConnectionConfig) {
  const token = useDoctorToken();
  const key = JSON.stringify(config);
  const [held, setHeld] = useState<{ key: string; run: number; state: DoctorState }>({ key, run: 0, state: IDLE });
  const runs = useRef(0);
  const start = useCallback(() => {
    const run = ++runs.current;
    const set = (state: DoctorState) =>
      setHeld((h) => (h.run === run || state.phase === "running" ? { key, run, state } : h));
    if (!token) return set({ phase: "error", message: "The doctor needs the inspector's token." });
    set({ phase: "running" });
    runDoctor(config, { token }).then(
      (report) => set({ phase: "done", report }),
      (e: unknown) => set({ phase: "error", message: errorMessage(e) }),
    );
  }, [config, key, token]);
  const close = useCallback(() => {
    runs.current++;
    setHeld((h) => ({ ...h, run: -1, state: IDLE }));
  }, []);
  // A report of other settings (the connection was edited) is not shown.
  return { state: held.key === key ? held.state : IDLE, start, close };
}
