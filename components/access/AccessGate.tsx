"use client";
import { useEffect, useState } from "react";
import type { ConnectionConfig } from "@/lib/base";
import { obtainToken, type AccessResult } from "@/lib/security";
import { InspectorApp } from "../InspectorApp";
import { PaletteProvider } from "../palette/PaletteProvider";

/** One exchange per page load, even when React runs effects twice (development). */
let pending: Promise<AccessResult> | undefined;
function access(): Promise<AccessResult> {
  return (pending ??= obtainToken({
    href: window.location.href,
    replaceUrl: (url) => window.history.replaceState(window.history.state, "", url),
    storage: safeLocalStorage(),
    fetch: (url, init) => fetch(url, init),
  }));
}

/**
 * The page's way in (docs/security.md): the server-rendered HTML holds no token; this asks
 * `POST /api/session` for it (launch key, or this browser's cookie + pairing, or team
 * authentication) and keeps it in memory only.
 */
export function AccessGate({ builtIn }: { builtIn: ConnectionConfig[] }) {
  const [result, setResult] = useState<AccessResult | undefined>();
  useEffect(() => {
    let live = true;
    void access().then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, []);

  // The command palette and shortcut help wrap the app: its parts offer their actions (components/palette).
  if (result?.ok)
    return (
      <PaletteProvider>
        <InspectorApp token={result.token} builtIn={builtIn} />
      </PaletteProvider>
    );
  return (
    <main className="mx-auto max-w-xl p-8">
      <p className="text-lg font-semibold">MCP Lens</p>
      {!result ? (
        <p className="mt-4 text-slate-600 dark:text-slate-400" role="status">
          Opening…
        </p>
      ) : (
        <section className="mt-4 space-y-3" aria-label="How to open MCP Lens">
          <h1 className="text-xl font-semibold">This page needs its launch link</h1>
          <p>
            This page only works when opened with the link MCP Lens printed when it started (
            <code>http://127.0.0.1:…/#k=…</code>). Each link works once; after that, reloads and new tabs in the same
            browser keep working.
          </p>
          <p>
            For a new link, run <code>npm start -- --print-url</code> (add <code>--port N</code> if MCP Lens runs on
            another port than 6274) in the MCP Lens folder, and open the URL it prints.
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400" role="alert">
            {result.message}
          </p>
        </section>
      )}
    </main>
  );
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
