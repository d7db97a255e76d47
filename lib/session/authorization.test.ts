/**
 * A session against the OAuth-protected fixture, through the in-process relay: Connect meets 401 →
 * "Authorization required"; Authorize (the popup played by a fetch that presses Approve, the callback
 * page by a message) → tokens → connected → tools; refresh on an expired token; step-up on 403
 * insufficient_scope without a reconnect; Forget credentials drops it all.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startAuthFixture, type AuthFixture } from "../../servers/fixtures/auth/fixture.js";
import { callbackUrl, OAUTH_MESSAGE_TYPE, readCallback } from "../auth";
import type { ConnectionConfig, OAuthSettings } from "../base";
import { inProcessFetch, nodeSessionDeps } from "../testing";
import { createTransport } from "../transports";
import type { AuthorizationPage } from "./authorization";
import { InspectorSession } from "./session";
import type { SessionDeps } from "./sessionDeps";

const ORIGIN = "http://127.0.0.1:6421";

/** Presses Approve (or Deny) on the fixture's /authorize page; returns the redirect's query string. */
async function decide(url: URL, decision: "approve" | "deny"): Promise<string> {
  const text = await (await fetch(url)).text();
  const form = new URLSearchParams();
  for (const [, name, value] of text.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    form.set(
      name!,
      value!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
    );
  form.set("decision", decision);
  const answer = await fetch(new URL("/authorize", url), { method: "POST", body: form, redirect: "manual" });
  return new URL(answer.headers.get("location")!).search;
}

/** The page's side, played in Node: "opening the popup" presses the button; the callback message follows. */
function fakePage(decision: "approve" | "deny" = "approve"): AuthorizationPage & { opened: URL[] } {
  const target = new EventTarget();
  const opened: URL[] = [];
  return {
    opened,
    origin: ORIGIN,
    target: target as unknown as AuthorizationPage["target"],
    open: (url) => {
      opened.push(url);
      void decide(url, decision).then((search) =>
        target.dispatchEvent(
          new MessageEvent("message", { origin: ORIGIN, data: { ...readCallback(search), type: OAUTH_MESSAGE_TYPE } }),
        ),
      );
    },
  };
}

/** Node session deps through the in-process relay (as the page's relay route), with OAuth on. */
function deps(): SessionDeps {
  return {
    ...nodeSessionDeps(),
    createTransport: (config, log, options) =>
      createTransport({ base: "", token: "in-process", fetch: inProcessFetch }, config, log, options),
    oauthRedirectUrl: callbackUrl(ORIGIN),
  };
}

const config = (url: string, oauth?: OAuthSettings): ConnectionConfig => ({
  id: "auth",
  name: "auth",
  transport: "streamable-http",
  protocol: "2025-11-25",
  url,
  headers: [],
  ...(oauth && { oauth }),
});

let fixture: AuthFixture | undefined;
let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
  await fixture?.close();
  fixture = undefined;
});

async function whoami(s: InspectorSession): Promise<unknown> {
  return (await s.client!.callTool({ name: "whoami", arguments: {} })).structuredContent;
}

