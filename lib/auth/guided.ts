/**
 * The guided OAuth debugger's model (issue 14): the authorization flow one step at a time, each
 * step saying what the spec expects, what was found, and — on the first failure — the fix in one
 * sentence. Every request goes through the `fetchFn` given (in the page: the connection's relayed,
 * captured fetch, so each exchange is in the traffic log and the relay's address rules apply).
 * The protocol pieces are the SDK's (discovery, registration, authorization URL, token exchange).
 * The steps, what each expects and the generic fixes are in guidedSteps.ts. Page-safe; of the
 * project it imports only lib/base.
 */
import {
  discoverAuthorizationServerMetadata,
  discoverOAuthProtectedResourceMetadata,
  exchangeAuthorization,
  extractWWWAuthenticateParams,
  registerClient,
  startAuthorization,
  type AuthorizationServerMetadata,
  type OAuthClientInformationMixed,
  type OAuthProtectedResourceMetadata,
} from "@modelcontextprotocol/client";
import { errorMessage } from "../base";
import { genericFix, pendingSteps, type GuidedOptions, type GuidedStep, type GuidedStepId } from "./guidedSteps";

export { pendingSteps, type GuidedOptions, type GuidedStep, type GuidedStepId } from "./guidedSteps";

class StepFailure extends Error {
  constructor(
    readonly found: string,
    readonly fix: string,
  ) {
    super(fix);
  }
}

const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-11-25",
    capabilities: {},
    clientInfo: { name: "mcp-lens-oauth-debugger", version: "0.1.0" },
  },
});

const sameUrl = (a: string, b: string): boolean => a.replace(/\/+$/, "") === b.replace(/\/+$/, "");

/** The flow one step at a time (`next`) or to the first failure (`runAll`). */
export class GuidedFlow {
  readonly steps: GuidedStep[] = pendingSteps();
  private at = 0;
  private resourceMetadataUrl?: URL;
  private scope?: string;
  private resourceMetadata?: OAuthProtectedResourceMetadata;
  private authorizationServer?: string;
  private metadata?: AuthorizationServerMetadata;
  private client?: OAuthClientInformationMixed;
  private code?: string;
  private iss?: string;
  private verifier?: string;
  private accessToken?: string;

  constructor(private readonly options: GuidedOptions) {}

  /** The step that failed, if one did (the flow stops there). */
  get failed(): GuidedStep | undefined {
    return this.steps.find((s) => s.status === "failed");
  }

  get done(): boolean {
    return this.at >= this.steps.length || this.failed !== undefined;
  }

  /** Run the next step; undefined when the flow is over. */
  async next(): Promise<GuidedStep | undefined> {
    if (this.done) return undefined;
    const step = this.steps[this.at++]!;
    try {
      step.found = await this.run(step.id);
      step.status = "ok";
    } catch (error) {
      step.status = "failed";
      if (error instanceof StepFailure) {
        step.found = error.found;
        step.fix = error.fix;
      } else {
        step.found = errorMessage(error);
        step.fix = genericFix(step.id, step.found);
      }
    }
    return step;
  }

  /** Every step up to the end or the first failure. */
  async runAll(): Promise<GuidedStep[]> {
    while (!this.done) await this.next();
    return this.steps;
  }

  private run(id: GuidedStepId): Promise<string> {
    switch (id) {
      case "unauthenticated-request":
        return this.unauthenticated();
      case "resource-metadata":
        return this.resource();
      case "authorization-server-metadata":
        return this.authorizationServerMetadata();
      case "client-identity":
        return this.clientIdentity();
      case "authorization":
        return this.authorize();
      case "token-exchange":
        return this.token();
      case "authenticated-request":
        return this.authenticated();
    }
  }

