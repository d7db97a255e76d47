/**
 * A connection's OAuth (issue 14): the in-memory credentials provider (lib/auth) the Streamable
 * HTTP transport uses, and what the person sees of it as a `Store` — "Authorization required"
 * (the SDK answered a 401 or a 403 insufficient_scope with an authorization URL), waiting for the
 * popup, authorized, or failed. Tokens and secrets stay in the provider, in memory only.
 */
import type { FetchLike } from "@modelcontextprotocol/client";
import {
  authorizeInPopup,
  GuidedFlow,
  MemoryOAuthProvider,
  waitForCallback,
  type GuidedOptions,
  type PopupFlowOptions,
} from "../auth";
import { errorMessage, Store, type ConnectionConfig } from "../base";

/** The callback message's type, for a caller that plays the callback page itself (lib/cli's conformance client). */
export { OAUTH_MESSAGE_TYPE } from "../auth";

export type AuthorizationStatus = "none" | "required" | "authorizing" | "authorized" | "failed";

export interface AuthorizationState {
  status: AuthorizationStatus;
  /** The scope the pending authorization asks for (wider than before on a step-up). */
  scope?: string;
  /** The authorization server's origin the pending authorization goes to. */
  authorizationServer?: string;
  /** Asked while connected (a 403 insufficient_scope): the connection stays; calls work after approval. */
  stepUp?: boolean;
  error?: string;
}

/** What the page gives for one authorization: opening the popup and where its callback arrives. */
export type AuthorizationPage = Pick<PopupFlowOptions, "open" | "target" | "origin">;

// Named reducers.
const required = (_s: AuthorizationState, p: Omit<AuthorizationState, "status">): AuthorizationState => ({
  status: "required",
  ...p,
});
const authorizing = (s: AuthorizationState): AuthorizationState => ({ ...s, status: "authorizing", error: undefined });
const authorized = (): AuthorizationState => ({ status: "authorized" });
const failed = (s: AuthorizationState, error: string): AuthorizationState => ({ ...s, status: "failed", error });
const cleared = (): AuthorizationState => ({ status: "none" });

/** The redirect URIs a static Authorization header makes unnecessary: the simple path stays simple. */
function hasStaticAuthorization(config: ConnectionConfig): boolean {
  return (
    config.transport !== "stdio" &&
    config.headers.some((h) => h.name.trim().toLowerCase() === "authorization" && h.value.trim() !== "")
  );
}

export class SessionAuthorization {
  readonly store = new Store<AuthorizationState>({ status: "none" });
  private provider?: MemoryOAuthProvider;
  private key?: string;
  private controller?: AbortController;
  /** True while the connection is live (a step-up then keeps it). */
  live = false;

  /** `redirectUrl`: the inspector's `/oauth/callback` on its own origin; without one (Node), no OAuth. */
  constructor(private readonly redirectUrl: string | undefined) {}

  /**
   * The provider for a connection: Streamable HTTP without a static Authorization header, in a
   * page. The same one while the connection's URL and OAuth settings stay; new ones drop the old.
   */
  providerFor(config: ConnectionConfig): MemoryOAuthProvider | undefined {
    if (!this.redirectUrl || config.transport !== "streamable-http" || hasStaticAuthorization(config)) return undefined;
    const o = config.oauth;
    const key = JSON.stringify([config.url, o?.clientId, o?.clientSecret, o?.clientMetadataUrl, o?.scope]);
    if (this.provider && key === this.key) return this.provider;
    this.provider?.forget();
    this.key = key;
    const clientId = o?.clientId.trim();
    this.provider = new MemoryOAuthProvider({
      redirectUrl: this.redirectUrl,
      preRegistered: clientId ? { clientId, clientSecret: o?.clientSecret || undefined } : undefined,
      clientMetadataUrl: o?.clientMetadataUrl.trim() || undefined,
      scope: o?.scope.trim() || undefined,
      onAuthorizationUrl: (url) =>
        this.store.apply(required, {
          scope: url.searchParams.get("scope") ?? undefined,
          authorizationServer: url.origin,
          stepUp: this.live,
        }),
    });
    this.store.apply(cleared, undefined);
    return this.provider;
  }

  /** An authorization URL is waiting for the person (set by the SDK through the provider). */
  get required(): boolean {
    return this.store.get().status === "required" && this.provider?.authorizationUrl !== undefined;
  }

  /** After a connect: authorized when tokens are held. */
  connected(): void {
    this.live = true;
    if (this.provider?.hasTokens() && this.store.get().status !== "required") this.store.apply(authorized, undefined);
  }

  /**
   * The person's click: opens the authorization URL (http(s) only) in a popup, waits for the
   * callback with this provider's `state`, has the SDK redeem the code through `fetchFn` (the
   * connection's relayed, captured fetch). True when tokens were obtained.
   */
  async authorize(page: AuthorizationPage, serverUrl: string, fetchFn: FetchLike): Promise<boolean> {
    const provider = this.provider;
    const url = provider?.authorizationUrl;
    if (!provider || !url || this.store.get().status === "authorizing") return false;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.store.apply(authorizing, undefined);
    try {
      await authorizeInPopup({
        ...page,
        provider,
        serverUrl,
        fetchFn,
        authorizationUrl: url,
        signal: controller.signal,
      });
      provider.authorizationUrl = undefined;
      this.store.apply(authorized, undefined);
      return true;
    } catch (error) {
      // The URL's state was used (or the person gave up): a new attempt starts from a new 401.
      provider.authorizationUrl = undefined;
      this.store.apply(failed, errorMessage(error));
      return false;
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** The OAuth flow failed before any authorization URL (discovery, metadata, registration): shown with the debugger offered. */
  connectFailed(error: string): void {
    if (this.provider && this.store.get().status !== "required") this.store.apply(failed, error);
  }

  /** The redirect URL, when OAuth is on (in a page). */
  get callbackUrl(): string | undefined {
    return this.redirectUrl;
  }

  /** Stop waiting for the popup. */
  cancel(): void {
    this.controller?.abort();
  }

  /** "Forget credentials": tokens, client registration, verifier and discovery state dropped. */
  forget(): void {
    this.controller?.abort();
    this.provider?.forget();
    this.store.apply(cleared, undefined);
  }

  /** The held credentials (for tests and the forget control): true when an access token is held. */
  hasTokens(): boolean {
    return this.provider?.hasTokens() ?? false;
  }
}

/**
 * The guided debugger for a connection (lib/auth/guided.ts): the same flow step by step through
 * `fetchFn` (the connection's relayed, captured fetch), with the connection's client settings;
 * the authorization step opens the popup through `page` and waits for its callback.
 */
export function guidedFlowFor(
  config: ConnectionConfig,
  redirectUrl: string,
  fetchFn: FetchLike,
  page: AuthorizationPage,
): GuidedFlow | undefined {
  if (config.transport !== "streamable-http") return undefined;
  const o = config.oauth;
  const approve: GuidedOptions["approve"] = (url) => {
    const expected = url.searchParams.get("state");
    const waiting = waitForCallback(page.target, page.origin, (state) => state === expected);
    page.open(url);
    return waiting;
  };
  return new GuidedFlow({
    serverUrl: config.url,
    fetchFn,
    redirectUrl,
    client: o?.clientId.trim() ? { clientId: o.clientId.trim(), clientSecret: o.clientSecret || undefined } : undefined,
    scope: o?.scope.trim() || undefined,
    approve,
  });
}
