/** MemoryOAuthProvider driven by the SDK's `auth()` against the auth fixture, then whoami through an SDK client. */
import { auth, Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterEach, describe, expect, it } from "vitest";
import { startAuthFixture, type AuthFixture } from "../../servers/fixtures/auth/fixture";
import { isOpenableAuthorizationUrl, MemoryOAuthProvider } from "./provider";

const REDIRECT = "http://127.0.0.1:1/oauth/callback";

/** Loads the /authorize page, presses Approve (posts its form) and returns the redirect's query. */
async function approve(url: URL): Promise<URLSearchParams> {
  const text = await (await fetch(url)).text();
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

let fixture: AuthFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function authorizeAndCallWhoami(f: AuthFixture, provider: MemoryOAuthProvider): Promise<unknown> {
  expect(await auth(provider, { serverUrl: f.url })).toBe("REDIRECT");
  const url = provider.authorizationUrl!;
  expect(url.origin).toBe(f.origin);
  expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  expect(url.searchParams.get("resource")).toBe(f.url);
  const query = await approve(url);
  expect(provider.takeState(query.get("state"))).toBe(true);
  expect(query.get("iss")).toBe(f.origin);
  expect(
    await auth(provider, { serverUrl: f.url, authorizationCode: query.get("code")!, iss: query.get("iss")! }),
  ).toBe("AUTHORIZED");
  expect(provider.tokens({ issuer: f.origin })?.access_token).toBeTruthy();
  const client = new Client({ name: "t", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL(f.url), { authProvider: provider }));
  const result = (await client.callTool({ name: "whoami", arguments: {} })).structuredContent;
  await client.close();
  return result;
}

describe("MemoryOAuthProvider", () => {
  it("dynamic registration: auth() to the authorization URL, Approve, code exchange, whoami", async () => {
    const f = (fixture = await startAuthFixture());
    const seen: URL[] = [];
    const provider = new MemoryOAuthProvider({ redirectUrl: REDIRECT, onAuthorizationUrl: (u) => void seen.push(u) });
    const who = await authorizeAndCallWhoami(f, provider);
    const clientId = provider.clientInformation({ issuer: f.origin })?.client_id;
    expect(clientId).toMatch(/^dyn-/);
    expect(who).toEqual({ clientId, scopes: ["mcp"] });
    expect(seen).toHaveLength(1);
    expect(provider.discoveryState()?.authorizationServerUrl).toContain(f.origin);

    provider.forget();
    expect(provider.hasTokens()).toBe(false);
    expect(provider.clientInformation({ issuer: f.origin })).toBeUndefined();
    expect(() => provider.codeVerifier()).toThrow();
  });

  it("pre-registered confidential client", async () => {
    const f = (fixture = await startAuthFixture({
      preRegistered: [{ clientId: "lens", clientSecret: "s3cret", redirectUris: [REDIRECT] }],
    }));
    const provider = new MemoryOAuthProvider({
      redirectUrl: REDIRECT,
      preRegistered: { clientId: "lens", clientSecret: "s3cret" },
    });
    expect(await authorizeAndCallWhoami(f, provider)).toEqual({ clientId: "lens", scopes: ["mcp"] });
    expect(f.events.some((e) => e.path === "/register")).toBe(false);
  });

  it("Client ID Metadata Document: an http(s) client_id URL the AS fetches", async () => {
    const f = (fixture = await startAuthFixture());
    const { createServer } = await import("node:http");
    let documentUrl = "";
    const host = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ client_id: documentUrl, client_name: "Lens", redirect_uris: [REDIRECT] }));
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", () => resolve()));
    documentUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/client.json`;
    try {
      const provider = new MemoryOAuthProvider({ redirectUrl: REDIRECT, clientMetadataUrl: documentUrl });
      expect(await authorizeAndCallWhoami(f, provider)).toEqual({ clientId: documentUrl, scopes: ["mcp"] });
      expect(f.events.some((e) => e.path === "/register")).toBe(false);
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });

  it("takeState accepts the last state once", () => {
    const provider = new MemoryOAuthProvider({ redirectUrl: REDIRECT });
    const state = provider.state();
    expect(provider.takeState("other")).toBe(false);
    expect(provider.takeState(state)).toBe(true);
    expect(provider.takeState(state)).toBe(false);
  });

  it("tokens without an issuer (the MCP request's Bearer) are the ones saved last (SEP-2352 migration)", () => {
    const provider = new MemoryOAuthProvider({ redirectUrl: REDIRECT });
    const as1 = "https://as1.example";
    const as2 = "https://as2.example";
    provider.saveTokens({ access_token: "one", token_type: "Bearer", issuer: as1 });
    provider.saveTokens({ access_token: "two", token_type: "Bearer", issuer: as2 });
    expect(provider.tokens()?.access_token).toBe("two");
    expect(provider.tokens({ issuer: as1 })?.access_token).toBe("one");
    expect(provider.tokens({ issuer: "https://other.example" })).toBeUndefined();
    provider.saveTokens({ access_token: "one again", token_type: "Bearer", issuer: as1 });
    expect(provider.tokens()?.access_token).toBe("one again");
  });

  it("refuses to open a non-http(s) authorization URL", async () => {
    const provider = new MemoryOAuthProvider({ redirectUrl: REDIRECT });
    expect(isOpenableAuthorizationUrl(new URL("javascript:alert(1)"))).toBe(false);
    await expect(provider.redirectToAuthorization(new URL("javascript:alert(1)"))).rejects.toThrow(/javascript:/);
    expect(provider.authorizationUrl).toBeUndefined();
  });
});
