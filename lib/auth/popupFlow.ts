import { auth, type FetchLike } from "@modelcontextprotocol/client";
import { waitForCallback, type OAuthCallbackMessage } from "./callback";
import { isOpenableAuthorizationUrl, type MemoryOAuthProvider } from "./provider";

export interface PopupFlowOptions {
  provider: MemoryOAuthProvider;
  /** The MCP server URL (the protected resource). */
  serverUrl: string;
  /** The connection's relayed, captured fetch (so the token exchange lands in the traffic log). */
  fetchFn: FetchLike;
  /** The authorization URL the SDK produced (the provider's `onAuthorizationUrl` received it). */
  authorizationUrl: URL;
  /** Opens the popup (in the page: `window.open(url, "mcp-lens-oauth", "popup")`, called from the person's click). */
  open: (url: URL) => unknown;
  /** Where the callback page's message arrives (the page's `window`) and the inspector's own origin. */
  target: Pick<Window, "addEventListener" | "removeEventListener">;
  origin: string;
  signal?: AbortSignal;
}

export class AuthorizationDeniedError extends Error {
  constructor(readonly callback: OAuthCallbackMessage) {
    super(
      `the authorization server answered ${callback.error}${callback.errorDescription ? `: ${callback.errorDescription}` : ""}`,
    );
    this.name = "AuthorizationDeniedError";
  }
}

/**
 * One click's worth of the flow: opens the authorization URL (http(s) only), waits for the
 * callback page's message with this provider's `state`, then has the SDK redeem the code (RFC 9207
 * `iss` checked, PKCE verifier and resource indicator sent). Afterwards the connection reconnects.
 */
export async function authorizeInPopup(options: PopupFlowOptions): Promise<void> {
  const { provider, authorizationUrl } = options;
  if (!isOpenableAuthorizationUrl(authorizationUrl))
    throw new Error(`refused to open an authorization URL with scheme ${authorizationUrl.protocol}`);
  const callback = waitForCallback(
    options.target,
    options.origin,
    (state) => provider.takeState(state),
    options.signal,
  );
  options.open(authorizationUrl);
  const message = await callback;
  if (message.error || !message.code) throw new AuthorizationDeniedError(message);
  await auth(provider, {
    serverUrl: options.serverUrl,
    fetchFn: options.fetchFn,
    authorizationCode: message.code,
    ...(message.iss !== null && { iss: message.iss }),
  });
}
