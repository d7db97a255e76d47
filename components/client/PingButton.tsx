"use client";
import { useState } from "react";
import type { PingOutcome } from "@/lib/client";
import type { InspectorSession } from "@/lib/session";
import { button } from "./ui";

/** Ping the server and show the round trip. */
export function PingButton({ session, disabled }: { session: InspectorSession; disabled: boolean }) {
  const [outcome, setOutcome] = useState<PingOutcome & { sending?: boolean }>();
  const ping = async () => {
    setOutcome({ ok: true, ms: 0, sending: true });
    setOutcome(await session.ping());
  };
  return (
    <span className="flex items-center gap-2">
      <button type="button" className={button} onClick={() => void ping()} disabled={disabled || outcome?.sending}>
        Ping
      </button>
      <span role="status" aria-label="Ping result" className="text-xs text-slate-600 dark:text-slate-400">
        {outcome?.sending
          ? "pinging…"
          : outcome
            ? outcome.ok
              ? `pong in ${Math.round(outcome.ms)} ms`
              : `ping failed: ${outcome.error}`
            : ""}
      </span>
    </span>
  );
}
