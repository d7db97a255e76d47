"use client";
import { useEffect, useRef, useState } from "react";
import { pendingSteps, type GuidedFlow, type GuidedStep } from "@/lib/auth";
import type { AuthorizationPage, InspectorSession } from "@/lib/session";

const MARK: Record<GuidedStep["status"], string> = { pending: "○", ok: "✓", failed: "✗" };

/**
 * The guided OAuth debugger: the flow one step at a time (Next) or to the first failure (Run all),
 * each step with what the spec expects, what was found and, where it failed, the fix in one
 * sentence. Its requests are ordinary exchanges in the traffic log.
 */
export function OAuthDebugger({
  session,
  page,
}: {
  session: InspectorSession;
  /** The popup and its callback channel for one run; `close` when the run is dropped. */
  page: () => AuthorizationPage & { close: () => void };
}) {
  const flow = useRef<GuidedFlow | undefined>(undefined);
  const channel = useRef<{ close: () => void } | undefined>(undefined);
  useEffect(() => () => channel.current?.close(), []);
  const [steps, setSteps] = useState<GuidedStep[]>();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const start = (): GuidedFlow | undefined => {
    if (!flow.current) {
      const p = page();
      channel.current = p;
      flow.current = session.guidedOAuth(p);
    }
    return flow.current;
  };
  const run = async (all: boolean) => {
    const f = start();
    if (!f || busy) return;
    setBusy(true);
    try {
      if (all) await f.runAll();
      else await f.next();
    } finally {
      setSteps(f.steps.map((s) => ({ ...s })));
      setOver(f.done);
      setBusy(false);
    }
  };
  const restart = () => {
    flow.current = undefined;
    channel.current?.close();
    channel.current = undefined;
    setSteps(undefined);
    setOver(false);
  };
  const shown = steps ?? pendingSteps();
  return (
    <section aria-label="OAuth debugger" className="w-full space-y-2">
      <ol className="space-y-1">
        {shown.map((s) => (
          <li
            key={s.id}
            aria-label={`${s.title}: ${s.status}`}
            className={`rounded px-2 py-1 text-xs ${s.status === "failed" ? "bg-red-50 dark:bg-red-950" : ""}`}
          >
            <span className="mono mr-1">{MARK[s.status]}</span>
            <strong>{s.title}</strong> <span className="text-slate-500">expects {s.expects}</span>
            {s.found && <p className="mono break-all">found: {s.found}</p>}
            {s.fix && (
              <p role="alert" className="font-medium text-red-800 dark:text-red-300">
                Fix: {s.fix}
              </p>
            )}
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={busy || over}
          onClick={() => void run(false)}
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
        >
          Next step
        </button>
        <button
          type="button"
          disabled={busy || over}
          onClick={() => void run(true)}
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
        >
          Run all
        </button>
        {over && (
          <button
            type="button"
            onClick={restart}
            className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
          >
            Start over
          </button>
        )}
      </div>
    </section>
  );
}
