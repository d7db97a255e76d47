"use client";
import { useMemo, useState } from "react";
import type { ElicitRequestURLParams } from "@modelcontextprotocol/client";
import { elicitationResult, urlElicitationView, type ServerRequests } from "@/lib/client";
import { button, danger, primary } from "./ui";

/**
 * A pending URL elicitation. The URL is shown as text; it becomes a link only when http(s)
 * (docs/security.md §S14) and opens only on the user's click, in a new tab with no opener.
 */
export function UrlElicitationCard({
  id,
  params,
  requests,
}: {
  id: string;
  params: ElicitRequestURLParams;
  requests: ServerRequests;
}) {
  const view = useMemo(() => urlElicitationView(params), [params]);
  const [opened, setOpened] = useState(false);
  return (
    <div className="space-y-2">
      <UrlView view={view} onOpen={() => setOpened(true)} />
      {opened && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Opened in a new tab. Accept tells the server you went there.
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          className={primary}
          onClick={() => requests.answer(id, elicitationResult("accept") as Record<string, unknown>)}
        >
          Accept
        </button>
        <button
          type="button"
          className={button}
          onClick={() => requests.answer(id, elicitationResult("decline") as Record<string, unknown>)}
        >
          Decline
        </button>
        <button
          type="button"
          className={danger}
          onClick={() => requests.answer(id, elicitationResult("cancel") as Record<string, unknown>)}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

export function UrlView({ view, onOpen }: { view: ReturnType<typeof urlElicitationView>; onOpen?: () => void }) {
  return (
    <div className="space-y-1">
      <p className="whitespace-pre-wrap">{view.message}</p>
      <p className="text-xs">
        <span className="text-slate-600 dark:text-slate-400">URL </span>
        <span className="mono break-all" data-testid="elicitation-url">
          {view.url}
        </span>
      </p>
      {view.elicitationId && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          elicitationId <span className="mono">{view.elicitationId}</span>
        </p>
      )}
      {view.href ? (
        <a
          href={view.href}
          target="_blank"
          rel="noopener noreferrer"
          onClick={onOpen}
          className="inline-block rounded border border-indigo-300 px-2 py-1 text-xs text-indigo-700 hover:bg-indigo-50 dark:border-indigo-800 dark:text-indigo-300"
        >
          Open {view.host ?? "link"} in a new tab
        </a>
      ) : (
        <p role="note" className="text-xs text-amber-700 dark:text-amber-400">
          {view.blocked}
        </p>
      )}
    </div>
  );
}
