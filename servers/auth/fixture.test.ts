/** The auth fixture's endpoints, driven by the SDK client's own `auth()` (as the inspector will). */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  auth,
  Client,
  StreamableHTTPClientTransport,
  type OAuthClientInformationMixed,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type OAuthTokens,
} from "@modelcontextprotocol/client";
import { afterEach, describe, expect, it } from "vitest";
import { startAuthFixture, type AuthFixture, type AuthFixtureOptions } from "./fixture.js";

const REDIRECT = "http://127.0.0.1:1/oauth/callback";

class TestProvider implements OAuthClientProvider {
  info?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = "";
  authorizationUrl?: URL;
  constructor(
    info?: OAuthClientInformationMixed,
    readonly clientMetadataUrl?: string,
  ) {
    this.info = info;
  }
  get redirectUrl(): string {
    return REDIRECT;
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: "test", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" };
  }
  state(): string {
    return "state-1";
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
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }
  codeVerifier(): string {
    return this.verifier;
  }
}

/** Loads the /authorize page, presses Approve (posts its form), returns the redirect's query. */
async function approve(url: URL): Promise<URLSearchParams> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const text = await page.text();
  expect(text).toContain(">Approve</button>");
  const form = new URLSearchParams();
  for (const [, name, value] of text.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    form.set(
      name!,
      value!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
    );
  form.set("decision", "approve");
  const answer = await fetch(new URL("/authorize", url), { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location")!).searchParams;
}

async function authorize(fixture: AuthFixture, provider: TestProvider, scope?: string): Promise<void> {
  expect(await auth(provider, { serverUrl: fixture.url, scope })).toBe("REDIRECT");
  const query = await approve(provider.authorizationUrl!);
  expect(query.get("state")).toBe("state-1");
  expect(query.get("iss")).toBe(fixture.origin);
  const result = await auth(provider, {
    serverUrl: fixture.url,
    authorizationCode: query.get("code")!,
    iss: query.get("iss")!,
    scope,
  });
  expect(result).toBe("AUTHORIZED");
}

async function connect(fixture: AuthFixture, provider: TestProvider): Promise<Client> {
  const client = new Client({ name: "t", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL(fixture.url), { authProvider: provider }));
  return client;
}

const whoami = async (client: Client): Promise<unknown> =>
  (await client.callTool({ name: "whoami", arguments: {} })).structuredContent;

let fixture: AuthFixture | undefined;
let cimd: Server | undefined;
const start = async (options: AuthFixtureOptions = {}): Promise<AuthFixture> =>
  (fixture = await startAuthFixture(options));
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  await new Promise<void>((resolve) => (cimd ? cimd.close(() => resolve()) : resolve()));
  cimd = undefined;
});

