/**
 * OAuth-protected MCP server fixture on 127.0.0.1 (one listener): the MCP endpoint `/mcp`
 * (Streamable HTTP, stateless, both eras via `createMcpHandler`), guarded by the SDK's
 * `verifyBearerToken`, and a small in-memory authorization server beside it (issuer = origin).
 *
 * Endpoints: RFC 9728 protected resource metadata, RFC 8414 / OIDC discovery, RFC 7591
 * registration, pre-registered clients, Client ID Metadata Documents (http(s) client_id URLs,
 * fetched by the AS), /authorize (HTML page with Approve / Deny buttons), /token
 * (authorization_code with PKCE S256 only, RFC 8707 `resource` checked, refresh_token with
 * rotation), `iss` in the authorization response (RFC 9207), 403 `insufficient_scope` for
 * the `admin_action` tool (needs scope `admin`). Test-only: POST /__fixture/expire-tokens.
 *
 * Misconfigurations (start options) exist so the inspector's diagnoses can be tested.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  bearerAuthChallengeResponse,
  createMcpHandler,
  McpServer,
  OAuthError,
  verifyBearerToken,
  type AuthInfo,
} from "@modelcontextprotocol/server";
import { z } from "zod";
import { toWebRequest, writeWebResponse } from "../demo/nodeHttp.js";

export type AuthMisconfiguration =
  | "no-authorization-servers"
  | "wrong-issuer"
  | "redirect-uri-mismatch"
  | "audience-mismatch"
  | "no-s256"
  | "expired-token"
  | "link-local-metadata";

export const MISCONFIGURATIONS: readonly AuthMisconfiguration[] = [
  "no-authorization-servers",
  "wrong-issuer",
  "redirect-uri-mismatch",
  "audience-mismatch",
  "no-s256",
  "expired-token",
  "link-local-metadata",
];

export interface PreRegisteredClient {
  clientId: string;
  clientSecret?: string;
  redirectUris: string[];
}

export interface AuthFixtureOptions {
  port?: number;
  /** Access token lifetime in seconds (default 3600). */
  accessTokenTtl?: number;
  preRegistered?: PreRegisteredClient[];
  misconfiguration?: AuthMisconfiguration;
}

export interface AuthFixtureEvent {
  method: string;
  path: string;
  status: number;
  /** grant_type for /token, tool name for tools/call. */
  detail?: string;
}

