import type { FetchLike, OAuthClientProvider, Transport } from "@modelcontextprotocol/client";
import type { ConnectionConfig } from "../base";
import type { TrafficLog } from "../traffic";

/** Everything the session takes from outside: how to build transports, and time. */
export interface SessionDeps {
  createTransport(
    config: ConnectionConfig,
    log: TrafficLog,
    options?: { authProvider?: OAuthClientProvider },
  ): Transport;
  /**
   * The inspector's OAuth callback URL (`<origin>/oauth/callback`): given in the page, a Streamable
   * HTTP connection answers a 401 with the OAuth flow (SessionAuthorization). Absent: no OAuth.
   */
  oauthRedirectUrl?: string;
  /** A fetch for extra HTTP requests on an HTTP connection (the spot check's), recorded in `log` like the transport's. */
  createFetch?(log: TrafficLog): FetchLike;
  /** createFetch's requests carry a Host header they are given (Node, straight to the server); the page's relay sets Host from the URL. */
  sendsHostHeader?: boolean;
  /** A fetch through the inspector's relay for the page's own side requests (server icons), not recorded. */
  relayFetch?: FetchLike;
  /** The whole connect (probe, handshake) must finish within this; the UI promises an answer in 10 s. */
  connectDeadlineMs?: number;
  now?: () => number;
}
