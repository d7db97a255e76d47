"use client";
import "@/lib/security"; // first: before any zod schema parses (no 'unsafe-eval' in the page)
import { useEffect, useMemo, useState } from "react";
import { createConnectionsStore, allConnections } from "@/lib/connections";
import type { ConnectionConfig } from "@/lib/base";
import { SessionPool } from "@/lib/session";
import { createHttpFetch, createRelayFetch, createTransport, socketUrl } from "@/lib/transports";
import { useStore } from "./hooks/useStore";
import { ConnectionList } from "./connections/ConnectionList";
import { ConnectionForm } from "./connections/ConnectionForm";
import { SessionView } from "./session/SessionView";

/** The client root, once AccessGate has the token: the connection list and form on the left, the selected connection's session on the right. */
export function InspectorApp({ token, builtIn }: { token: string; builtIn: ConnectionConfig[] }) {
  const [connections] = useState(() =>
    createConnectionsStore(builtIn, typeof window === "undefined" ? undefined : window.localStorage),
  );
  const pool = useMemo(() => {
    const endpoints = {
      base: "",
      token,
      fetch: (url: string | URL, init?: RequestInit) => fetch(url, init),
      // stdio over one WebSocket per connection (no HTTP request per message); HTTP when it cannot open.
      socket: typeof window === "undefined" ? undefined : { url: socketUrl(window.location.origin) },
    };
    return new SessionPool({
      createTransport: (config, log) => createTransport(endpoints, config, log),
      createFetch: (log) => createHttpFetch(endpoints, log),
      relayFetch: createRelayFetch(endpoints),
    });
  }, [token]);
  const state = useStore(connections);
  const selected = allConnections(state).find((c) => c.id === state.selectedId);

  useEffect(() => {
    // A read-only handle for benchmarks and debugging from the console.
    (window as unknown as { __MCP_LENS__?: unknown }).__MCP_LENS__ = { pool, connections };
  }, [pool, connections]);

  return (
    <div className="flex h-full">
      <aside
        className="flex w-96 shrink-0 flex-col overflow-y-auto border-r border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900"
        aria-label="Connections"
      >
        <header className="flex items-center gap-2 px-4 py-3">
          <svg viewBox="0 0 32 32" className="h-6 w-6" aria-hidden="true">
            <circle cx="14" cy="14" r="9" fill="none" stroke="#4f46e5" strokeWidth="4" />
            <path d="M21 21l7 7" stroke="#4f46e5" strokeWidth="4" strokeLinecap="round" />
          </svg>
          <h1 className="text-lg font-semibold">MCP Lens</h1>
        </header>
        <ConnectionList store={connections} pool={pool} />
        {selected && <ConnectionForm key={selected.id} store={connections} pool={pool} config={selected} />}
      </aside>
      <main className="flex min-w-0 flex-1 flex-col">
        {selected ? (
          <SessionView
            key={selected.id}
            session={pool.get(selected)}
            others={allConnections(state)
              .filter((c) => c.id !== selected.id)
              .map((c) => ({ id: c.id, name: c.name, session: pool.get(c) }))}
          />
        ) : (
          <p className="p-6 text-slate-500">Choose or add a connection.</p>
        )}
      </main>
    </div>
  );
}
