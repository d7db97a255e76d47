"use client";

import { useEffect } from "react";
import { OAUTH_CALLBACK_PATH, OAUTH_CHANNEL, readCallback } from "@/lib/auth";

/**
 * The OAuth redirect's last stop (a popup the inspector opened): hands code/state/iss to the
 * opener on this same origin, drops them from the address bar and history, and closes. It stores
 * nothing and starts nothing; the opener checks `state` before it uses the code.
 */
export function OAuthCallback() {
  useEffect(() => {
    const message = readCallback(window.location.search);
    window.history.replaceState(null, "", OAUTH_CALLBACK_PATH);
    // The page's COOP (same-origin) usually severs `opener` after the authorization server's origin:
    // a same-origin BroadcastChannel reaches the page that started the flow either way.
    if (message.state === null) return;
    const channel = new BroadcastChannel(OAUTH_CHANNEL);
    channel.postMessage(message);
    channel.close();
    const opener = window.opener as Window | null;
    opener?.postMessage(message, window.location.origin);
    window.close();
  }, []);
  return (
    <main className="p-6 text-sm">
      <p>Handing the authorization back to MCP Lens; this window closes by itself.</p>
      <p className="mt-2 text-slate-500">Opened on its own (not as MCP Lens&apos;s popup), this page does nothing.</p>
    </main>
  );
}
