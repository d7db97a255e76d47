"use client";
import { useEffect, useState } from "react";
import { addPending, createConnectionsStore, allConnections, isRecording } from "@/lib/connections";
import { TOKEN_HEADER, type ConnectionConfig } from "@/lib/base";
import { useStore } from "./hooks/useStore";
import { ConnectionList } from "./connections/ConnectionList";
import { ConnectionForm } from "./connections/ConnectionForm";
import { Sidebar } from "./connections/Sidebar";
import { RecordingCard } from "./connections/RecordingCard";
import { useRuntime } from "./session/useRuntime";
import { DoctorAccess } from "./doctor/DoctorAccess";
import { PaletteButton } from "./palette/PaletteProvider";
import { ThemeToggle } from "./palette/ThemeToggle";

/** The client root, once AccessGate has the token: the connection list and form on the left, the selected connection's session on the right. */
export function InspectorApp({ token, builtIn }: { token: string; builtIn: ConnectionConfig[] }) {
  const [connections] = useState(() =>
    createConnectionsStore(builtIn, typeof window === "undefined" ? undefined : window.localStorage),
  );
  // The SDK and the session views load after this first render (./session/runtime.ts).
  const { runtime, error, load } = useRuntime(token);
  const pool = runtime?.pool;
  const loadPool = () => load().then((r) => r.pool);
  const state = useStore(connections);
  const selected = allConnections(state).find((c) => c.id === state.selectedId);

  useEffect(() => {
    // The server the command line named (`mcp-lens -- <command>`, `<url>`, `--config`): asked for
    // with the token, selected, not started (a stdio command waits for the person's confirmation).
    let live = true;
    fetch("/api/pending", { headers: { [TOKEN_HEADER]: token } })
      .then((r) => (r.ok ? (r.json() as Promise<{ connection?: unknown }>) : undefined))
      .then((body) => live && body?.connection && addPending(connections, body.connection))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [token, connections]);

  useEffect(() => {
    // A read-only handle for benchmarks and debugging from the console.
    if (pool) (window as unknown as { __MCP_LENS__?: unknown }).__MCP_LENS__ = { pool, connections };
  }, [pool, connections]);

  return (
    <div className="flex h-full">
      <Sidebar
        header={
          <>
            <svg viewBox="0 0 32 32" className="h-6 w-6" aria-hidden="true">
              <circle cx="14" cy="14" r="9" fill="none" stroke="#4f46e5" strokeWidth="4" />
              <path d="M21 21l7 7" stroke="#4f46e5" strokeWidth="4" strokeLinecap="round" />
            </svg>
            <h1 className="text-lg font-semibold">MCP Lens</h1>
            <span className="ml-auto flex items-center gap-2">
              <PaletteButton />
              <ThemeToggle />
            </span>
          </>
        }
      >
        <ConnectionList store={connections} pool={pool} loadPool={loadPool} />
        {selected &&
          (isRecording(state, selected.id) ? (
            <RecordingCard key={selected.id} config={selected} />
          ) : (
            <ConnectionForm key={selected.id} store={connections} pool={pool} loadPool={loadPool} config={selected} />
          ))}
      </Sidebar>
      <main className="flex min-w-0 flex-1 flex-col">
        {selected && !runtime ? (
          <p role="status" className={`p-6 ${error ? "text-red-600" : "text-slate-600 dark:text-slate-400"}`}>
            {error
              ? `The session view could not load: ${error}. Reload the page to try again.`
              : "Loading the session view…"}
          </p>
        ) : selected && runtime ? (
          // The doctor's route needs the token (components/doctor).
          <DoctorAccess value={token}>
            <runtime.SessionView
              key={selected.id}
              session={runtime.pool.get(selected)}
              others={allConnections(state)
                .filter((c) => c.id !== selected.id)
                .map((c) => ({ id: c.id, name: c.name, session: runtime.pool.get(c) }))}
            />
          </DoctorAccess>
        ) : (
          <p className="p-6 text-slate-600 dark:text-slate-400">Choose or add a connection.</p>
        )}
      </main>
    </div>
  );
}