export interface AuthFixture {
  origin: string;
  /** The MCP endpoint (also the RFC 8707 resource identifier). */
  url: string;
  events: AuthFixtureEvent[];
  /** Marks every issued access token expired (refresh tokens stay valid). */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

interface Client {
  clientId: string;
  clientSecret?: string;
  redirectUris: string[];
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  resource?: string;
  expiresAt: number;
}

interface IssuedToken {
  clientId: string;
  scopes: string[];
  resource: string;
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  scopes: string[];
  resource: string;
}

const SCOPES = ["mcp", "admin"];
const DEFAULT_SCOPES = ["mcp"];
const now = (): number => Math.floor(Date.now() / 1000);
const token = (): string => randomBytes(24).toString("base64url");
const s256 = (verifier: string): string => createHash("sha256").update(verifier).digest("base64url");

function html(body: string, status = 200): Response {
  return new Response(`<!doctype html><meta charset="utf-8"><title>Fixture AS</title>${body}`, {
    status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

function oauthError(error: string, description: string, status = 400): Response {
  return Response.json({ error, error_description: description }, { status, headers: { "cache-control": "no-store" } });
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function isUrlClientId(clientId: string): boolean {
  return /^https?:\/\//.test(clientId);
}

/** CIMD: the AS fetches the document; http is allowed only for 127.0.0.1 (fixture use). */
async function fetchClientMetadataDocument(clientId: string): Promise<Client | string> {
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return "client_id is not a URL";
  }
  if (url.protocol === "http:" && url.hostname !== "127.0.0.1") return "http client_id URLs must be on 127.0.0.1";
  let document: unknown;
  try {
    const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(5000) });
    if (!response.ok) return `client metadata document answered ${response.status}`;
    document = await response.json();
  } catch (error) {
    return `client metadata document could not be fetched: ${(error as Error).message}`;
  }
  const doc = document as { client_id?: unknown; redirect_uris?: unknown };
  if (doc.client_id !== clientId) return "client metadata document's client_id differs from its URL";
  if (!Array.isArray(doc.redirect_uris) || !doc.redirect_uris.every((u) => typeof u === "string"))
    return "client metadata document has no redirect_uris";
  return { clientId, redirectUris: doc.redirect_uris as string[] };
}

function createToolsServer(): McpServer {
  const server = new McpServer({ name: "mcp-lens-auth-fixture", version: "1.0.0" });
  server.registerTool(
    "whoami",
    { description: "Returns the access token's client and scopes.", inputSchema: z.object({}) },
    (_args, ctx) => {
      const auth = ctx.http?.authInfo;
      const info = { clientId: auth?.clientId, scopes: auth?.scopes ?? [] };
      return { content: [{ type: "text", text: JSON.stringify(info) }], structuredContent: info };
    },
  );
  server.registerTool(
    "echo",
    { description: "Returns the message.", inputSchema: z.object({ message: z.string() }) },
    ({ message }) => ({ content: [{ type: "text", text: message }] }),
  );
  server.registerTool(
    "admin_action",
    { description: "Needs the `admin` scope (403 insufficient_scope otherwise: step-up).", inputSchema: z.object({}) },
    () => ({ content: [{ type: "text", text: "admin action done" }] }),
  );
  return server;
}

export async function startAuthFixture(options: AuthFixtureOptions = {}): Promise<AuthFixture> {
  const ttl = options.accessTokenTtl ?? 3600;
  const mis = options.misconfiguration;
  const clients = new Map<string, Client>();
  for (const c of options.preRegistered ?? []) clients.set(c.clientId, { ...c });
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, IssuedToken>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const events: AuthFixtureEvent[] = [];
  let origin = "";
  const resourceUrl = (): string => `${origin}/mcp`;
  const prmUrl = (): string => `${origin}/.well-known/oauth-protected-resource/mcp`;
  const issuer = (): string => (mis === "wrong-issuer" ? "https://issuer.invalid" : origin);

  const mcp = createMcpHandler(createToolsServer, { legacy: "stateless" });
  const verifier = {
    async verifyAccessToken(value: string): Promise<AuthInfo> {
      const issued = accessTokens.get(value);
      if (!issued) throw new OAuthError("invalid_token", "unknown access token");
      return {
        token: value,
        clientId: issued.clientId,
        scopes: issued.scopes,
        expiresAt: issued.expiresAt,
        resource: new URL(issued.resource),
      };
    },
  };

  function protectedResourceMetadata(): Response {
    if (mis === "link-local-metadata")
      return new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    const document: Record<string, unknown> = {
      resource: resourceUrl(),
      // Only the default scope, so a first authorization lacks `admin` and step-up is needed.
      scopes_supported: DEFAULT_SCOPES,
      bearer_methods_supported: ["header"],
    };
    if (mis !== "no-authorization-servers") document.authorization_servers = [origin];
    return Response.json(document);
  }

  function authorizationServerMetadata(): Response {
    return Response.json({
      issuer: issuer(),
      authorization_endpoint: `${origin}/authorize`,
      token_endpoint: `${origin}/token`,
      registration_endpoint: `${origin}/register`,
      scopes_supported: SCOPES,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_post", "client_secret_basic"],
      code_challenge_methods_supported: mis === "no-s256" ? ["plain"] : ["S256"],
      client_id_metadata_document_supported: true,
      authorization_response_iss_parameter_supported: true,
    });
  }

  async function register(request: Request): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      body = (await request.json()) as Record<string, unknown>;
    } catch {
      return oauthError("invalid_client_metadata", "body is not JSON");
    }
    const redirectUris = body.redirect_uris;
    if (!Array.isArray(redirectUris) || redirectUris.length === 0 || !redirectUris.every((u) => typeof u === "string"))
      return oauthError("invalid_redirect_uri", "redirect_uris is required");
    const method = typeof body.token_endpoint_auth_method === "string" ? body.token_endpoint_auth_method : "none";
    const client: Client = {
      clientId: `dyn-${token()}`,
      // The misconfigured AS records a different redirect URI than the one registered.
      redirectUris: mis === "redirect-uri-mismatch" ? redirectUris.map((u: string) => `${u}-registered`) : redirectUris,
    };
    if (method !== "none") client.clientSecret = token();
    clients.set(client.clientId, client);
    return Response.json(
      {
        ...body,
        client_id: client.clientId,
        client_id_issued_at: now(),
        ...(client.clientSecret ? { client_secret: client.clientSecret, client_secret_expires_at: 0 } : {}),
        redirect_uris: redirectUris,
        token_endpoint_auth_method: method,
      },
      { status: 201 },
    );
  }