describe("auth fixture", () => {
  it("answers 401 with resource_metadata and serves both metadata documents", async () => {
    const f = await start();
    const res = await fetch(f.url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain(
      `resource_metadata="${f.origin}/.well-known/oauth-protected-resource/mcp"`,
    );
    const prm = (await (await fetch(`${f.origin}/.well-known/oauth-protected-resource/mcp`)).json()) as Record<
      string,
      unknown
    >;
    expect(prm).toMatchObject({ resource: f.url, authorization_servers: [f.origin] });
    const asm = (await (await fetch(`${f.origin}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    expect(asm).toMatchObject({ issuer: f.origin, code_challenge_methods_supported: ["S256"] });
    expect(await (await fetch(`${f.origin}/.well-known/openid-configuration`)).json()).toEqual(asm);
  });

  it("dynamic registration → Approve → whoami; refresh after expiry; 403 insufficient_scope for admin_action", async () => {
    const f = await start();
    const provider = new TestProvider();
    await authorize(f, provider);
    expect(provider.info?.client_id).toMatch(/^dyn-/);
    const client = await connect(f, provider);
    expect(await whoami(client)).toEqual({ clientId: provider.info!.client_id, scopes: ["mcp"] });

    const before = provider.saved!.access_token;
    f.expireAccessTokens();
    expect(await whoami(client)).toMatchObject({ scopes: ["mcp"] });
    expect(provider.saved!.access_token).not.toBe(before);
    expect(f.events.some((e) => e.path === "/token" && e.detail === "refresh_token" && e.status === 200)).toBe(true);

    const direct = await fetch(f.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${provider.saved!.access_token}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name: "admin_action", arguments: {} },
      }),
    });
    expect(direct.status).toBe(403);
    expect(direct.headers.get("www-authenticate")).toMatch(/error="insufficient_scope".*scope="mcp admin"/);

    // Step-up through the SDK transport: the 403 makes it start a new authorization for the wider scope.
    provider.authorizationUrl = undefined;
    await expect(client.callTool({ name: "admin_action", arguments: {} })).rejects.toThrow();
    expect(provider.authorizationUrl!.searchParams.get("scope")).toBe("mcp admin");
    const q = await approve(provider.authorizationUrl!);
    expect(await auth(provider, { serverUrl: f.url, authorizationCode: q.get("code")!, iss: q.get("iss")! })).toBe(
      "AUTHORIZED",
    );
    expect(provider.saved!.scope).toBe("mcp admin");
    await client.close();
    const admin = await connect(f, provider);
    const result = await admin.callTool({ name: "admin_action", arguments: {} });
    expect(result.content).toEqual([{ type: "text", text: "admin action done" }]);
    await admin.close();
  });

  it("pre-registered confidential client authenticates at the token endpoint", async () => {
    const f = await start({ preRegistered: [{ clientId: "pre-1", clientSecret: "s3cret", redirectUris: [REDIRECT] }] });
    const wrong = new TestProvider({ client_id: "pre-1", client_secret: "nope" });
    expect(await auth(wrong, { serverUrl: f.url })).toBe("REDIRECT");
    const q = await approve(wrong.authorizationUrl!);
    await expect(
      auth(wrong, { serverUrl: f.url, authorizationCode: q.get("code")!, iss: q.get("iss")! }),
    ).rejects.toThrow();

    const provider = new TestProvider({ client_id: "pre-1", client_secret: "s3cret" });
    await authorize(f, provider);
    const client = await connect(f, provider);
    expect(await whoami(client)).toMatchObject({ clientId: "pre-1" });
    await client.close();
  });

  it("fetches a Client ID Metadata Document for a URL client_id", async () => {
    let documentUrl = "";
    cimd = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ client_id: documentUrl, client_name: "cimd", redirect_uris: [REDIRECT] }));
    });
    await new Promise<void>((resolve) => cimd!.listen(0, "127.0.0.1", resolve));
    documentUrl = `http://127.0.0.1:${(cimd.address() as AddressInfo).port}/client.json`;
    const f = await start();
    // The SDK only sends https CIMD URLs by itself; a known client_id that is a URL works the same way.
    const provider = new TestProvider({ client_id: documentUrl });
    await authorize(f, provider);
    const client = await connect(f, provider);
    expect(await whoami(client)).toMatchObject({ clientId: documentUrl });
    await client.close();
  });

  it("refuses PKCE verifier, redirect_uri and resource mismatches at the token endpoint", async () => {
    const f = await start();
    const provider = new TestProvider();
    await auth(provider, { serverUrl: f.url });
    const q = await approve(provider.authorizationUrl!);
    const base = {
      grant_type: "authorization_code",
      code: q.get("code")!,
      client_id: provider.info!.client_id,
      redirect_uri: REDIRECT,
      code_verifier: provider.verifier,
      resource: f.url,
    };
    const post = (body: Record<string, string>) =>
      fetch(`${f.origin}/token`, { method: "POST", body: new URLSearchParams(body) });
    expect((await post({ ...base, resource: "http://127.0.0.1:1/x" })).status).toBe(400);
    expect(await (await post({ ...base, code_verifier: "x".repeat(43) })).json()).toMatchObject({
      error: "invalid_grant",
    });
  });

  it.each([
    [
      "no-authorization-servers",
      async (f: AuthFixture) => {
        const prm = (await (await fetch(`${f.origin}/.well-known/oauth-protected-resource/mcp`)).json()) as object;
        expect(prm).not.toHaveProperty("authorization_servers");
      },
    ],
    [
      "wrong-issuer",
      async (f: AuthFixture) => {
        expect(await (await fetch(`${f.origin}/.well-known/oauth-authorization-server`)).json()).toMatchObject({
          issuer: "https://issuer.invalid",
        });
      },
    ],
    [
      "no-s256",
      async (f: AuthFixture) => {
        expect(await (await fetch(`${f.origin}/.well-known/oauth-authorization-server`)).json()).toMatchObject({
          code_challenge_methods_supported: ["plain"],
        });
      },
    ],
    [
      "link-local-metadata",
      async (f: AuthFixture) => {
        const res = await fetch(`${f.origin}/.well-known/oauth-protected-resource/mcp`, { redirect: "manual" });
        expect(res.headers.get("location")).toMatch(/^http:\/\/169\.254\.169\.254\//);
      },
    ],
  ] as const)("misconfiguration %s shows in its documents", async (misconfiguration, check) => {
    await check(await start({ misconfiguration }));
  });

  it.each(["audience-mismatch", "expired-token"] as const)(
    "misconfiguration %s: the issued token is refused with 401",
    async (misconfiguration) => {
      const f = await start({ misconfiguration });
      const provider = new TestProvider();
      await authorize(f, provider);
      const res = await fetch(f.url, {
        method: "POST",
        headers: { authorization: `Bearer ${provider.saved!.access_token}`, "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    },
  );

  it("misconfiguration redirect-uri-mismatch: /authorize shows an error page instead of redirecting", async () => {
    const f = await start({ misconfiguration: "redirect-uri-mismatch" });
    const provider = new TestProvider();
    await auth(provider, { serverUrl: f.url });
    const page = await fetch(provider.authorizationUrl!, { redirect: "manual" });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("is not registered for this client");
  });
});