describe("SessionAuthorization", () => {
  it("401 → Authorization required → Authorize → connected; refresh; step-up; forget", async () => {
    const f = (fixture = await startAuthFixture());
    session = new InspectorSession(config(f.url), deps());
    await session.connect();
    expect(session.state.status).toBe("failed");
    expect(session.state.failure?.title).toBe("Authorization required");
    expect(session.authorization.store.get()).toMatchObject({ status: "required", authorizationServer: f.origin });

    const page = fakePage();
    await session.authorize(page);
    expect(page.opened[0]!.searchParams.get("code_challenge_method")).toBe("S256");
    expect(session.state.status).toBe("connected");
    expect(session.authorization.store.get().status).toBe("authorized");
    expect(await whoami(session)).toMatchObject({ scopes: ["mcp"] });
    // Discovery, registration and the token exchange went through the relay into the traffic log.
    const paths = session.log.entries.flatMap((e) =>
      e.kind === "http" && e.phase === "request" ? [new URL(e.url).pathname] : [],
    );
    expect(paths).toEqual(expect.arrayContaining(["/.well-known/oauth-protected-resource/mcp", "/register", "/token"]));

    f.expireAccessTokens();
    expect(await whoami(session)).toMatchObject({ scopes: ["mcp"] });
    expect(f.events.some((e) => e.path === "/token" && e.detail === "refresh_token" && e.status === 200)).toBe(true);

    await expect(session.client!.callTool({ name: "admin_action", arguments: {} })).rejects.toThrow();
    expect(session.authorization.store.get()).toMatchObject({ status: "required", stepUp: true, scope: "mcp admin" });
    expect(session.state.status).toBe("connected");
    await session.authorize(fakePage());
    expect(session.state.status).toBe("connected");
    expect((await session.client!.callTool({ name: "admin_action", arguments: {} })).content).toEqual([
      { type: "text", text: "admin action done" },
    ]);

    await session.forgetCredentials();
    expect(session.authorization.hasTokens()).toBe(false);
    expect(session.authorization.store.get().status).toBe("none");
    expect(session.state.status).toBe("disconnected");
  });

  it("a pre-registered client (id + secret) from the connection's settings", async () => {
    const f = (fixture = await startAuthFixture({
      preRegistered: [{ clientId: "lens", clientSecret: "s3cret", redirectUris: [callbackUrl(ORIGIN)] }],
    }));
    session = new InspectorSession(
      config(f.url, { clientId: "lens", clientSecret: "s3cret", clientMetadataUrl: "", scope: "" }),
      deps(),
    );
    await session.connect();
    expect(session.authorization.store.get().status).toBe("required");
    const page = fakePage();
    await session.authorize(page);
    expect(page.opened[0]!.searchParams.get("client_id")).toBe("lens");
    expect(session.state.status).toBe("connected");
    expect(await whoami(session)).toMatchObject({ clientId: "lens" });
    expect(f.events.some((e) => e.path === "/register")).toBe(false);
  });

  it("a Client ID Metadata Document served by the fixture (its URL is the client id)", async () => {
    const f = (fixture = await startAuthFixture({ clientMetadataRedirectUris: [callbackUrl(ORIGIN)] }));
    const cimd = f.clientMetadataUrl!;
    session = new InspectorSession(
      config(f.url, { clientId: "", clientSecret: "", clientMetadataUrl: cimd, scope: "" }),
      deps(),
    );
    await session.connect();
    const page = fakePage();
    await session.authorize(page);
    expect(page.opened[0]!.searchParams.get("client_id")).toBe(cimd);
    expect(session.state.status).toBe("connected");
    expect(await whoami(session)).toMatchObject({ clientId: cimd });
    expect(f.events.some((e) => e.path === "/register")).toBe(false);
    expect(f.events.some((e) => e.path === "/client-metadata.json" && e.status === 200)).toBe(true);
  });

  it("Deny: authorization failed, with the server's error; no connection", async () => {
    const f = (fixture = await startAuthFixture());
    session = new InspectorSession(config(f.url), deps());
    await session.connect();
    await session.authorize(fakePage("deny"));
    expect(session.authorization.store.get()).toMatchObject({ status: "failed", error: /access_denied/ });
    expect(session.state.status).toBe("failed");
  });

  it("no authorization_servers: the SDK falls back to the server's origin; the guided debugger names the step", async () => {
    const f = (fixture = await startAuthFixture({ misconfiguration: "no-authorization-servers" }));
    session = new InspectorSession(config(f.url), deps());
    await session.connect();
    expect(session.state.status).toBe("failed");
    expect(session.authorization.store.get().status).toBe("required");
    const flow = session.guidedOAuth(fakePage())!;
    await flow.runAll();
    expect(flow.failed).toMatchObject({ id: "resource-metadata", fix: /lists no authorization_servers/ });
  });

  it("a flow broken before any authorization URL (wrong issuer): failed with the SDK's error, debugger offered", async () => {
    const f = (fixture = await startAuthFixture({ misconfiguration: "wrong-issuer" }));
    session = new InspectorSession(config(f.url), deps());
    await session.connect();
    expect(session.state.status).toBe("failed");
    expect(session.authorization.store.get()).toMatchObject({ status: "failed", error: /issuer/i });
    const flow = session.guidedOAuth(fakePage())!;
    await flow.runAll();
    expect(flow.failed).toMatchObject({ id: "authorization-server-metadata", fix: /names issuer/ });
  });

  it("a static Authorization header keeps the simple path (no OAuth provider)", async () => {
    const f = (fixture = await startAuthFixture());
    session = new InspectorSession(
      {
        ...config(f.url),
        headers: [{ name: "Authorization", value: "Bearer nope", secret: true }],
      } as ConnectionConfig,
      deps(),
    );
    await session.connect();
    expect(session.state.status).toBe("failed");
    expect(session.state.failure?.title).not.toBe("Authorization required");
    expect(session.authorization.store.get().status).toBe("none");
  });
});

describe("SessionAuthorization in auto mode", () => {
  it("the version probe's 401 starts one authorization; after Approve the connection completes", async () => {
    const f = (fixture = await startAuthFixture());
    session = new InspectorSession({ ...config(f.url), protocol: "auto" }, deps());
    await session.connect();
    expect(session.state.failure?.title).toBe("Authorization required");
    await session.authorize(fakePage());
    expect(session.state.status).toBe("connected");
    expect(await whoami(session)).toMatchObject({ scopes: ["mcp"] });
    expect(f.events.filter((e) => e.path === "/register")).toHaveLength(1);
  });
});
