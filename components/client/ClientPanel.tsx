"use client";
import { useEffect, useRef, useState } from "react";
import { openItems } from "@/lib/client";
import type { InspectorSession } from "@/lib/session";
import { useStore } from "../hooks/useStore";
import { ClientTaskList } from "./ClientTaskList";
import { PingButton } from "./PingButton";
import { RequestCard } from "./RequestCard";
import { RootsEditor } from "./RootsEditor";
import { button } from "./ui";

type Open = "requests" | "roots" | undefined;

/**
 * MCP Lens as a client, for one session: a bar always shown under the status (pending requests
 * count, roots, ping) that opens a drawer. Nothing here is modal: cards wait side by side and the
 * rest of the page stays usable. A new pending request opens the drawer.
 */
export function ClientPanel({ session }: { session: InspectorSession }) {
  const features = session.clientFeatures;
  const { items } = useStore(features.requests.store);
  const roots = useStore(features.roots.store);
  const { status } = useStore(session.store);
  const [open, setOpen] = useState<Open>();
  const pending = openItems({ items }).length;
  const seen = useRef(pending);
  useEffect(() => {
    if (pending > seen.current) setOpen("requests");
    seen.current = pending;
  }, [pending]);

  // Open and awaiting cards first (oldest first: answer in order), then finished ones, newest first.
  const active = items.filter((i) => i.status === "pending" || i.status === "awaiting-completion");
  const finished = items.filter((i) => i.status === "answered" || i.status === "cancelled").reverse();
  const toggle = (which: Exclude<Open, undefined>) => setOpen((o) => (o === which ? undefined : which));

  return (
    <section aria-label="Client features" className="border-b border-slate-200 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2 px-3 py-1.5 text-sm">
        <button
          type="button"
          className={`${button} flex items-center gap-1.5`}
          aria-expanded={open === "requests"}
          aria-controls="client-requests"
          onClick={() => toggle("requests")}
        >
          Requests from the server
          <span
            data-testid="pending-requests"
            aria-label={`${pending} pending`}
            className={`rounded-full px-1.5 text-xs ${pending ? "bg-amber-500 text-white" : "bg-slate-200 dark:bg-slate-800"}`}
          >
            {pending}
          </span>
        </button>
        <button
          type="button"
          className={`${button} flex items-center gap-1.5`}
          aria-expanded={open === "roots"}
          aria-controls="client-roots"
          onClick={() => toggle("roots")}
        >
          Roots
          <span data-testid="roots-count" className="rounded-full bg-slate-200 px-1.5 text-xs dark:bg-slate-800">
            {roots.roots.length}
          </span>
        </button>
        <PingButton session={session} disabled={status !== "connected"} />
      </div>
      {open === "requests" && (
        <div
          id="client-requests"
          role="region"
          aria-label="Requests from the server"
          className="max-h-[45vh] space-y-2 overflow-auto border-t border-slate-200 bg-slate-100/60 p-3 dark:border-slate-800 dark:bg-slate-900/60"
        >
          {items.length === 0 && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              No requests yet. Sampling and elicitation requests from the server appear here as cards; several can wait
              at once.
            </p>
          )}
          {active.map((item) => (
            <RequestCard key={item.id} item={item} requests={features.requests} />
          ))}
          {finished.length > 0 && (
            <div className="flex items-center justify-between pt-1">
              <h3 className="text-xs font-medium uppercase text-slate-600 dark:text-slate-400">
                Answered and cancelled
              </h3>
              <button type="button" className={button} onClick={() => features.requests.clear()}>
                Clear finished
              </button>
            </div>
          )}
          {finished.map((item) => (
            <RequestCard key={item.id} item={item} requests={features.requests} />
          ))}
          <ClientTaskList tasks={features.tasks} />
        </div>
      )}
      {open === "roots" && (
        <div
          id="client-roots"
          role="region"
          aria-label="Roots"
          className="max-h-[45vh] overflow-auto border-t border-slate-200 p-3 dark:border-slate-800"
        >
          <RootsEditor roots={features.roots} />
        </div>
      )}
    </section>
  );
}
