import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthClientProvider,
  OAuthDiscoveryState,
  OAuthTokens,
} from "@modelcontextprotocol/client";

/** How a connection identifies itself to the authorization server (all optional: none = dynamic registration). */
export interface AuthClientOptions {
  /** A pre-registered client id (with its secret for a confidential client). */
  clientId?: string;
  clientSecret?: string;
  /** A Client ID Metadata Document URL used as the client id. */
  clientMetadataUrl?: string;
}

export interface MemoryOAuthProviderOptions {
  /** The inspector's own callback route on its loopback origin, e.g. `http://127.0.0.1:6274/oauth/callback`. */
  redirectUrl: string;
  client?: AuthClientOptions;
  clientName?: string;
  /** Called with an authorization URL that passed `isOpenableAuthorizationUrl` (the page opens its popup). */
  onAuthorizationUrl: (url: URL) => void;
  /** Random source for `state` (tests may fix it). */
  randomState?: () => string;
}

/** Authorization URLs from a server open only if they are http(s) (CVE-2025-58444 came from `javascript:`). */
export function isOpenableAuthorizationUrl(url: URL | string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

function randomState(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The SDK's `OAuthClientProvider` for one connection, everything held in this object's memory:
 * tokens, client information (a registered secret included), the PKCE code verifier, the
 * discovery state and the pending `state`. Nothing is written to localStorage, sessionStorage or
 * a URL; `forget()` drops it all. The SDK's `auth()` does the protocol (discovery, registration,
 * PKCE, token exchange with the resource indicator, refresh, step-up, the RFC 9207 `iss` check).
 */
export class MemoryOAuthProvider implements OAuthClientProvider {
  private saved?: OAuthTokens;
  private info?: OAuthClientInformationMixed;
  private verifier?: string;
  private discovery?: OAuthDiscoveryState;
  private pendingState?: string;
  private readonly options: MemoryOAuthProviderOptions;

  constructor(options: MemoryOAuthProviderOptions) {
    this.options = options;
    this.info = preRegistered(options.client);
  }

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  /** An https CIMD URL the SDK sends itself (when the AS advertises support); an http one is a known client id. */
  get clientMetadataUrl(): string | undefined {
    const url = this.options.client?.clientMetadataUrl;
    return url && url.startsWith("https://") && !this.options.client?.clientId ? url : undefined;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.options.clientName ?? "MCP Lens",
      redirect_uris: [this.options.redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  state(): string {
    this.pendingState = (this.options.randomState ?? randomState)();
    return this.pendingState;
  }

  /** True once, for the `state` of the authorization this provider started last. */
  takeState(state: string | null): boolean {
    const ok = this.pendingState !== undefined && state === this.pendingState;
    if (ok) this.pendingState = undefined;
    return ok;
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.info;
  }

  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.info = info;
  }

  tokens(): OAuthTokens | undefined {
    return this.saved;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens;
  }

  redirectToAuthorization(url: URL): void {
    if (!isOpenableAuthorizationUrl(url))
      throw new Error(`refused to open an authorization URL that is not http(s): ${url.protocol}`);
    this.options.onAuthorizationUrl(url);
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }

  codeVerifier(): string {
    if (this.verifier === undefined) throw new Error("no authorization in progress (no PKCE code verifier)");
    return this.verifier;
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovery;
  }

  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery"): void {
    if (scope === "all" || scope === "tokens") this.saved = undefined;
    if (scope === "all" || scope === "client") this.info = preRegistered(this.options.client);
    if (scope === "all" || scope === "verifier") this.verifier = undefined;
    if (scope === "all" || scope === "discovery") this.discovery = undefined;
  }

  /** "Forget credentials": drops tokens, registered client, verifier, discovery and pending state. */
  forget(): void {
    this.invalidateCredentials("all");
    this.pendingState = undefined;
  }

  get hasTokens(): boolean {
    return this.saved !== undefined;
  }

  /** The granted scope of the current tokens (for display), never the tokens themselves. */
  get grantedScope(): string | undefined {
    return this.saved?.scope;
  }
}

function preRegistered(client: AuthClientOptions | undefined): OAuthClientInformationMixed | undefined {
  if (client?.clientId) {
    return client.clientSecret ? { client_id: client.clientId, client_secret: client.clientSecret } : { client_id: client.clientId };
  }
  // An http(s) CIMD URL the SDK would not send by itself (http, for loopback servers) is used as a known client id.
  const url = client?.clientMetadataUrl;
  if (url && !url.startsWith("https://") && isOpenableAuthorizationUrl(url)) return { client_id: url };
  return undefined;
}
