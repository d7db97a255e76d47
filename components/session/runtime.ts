/**
 * The session runtime: the SDK client, transports and every view of a session. The page loads it
 * right after the connection form is on screen (components/session/useRuntime.ts), so the form's
 * first load stays small; nothing here is imported statically by the page shell.
 */
import { callbackUrl } from "@/lib/auth";
import { SessionPool } from "@/lib/session";
import { createHttpFetch, createRelayFetch, createTransport, relaySocketUrl, socketUrl } from "@/lib/transports";

export { SessionView } from "./SessionView";

export function createPool(token: string): SessionPool {
  const endpoints = {
    base: "",
    token,
    fetch: (url: string | URL, init?: RequestInit) => fetch(url, init),
    // stdio over one WebSocket per connection (no HTTP request per message); HTTP when it cannot open.
    socket: typeof window === "undefined" ? undefined : { url: socketUrl(window.location.origin) },
    // HTTP connections' relayed requests over one WebSocket for the page; the HTTP route when it cannot open.
    relaySocket: typeof window === "undefined" ? undefined : { url: relaySocketUrl(window.location.origin) },
  };
  return new SessionPool({
    createTransport: (config, log, options) => createTransport(endpoints, config, log, options),
    // OAuth's redirect comes back to the inspector's own callback page (lib/auth/callback.ts).
    oauthRedirectUrl: typeof window === "undefined" ? undefined : callbackUrl(window.location.origin),
    createFetch: (log) => createHttpFetch(endpoints, log),
    relayFetch: createRelayFetch(endpoints),
  });
}
