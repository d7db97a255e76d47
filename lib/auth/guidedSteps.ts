/**
 * The guided OAuth debugger's plan (issue 14): its steps in order, what the spec expects at each,
 * and the generic fix for a step that failed without a more specific one (guided.ts runs them).
 */
import type { FetchLike } from "@modelcontextprotocol/client";
import type { OAuthCallbackMessage } from "./callback";

export type GuidedStepId =
  | "unauthenticated-request"
  | "resource-metadata"
  | "authorization-server-metadata"
  | "client-identity"
  | "authorization"
  | "token-exchange"
  | "authenticated-request";

export interface GuidedStep {
  id: GuidedStepId;
  title: string;
  /** What the spec expects at this step. */
  expects: string;
  status: "pending" | "ok" | "failed";
  /** What was found (the evidence), once run. */
  found?: string;
  /** On failure: the fix, in one sentence. */
  fix?: string;
}

export interface GuidedOptions {
  /** The MCP server's URL (the protected resource). */
  serverUrl: string;
  fetchFn: FetchLike;
  /** The inspector's callback URL (sent as redirect_uri). */
  redirectUrl: string;
  /** A pre-registered client; without one, dynamic registration. */
  client?: { clientId: string; clientSecret?: string };
  scope?: string;
  /** The person's approval (in the page: the popup): the callback's parameters for an authorization URL. */
  approve: (authorizationUrl: URL) => Promise<Pick<OAuthCallbackMessage, "code" | "state" | "iss" | "error">>;
}

const STEPS: Omit<GuidedStep, "status">[] = [
  {
    id: "unauthenticated-request",
    title: "Request without a token",
    expects: "401 with a WWW-Authenticate: Bearer header naming resource_metadata (RFC 9728 §5.1)",
  },
  {
    id: "resource-metadata",
    title: "Protected resource metadata",
    expects: "a JSON document whose resource is this server and whose authorization_servers is not empty (RFC 9728)",
  },
  {
    id: "authorization-server-metadata",
    title: "Authorization server metadata",
    expects: "RFC 8414 / OpenID discovery metadata whose issuer is the authorization server's URL, with S256 PKCE",
  },
  {
    id: "client-identity",
    title: "Client identity",
    expects: "a pre-registered client, or dynamic registration (RFC 7591) that registers the redirect URI sent",
  },
  {
    id: "authorization",
    title: "Authorization request",
    expects: "the authorization page, then a redirect back with code, the same state and iss (RFC 9207)",
  },
  {
    id: "token-exchange",
    title: "Token exchange",
    expects: "an access token for the code, PKCE verifier and resource indicator (RFC 8707)",
  },
  {
    id: "authenticated-request",
    title: "Request with the token",
    expects: "the MCP server accepts the access token (its audience is this server, it is not expired)",
  },
];

/** The steps before any has run (for a view that shows the plan first). */
export function pendingSteps(): GuidedStep[] {
  return STEPS.map((s) => ({ ...s, status: "pending" }));
}

/** The fix for a failed step when the step itself named none. */
export function genericFix(id: GuidedStepId, found: string): string {
  if (id === "token-exchange")
    return /redirect_uri/i.test(found)
      ? "The redirect URI sent at the token exchange differs from the one authorized."
      : "The token endpoint refused the exchange: see its error above.";
  if (id === "authorization-server-metadata")
    return "Serve RFC 8414 metadata at the authorization server's well-known path.";
  return "See the error above.";
}
