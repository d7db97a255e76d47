"use client";
import { useState } from "react";
import { useStore } from "../hooks/useStore";
import { OAuthDebugger } from "./OAuthDebugger";
import { OAUTH_CHANNEL } from "@/lib/auth";
import type { AuthorizationPage, InspectorSession } from "@/lib/session";

/** Where the popup goes and where its callback arrives: a same-origin BroadcastChannel (the page's COOP severs `opener`). */
function popupPage(): AuthorizationPage & { close: () => void } {
  const channel = new BroadcastChannel(OAUTH_CHANNEL);
  return {
    open: (url) => window.open(url.href, "mcp-lens-oauth", "popup,width=560,height=680"),
    target: channel as unknown as AuthorizationPage["target"],
    origin: window.location.origin,
    close: () => channel.close(),
  };
}

/**
 * A connection's OAuth: "Authorization required" with an Authorize button (it opens the
 * authorization server's page in a popup, from the click), waiting, failed, or authorized with
 * a "Forget credentials" control. Nothing is shown for a connection that never met OAuth.
 */
export function AuthorizationPanel({ session }: { session: InspectorSession }) {
  const auth = useStore(session.authorization.store);
  const { status: connection } = useStore(session.store);
  const [debugging, setDebugging] = useState(false);
  if (auth.status === "none") return null;
  const authorize = () => {
    const page = popupPage();
    void session.authorize(page).finally(page.close);
  };
  const tone =
    auth.status === "authorized"
      ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950"
      : "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950";
  return (
    <section
      aria-label="Authorization"
      className={`mx-3 mt-2 flex flex-wrap items-center gap-3 rounded border px-3 py-2 text-sm ${tone}`}
    >
      {auth.status === "required" && (
        <>
          <p>
            <strong>{auth.stepUp ? "More access required" : "Authorization required"}</strong>
            {auth.authorizationServer && <> by {auth.authorizationServer}</>}
            {auth.scope && (
              <>
                {" "}
                for scope <code className="mono">{auth.scope}</code>
              </>
            )}
            {auth.stepUp && <>: approve, then run the call again</>}
          </p>
          <button
            type="button"
            onClick={authorize}
            className="rounded bg-indigo-600 px-3 py-1 font-medium text-white hover:bg-indigo-700"
          >
            Authorize
          </button>
        </>
      )}
      {auth.status === "authorizing" && (
        <>
          <p role="status">Waiting for the authorization server: approve in the popup window.</p>
          <button
            type="button"
            onClick={() => session.authorization.cancel()}
            className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
          >
            Cancel
          </button>
        </>
      )}
      {auth.status === "failed" && (
        <>
          <p role="alert">
            <strong>Authorization failed:</strong> {auth.error}
          </p>
          <button
            type="button"
            onClick={() => void session.connect()}
            disabled={connection === "connecting"}
            className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
          >
            Start again
          </button>
        </>
      )}
      {auth.status === "authorized" && (
        <p role="status">
          <strong>Authorized</strong>: tokens held in this page&apos;s memory only.
        </p>
      )}
      {(auth.status === "failed" || auth.status === "required") && (
        <button
          type="button"
          aria-expanded={debugging}
          onClick={() => setDebugging(!debugging)}
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
        >
          Debug step by step
        </button>
      )}
      {(auth.status === "authorized" || auth.status === "failed") && (
        <button
          type="button"
          onClick={() => void session.forgetCredentials()}
          className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
        >
          Forget credentials
        </button>
      )}
      {debugging && auth.status !== "authorized" && <OAuthDebugger session={session} page={popupPage} />}
    </section>
  );
}