  async function findClient(clientId: string): Promise<Client | string> {
    const known = clients.get(clientId);
    if (known) return known;
    if (isUrlClientId(clientId)) {
      const client = await fetchClientMetadataDocument(clientId);
      if (typeof client === "string") return client;
      return mis === "redirect-uri-mismatch"
        ? { ...client, redirectUris: client.redirectUris.map((u) => `${u}-registered`) }
        : client;
    }
    return "unknown client_id";
  }

  async function authorize(request: Request): Promise<Response> {
    const params =
      request.method === "POST" ? new URLSearchParams(await request.text()) : new URL(request.url).searchParams;
    const get = (name: string): string => params.get(name) ?? "";
    const client = await findClient(get("client_id"));
    // Errors about the client or redirect URI are shown, never redirected (RFC 6749 §4.1.2.1).
    if (typeof client === "string") return html(`<h1>Invalid client</h1><p id="error">${escapeHtml(client)}</p>`, 400);
    const redirectUri = get("redirect_uri");
    if (!client.redirectUris.includes(redirectUri))
      return html(
        `<h1>Invalid redirect URI</h1><p id="error">redirect_uri ${escapeHtml(redirectUri)} is not registered for this client</p>`,
        400,
      );
    const back = (query: Record<string, string>): Response => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
      if (get("state")) target.searchParams.set("state", get("state"));
      target.searchParams.set("iss", issuer());
      return new Response(null, { status: 302, headers: { location: target.href } });
    };
    if (get("response_type") !== "code") return back({ error: "unsupported_response_type" });
    const supported = mis === "no-s256" ? "plain" : "S256";
    if (get("code_challenge_method") !== supported || !get("code_challenge"))
      return back({ error: "invalid_request", error_description: `code_challenge_method must be ${supported}` });
    const scopes = get("scope") ? get("scope").split(" ") : DEFAULT_SCOPES;
    if (scopes.some((s) => !SCOPES.includes(s))) return back({ error: "invalid_scope" });
    const resource = get("resource");
    if (resource && resource !== resourceUrl()) return back({ error: "invalid_target" });

