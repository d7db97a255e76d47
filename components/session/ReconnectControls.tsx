"use client";
import { useEffect, useState } from "react";
import type { InspectorSession } from "@/lib/session";
import { useStore } from "../hooks/useStore";

/** After a lost connection: one click for a new session with the same settings, or let it reconnect by itself. */
export function ReconnectControls({ session }: { session: InspectorSession }) {
  const s = useStore(session.store);
  const next = s.nextReconnect;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!next) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [next]);
  const restart = s.config.transport === "stdio";
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => void session.reconnect()}
        className="rounded bg-red-700 px-2 py-0.5 text-white hover:bg-red-800"
      >
        {restart ? "Restart and reconnect" : "Reconnect"}
      </button>
      <label className="flex items-center gap-1 text-xs">
        <input type="checkbox" checked={s.autoReconnect} onChange={(e) => session.setAutoReconnect(e.target.checked)} />
        Reconnect automatically
      </label>
      {next && (
        <span role="status" aria-label="Automatic reconnect" className="text-xs">
          attempt {next.attempt} in {Math.max(0, Math.ceil((next.at - now) / 1000))} s
        </span>
      )}
    </div>
  );
}