  private post(token?: string): Promise<Response> {
    return this.options.fetchFn(this.options.serverUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: INITIALIZE,
    });
  }

  private async unauthenticated(): Promise<string> {
    const response = await this.post();
    await response.body?.cancel().catch(() => {});
    const challenge = response.headers.get("www-authenticate");
    const found = `HTTP ${response.status}${challenge ? `, WWW-Authenticate: ${challenge}` : ", no WWW-Authenticate header"}`;
    if (response.status !== 401)
      throw new StepFailure(
        found,
        "The server answered without asking for a token: it is not protected, or not at this URL.",
      );
    if (!challenge || !/^bearer\b/i.test(challenge))
      throw new StepFailure(
        found,
        "Answer 401 with a WWW-Authenticate: Bearer header naming resource_metadata (RFC 9728).",
      );
    const params = extractWWWAuthenticateParams(response);
    this.resourceMetadataUrl = params.resourceMetadataUrl;
    this.scope = params.scope;
    return found;
  }

  private async resource(): Promise<string> {
    let metadata: OAuthProtectedResourceMetadata;
    try {
      metadata = await discoverOAuthProtectedResourceMetadata(
        this.options.serverUrl,
        { resourceMetadataUrl: this.resourceMetadataUrl },
        this.options.fetchFn,
      );
    } catch (error) {
      const message = errorMessage(error);
      if (/redirect|refused|blocked|link-local|not allowed/i.test(message))
        throw new StepFailure(
          message,
          "The protected resource metadata redirects to an address MCP Lens refuses (link-local or cloud metadata): serve the document at its own URL.",
        );
      throw new StepFailure(
        message,
        "Serve the protected resource metadata at the resource_metadata URL or the RFC 9728 well-known path.",
      );
    }
    this.resourceMetadata = metadata;
    const servers = metadata.authorization_servers ?? [];
    const found = `resource ${metadata.resource}, authorization_servers ${JSON.stringify(servers)}`;
    if (servers.length === 0)
      throw new StepFailure(
        found,
        "The protected resource metadata lists no authorization_servers: name the authorization server's issuer URL there.",
      );
    if (!sameUrl(metadata.resource, this.options.serverUrl) && !this.options.serverUrl.startsWith(metadata.resource))
      throw new StepFailure(
        found,
        `The protected resource metadata's resource must be this server's URL (${this.options.serverUrl}).`,
      );
    this.authorizationServer = servers[0]!;
    return found;
  }

  private async authorizationServerMetadata(): Promise<string> {
    const server = this.authorizationServer!;
    const metadata = await discoverAuthorizationServerMetadata(server, {
      fetchFn: this.options.fetchFn,
      skipIssuerValidation: true,
    });
    if (!metadata)
      throw new StepFailure(
        `no metadata at ${server}'s well-known paths`,
        "Serve RFC 8414 metadata at /.well-known/oauth-authorization-server (or OpenID discovery) of the authorization server.",
      );
    this.metadata = metadata;
    const methods = metadata.code_challenge_methods_supported ?? [];
    const found = `issuer ${metadata.issuer}, code_challenge_methods_supported ${JSON.stringify(methods)}`;
    if (!sameUrl(metadata.issuer, server))
      throw new StepFailure(
        found,
        `The authorization server's metadata names issuer ${metadata.issuer}, but it was found at ${server}: they must be the same (RFC 8414 §3.3).`,
      );
    if (!methods.includes("S256"))
      throw new StepFailure(
        found,
        "The authorization server does not support S256: MCP requires PKCE with S256 (code_challenge_methods_supported).",
      );
    return found;
  }

  private async clientIdentity(): Promise<string> {
    const pre = this.options.client;
    if (pre) {
      this.client = { client_id: pre.clientId, ...(pre.clientSecret && { client_secret: pre.clientSecret }) };
      return `pre-registered client ${pre.clientId}`;
    }
    if (!this.metadata!.registration_endpoint)
      throw new StepFailure(
        "no registration_endpoint in the metadata, and no client id given",
        "Give a pre-registered client id in the connection's Authorization settings, or enable dynamic registration on the authorization server.",
      );
    const registered = await registerClient(this.authorizationServer!, {
      metadata: this.metadata,
      clientMetadata: {
        client_name: "MCP Lens (OAuth debugger)",
        redirect_uris: [this.options.redirectUrl],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
      },
      fetchFn: this.options.fetchFn,
    });
    this.client = registered;
    const uris = registered.redirect_uris ?? [];
    const found = `client ${registered.client_id}, redirect_uris ${JSON.stringify(uris)}`;
    if (!uris.includes(this.options.redirectUrl))
      throw new StepFailure(
        found,
        `The redirect URI registered differs from the one sent (${this.options.redirectUrl}).`,
      );
    return found;
  }

  private async authorize(): Promise<string> {
    const state = randomState();
    const { authorizationUrl, codeVerifier } = await startAuthorization(this.authorizationServer!, {
      metadata: this.metadata,
      clientInformation: this.client!,
      redirectUrl: this.options.redirectUrl,
      scope: this.options.scope ?? this.scope ?? this.resourceMetadata?.scopes_supported?.join(" "),
      state,
      resource: this.resourceMetadata?.resource,
    });
    this.verifier = codeVerifier;
    // The authorization endpoint refuses a bad client or redirect URI on its own page (never a redirect).
    const page = await this.options.fetchFn(authorizationUrl.href, { method: "GET", redirect: "manual" });
    const text = await page.text().catch(() => "");
    if (page.status >= 400) {
      const said = textOf(text);
      throw new StepFailure(
        `HTTP ${page.status}: ${said}`,
        /redirect/i.test(said)
          ? `The redirect URI sent differs from the registered one: register ${this.options.redirectUrl} for this client.`
          : "The authorization endpoint refused the request: check the client id and the parameters it names.",
      );
    }
    const answer = await this.options.approve(authorizationUrl);
    const found = answer.error
      ? `error ${answer.error}`
      : `code received, state ${answer.state === state ? "matches" : "differs"}, iss ${answer.iss ?? "absent"}`;
    if (answer.error || !answer.code)
      throw new StepFailure(
        found,
        "The authorization server did not grant the request: approve it, or check the scope and client it names.",
      );
    if (answer.state !== state)
      throw new StepFailure(found, "The authorization response's state differs from the one sent.");
    if (answer.iss && !sameUrl(answer.iss, this.metadata!.issuer))
      throw new StepFailure(
        found,
        `The authorization response's iss (${answer.iss}) differs from the metadata's issuer (RFC 9207).`,
      );
    this.code = answer.code;
    this.iss = answer.iss ?? undefined;
    return found;
  }

  private async token(): Promise<string> {
    const tokens = await exchangeAuthorization(this.authorizationServer!, {
      metadata: this.metadata,
      clientInformation: this.client!,
      authorizationCode: this.code!,
      ...(this.iss && { iss: this.iss }),
      codeVerifier: this.verifier!,
      redirectUri: this.options.redirectUrl,
      resource: this.resourceMetadata?.resource ? new URL(this.resourceMetadata.resource) : undefined,
      fetchFn: this.options.fetchFn,
    });
    this.accessToken = tokens.access_token;
    return `token_type ${tokens.token_type}, expires_in ${tokens.expires_in ?? "absent"}, scope ${tokens.scope ?? "absent"}${tokens.refresh_token ? ", a refresh token" : ""}`;
  }

  private async authenticated(): Promise<string> {
    const response = await this.post(this.accessToken);
    const body = await response.text().catch(() => "");
    if (response.ok) return `HTTP ${response.status}`;
    const challenge = response.headers.get("www-authenticate") ?? "";
    // What the server says is wrong: the challenge's error_description, else the body.
    const said = `${extractWWWAuthenticateParams(response).errorDescription ?? ""} ${textOf(body)}`;
    const found = `HTTP ${response.status}${challenge ? `, WWW-Authenticate: ${challenge}` : ""}`;
    if (/expired/i.test(said))
      throw new StepFailure(
        found,
        "The server says the new token has expired: the authorization server issues tokens already past their lifetime (check its expiry and clock).",
      );
    if (/not issued for this resource|audience|\baud\b|resource/i.test(said))
      throw new StepFailure(
        found,
        "The token's audience is not this server: the authorization server must issue it for the resource sent (RFC 8707).",
      );
    throw new StepFailure(
      found,
      "The server refuses the token the authorization server issued: check how it validates tokens.",
    );
  }
}

/** The visible text of an HTML or JSON error body, short. */
function textOf(body: string): string {
  return body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}

function randomState(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