    if (request.method === "GET") {
      const hidden = [...params.entries()]
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join("");
      return html(
        `<h1>Authorize</h1><p>Client <code id="client">${escapeHtml(client.clientId)}</code> asks for scopes ` +
          `<code id="scopes">${escapeHtml(scopes.join(" "))}</code>.</p>` +
          `<form method="post" action="/authorize">${hidden}` +
          `<button name="decision" value="approve">Approve</button> <button name="decision" value="deny">Deny</button></form>`,
      );
    }
    if (get("decision") !== "approve") return back({ error: "access_denied" });
    const code = token();
    codes.set(code, {
      clientId: client.clientId,
      redirectUri,
      codeChallenge: get("code_challenge"),
      scopes,
      resource: resource || undefined,
      expiresAt: now() + 120,
    });
    return back({ code });
  }

  function authenticateClient(request: Request, params: URLSearchParams): { clientId: string; secret?: string } {
    const basic = request.headers.get("authorization");
    if (basic?.startsWith("Basic ")) {
      const [id, secret] = Buffer.from(basic.slice(6), "base64").toString().split(":");
      return { clientId: decodeURIComponent(id ?? ""), secret: decodeURIComponent(secret ?? "") };
    }
    return { clientId: params.get("client_id") ?? "", secret: params.get("client_secret") ?? undefined };
  }

  function issue(clientId: string, scopes: string[], resource: string, refresh?: string): Response {
    const access = token();
    accessTokens.set(access, {
      clientId,
      scopes,
      resource: mis === "audience-mismatch" ? "http://127.0.0.1:1/other-resource" : resource,
      expiresAt: mis === "expired-token" ? now() - 60 : now() + ttl,
    });
    const refreshToken = token();
    if (refresh) refreshTokens.delete(refresh);
    refreshTokens.set(refreshToken, { clientId, scopes, resource });
    return Response.json(
      {
        access_token: access,
        token_type: "Bearer",
        expires_in: ttl,
        refresh_token: refreshToken,
        scope: scopes.join(" "),
      },
      { headers: { "cache-control": "no-store" } },
    );
  }

  async function tokenEndpoint(request: Request, event: AuthFixtureEvent): Promise<Response> {
    const params = new URLSearchParams(await request.text());
    const grant = params.get("grant_type") ?? "";
    event.detail = grant;
    const { clientId, secret } = authenticateClient(request, params);
    const client = await findClient(clientId);
    if (typeof client === "string") return oauthError("invalid_client", client, 401);
    if (client.clientSecret !== undefined && client.clientSecret !== secret)
      return oauthError("invalid_client", "client authentication failed", 401);
    const resource = params.get("resource");
    if (resource !== null && resource !== resourceUrl())
      return oauthError("invalid_target", `resource ${resource} is not served here`);

    if (grant === "authorization_code") {
      const code = codes.get(params.get("code") ?? "");
      codes.delete(params.get("code") ?? "");
      if (!code || code.expiresAt < now() || code.clientId !== client.clientId)
        return oauthError("invalid_grant", "unknown or expired code");
      if (params.get("redirect_uri") !== code.redirectUri)
        return oauthError("invalid_grant", "redirect_uri differs from the authorization request");
      const verifierValue = params.get("code_verifier") ?? "";
      const expected = mis === "no-s256" ? verifierValue : s256(verifierValue);
      if (!verifierValue || expected !== code.codeChallenge)
        return oauthError("invalid_grant", "PKCE verification failed");
      if (code.resource && resource !== code.resource)
        return oauthError("invalid_target", "resource differs from the authorization request");
      return issue(client.clientId, code.scopes, code.resource ?? resourceUrl());
    }
    if (grant === "refresh_token") {
      const refresh = params.get("refresh_token") ?? "";
      const stored = refreshTokens.get(refresh);
      if (!stored || stored.clientId !== client.clientId) return oauthError("invalid_grant", "unknown refresh token");
      return issue(client.clientId, stored.scopes, stored.resource, refresh);
    }
    return oauthError("unsupported_grant_type", `grant_type ${grant} is not supported`);
  }

  async function mcpEndpoint(request: Request, event: AuthFixtureEvent): Promise<Response> {
    let auth: AuthInfo;
    try {
      auth = await verifyBearerToken(request.headers.get("authorization"), {
        verifier,
        requiredScopes: DEFAULT_SCOPES,
        resourceMetadataUrl: prmUrl(),
        expectedResource: new URL(resourceUrl()),
      });
    } catch (error) {
      return bearerAuthChallengeResponse(error, { requiredScopes: DEFAULT_SCOPES, resourceMetadataUrl: prmUrl() });
    }
    if (request.method === "POST") {
      let body: unknown;
      try {
        body = await request.clone().json();
      } catch {
        body = undefined;
      }
      const message = body as { method?: unknown; params?: { name?: unknown } } | undefined;
      if (message?.method === "tools/call") {
        event.detail = String(message.params?.name);
        if (message.params?.name === "admin_action" && !auth.scopes.includes("admin")) {
          const required = [...new Set([...auth.scopes, "admin"])];
          return bearerAuthChallengeResponse(new OAuthError("insufficient_scope", "admin_action needs scope admin"), {
            requiredScopes: required,
            resourceMetadataUrl: prmUrl(),
          });
        }
      }
    }
    return mcp.fetch(request, { authInfo: auth });
  }

  async function route(request: Request, event: AuthFixtureEvent): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/mcp") return mcpEndpoint(request, event);
    if (
      request.method === "GET" &&
      (path === "/.well-known/oauth-protected-resource/mcp" || path === "/.well-known/oauth-protected-resource")
    )
      return protectedResourceMetadata();
    if (
      request.method === "GET" &&
      (path === "/.well-known/oauth-authorization-server" || path === "/.well-known/openid-configuration")
    )
      return authorizationServerMetadata();
    if (request.method === "POST" && path === "/register") return register(request);
    if ((request.method === "GET" || request.method === "POST") && path === "/authorize") return authorize(request);
    if (request.method === "POST" && path === "/token") return tokenEndpoint(request, event);
    if (request.method === "POST" && path === "/__fixture/expire-tokens") {
      expireAccessTokens();
      return new Response(null, { status: 204 });
    }
    return new Response("not found", { status: 404 });
  }

  function expireAccessTokens(): void {
    for (const issued of accessTokens.values()) issued.expiresAt = now() - 1;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const request = toWebRequest(req, controller.signal);
    const event: AuthFixtureEvent = { method: request.method, path: new URL(request.url).pathname, status: 0 };
    route(request, event)
      .catch((error: unknown) => oauthError("server_error", (error as Error).message, 500))
      .then(async (response) => {
        event.status = response.status;
        events.push(event);
        await writeWebResponse(res, response);
      })
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: resourceUrl(),
    events,
    expireAccessTokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
