/**
 * An `OAuthClientProvider` (SDK v2 client) that holds every credential in memory only: tokens and
 * client information keyed by the authorization server's issuer (the 2026-07-28 issuer-keyed
 * credentials), the PKCE code verifier, the state and the discovery state. Nothing is written to
 * browser storage or put in a URL (SECURITY.md rules 14 and 17); `forget()` drops it all.
 * Page-safe: no Node built-ins, Web Crypto for the state.
 */
import type {
  OAuthClientInformationContext,
  OAuthClientMetadata,
  OAuthClientProvider,
  OAuthDiscoveryState,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from "@modelcontextprotocol/client";

export interface MemoryOAuthProviderOptions {
  /** The inspector's callback URL (loopback origin). */
  redirectUrl: string;
  clientName?: string;
  /** A pre-registered client (id, optional secret): used for every issuer. */
  preRegistered?: { clientId: string; clientSecret?: string };
  /**
   * A Client ID Metadata Document URL. An https one the SDK sends itself when the authorization
   * server advertises CIMD; an http one (loopback test servers) is used as a known client id.
   */
  clientMetadataUrl?: string;
  /** Scope asked for at the first authorization (else the server's). */
  scope?: string;
  /** Receives the authorization URL (only http(s) ones ever reach it). */
  onAuthorizationUrl?: (url: URL) => void | Promise<void>;
}

/** Authorization URLs from a server open only if they are http(s) (CVE-2025-58444: `javascript:`). */
export function isOpenableAuthorizationUrl(url: URL): boolean {
  return url.protocol === "https:" || url.protocol === "http:";
}

function randomState(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const NO_ISSUER = "";
const keyOf = (ctx?: OAuthClientInformationContext): string => ctx?.issuer ?? NO_ISSUER;

export class MemoryOAuthProvider implements OAuthClientProvider {
  readonly clientMetadataUrl?: string;
  private readonly tokensByIssuer = new Map<string, StoredOAuthTokens>();
  private readonly clientsByIssuer = new Map<string, StoredOAuthClientInformation>();
  private verifier?: string;
  private lastState?: string;
  private discovery?: OAuthDiscoveryState;
  /** The last authorization URL handed out (http(s) only). */
  authorizationUrl?: URL;

  constructor(private readonly options: MemoryOAuthProviderOptions) {
    const cimd = options.clientMetadataUrl;
    this.clientMetadataUrl = cimd?.startsWith("https://") && !options.preRegistered ? cimd : undefined;
  }

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    const secret = this.options.preRegistered?.clientSecret;
    return {
      client_name: this.options.clientName ?? "MCP Lens",
      redirect_uris: [this.options.redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: secret ? "client_secret_post" : "none",
      ...(this.options.scope ? { scope: this.options.scope } : {}),
    };
  }

  state(): string {
    this.lastState = randomState();
    return this.lastState;
  }

  /** The state sent in the last authorization request: the callback's must match it. */
  expectedState(): string | undefined {
    return this.lastState;
  }

  /** True once, for the `state` of the authorization this provider started last. */
  takeState(state: string | null): boolean {
    const ok = this.lastState !== undefined && state === this.lastState;
    if (ok) this.lastState = undefined;
    return ok;
  }

  clientInformation(ctx?: OAuthClientInformationContext): StoredOAuthClientInformation | undefined {
    const saved = this.clientsByIssuer.get(keyOf(ctx)) ?? this.clientsByIssuer.get(NO_ISSUER);
    if (saved) return saved;
    const pre = this.options.preRegistered ?? this.httpMetadataDocumentClient();
    if (!pre) return undefined;
    return {
      client_id: pre.clientId,
      ...(pre.clientSecret ? { client_secret: pre.clientSecret } : {}),
      ...(ctx?.issuer ? { issuer: ctx.issuer } : {}),
    };
  }

  private httpMetadataDocumentClient(): { clientId: string; clientSecret?: string } | undefined {
    const url = this.options.clientMetadataUrl;
    return url?.startsWith("http://") ? { clientId: url } : undefined;
  }

  saveClientInformation(info: StoredOAuthClientInformation, ctx?: OAuthClientInformationContext): void {
    this.clientsByIssuer.set(info.issuer ?? keyOf(ctx), info);
  }

  /**
   * The tokens for an issuer; without one (the transport's Bearer for the MCP server), the most
   * recently saved, as the SDK asks of issuer-keyed providers: after the server moved to another
   * authorization server (SEP-2352), that one's token, not the first server's.
   */
  tokens(ctx?: OAuthClientInformationContext): StoredOAuthTokens | undefined {
    if (ctx?.issuer) return this.tokensByIssuer.get(ctx.issuer);
    return [...this.tokensByIssuer.values()].at(-1);
  }

  saveTokens(tokens: StoredOAuthTokens, ctx?: OAuthClientInformationContext): void {
    const key = tokens.issuer ?? keyOf(ctx);
    // Saved last, read first by `tokens()` without an issuer (a Map keeps insertion order).
    this.tokensByIssuer.delete(key);
    this.tokensByIssuer.set(key, tokens);
  }

  async redirectToAuthorization(url: URL): Promise<void> {
    if (!isOpenableAuthorizationUrl(url))
      throw new Error(`refused to open an authorization URL with scheme ${url.protocol}`);
    this.authorizationUrl = url;
    await this.options.onAuthorizationUrl?.(url);
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.verifier = codeVerifier;
  }

  codeVerifier(): string {
    if (!this.verifier) throw new Error("no code verifier: no authorization is in progress");
    return this.verifier;
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovery;
  }

  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery"): void {
    if (scope === "all" || scope === "client") this.clientsByIssuer.clear();
    if (scope === "all" || scope === "tokens") this.tokensByIssuer.clear();
    if (scope === "all" || scope === "verifier") this.verifier = undefined;
    if (scope === "all" || scope === "discovery") this.discovery = undefined;
  }

  /** "Forget credentials": everything this connection holds. */
  forget(): void {
    this.invalidateCredentials("all");
    this.lastState = undefined;
    this.authorizationUrl = undefined;
  }

  /** True when an access token is held (for any issuer). */
  hasTokens(): boolean {
    return this.tokensByIssuer.size > 0;
  }
}
