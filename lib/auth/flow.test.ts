/**
 * The whole flow against the auth fixture with every exchange captured in a TrafficLog (as the
 * relayed fetch will be), refresh through the SDK transport, and the callback hand-off's checks.
 */
import { auth, Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterEach, describe, expect, it } from "vitest";
import { startAuthFixture, type AuthFixture } from "../../servers/fixtures/auth/fixture.js";
import { TrafficLog } from "../traffic";
import { capturingFetch } from "../transports";
import { callbackUrl, readCallback, waitForCallback } from "./callback";
import { MemoryOAuthProvider } from "./provider";

const ORIGIN = "http://127.0.0.1:6421";

/** Presses Approve on the fixture's /authorize page; returns the redirect's query string. */
async function approve(url: URL): Promise<string> {
  const text = await (await fetch(url)).text();
  const form = new URLSearchParams();
  for (const [, name, value] of text.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    form.set(
      name!,
      value!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
    );
  form.set("decision", "approve");
  const answer = await fetch(new URL("/authorize", url), { method: "POST", body: form, redirect: "manual" });
  return new URL(answer.headers.get("location")!).search;
}

let fixture: AuthFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe("auth flow, captured", () => {
  it("discovery, registration and token exchange land in the traffic log; refresh on 401 through the transport", async () => {
    const f = (fixture = await startAuthFixture());
    const opened: URL[] = [];
    const provider = new MemoryOAuthProvider({
      redirectUrl: callbackUrl(ORIGIN),
      onAuthorizationUrl: (u) => void opened.push(u),
    });
    const log = new TrafficLog({ schedule: (flush) => flush() });
    const fetchFn = capturingFetch(log, fetch);

    expect(await auth(provider, { serverUrl: f.url, fetchFn })).toBe("REDIRECT");
    expect(opened).toHaveLength(1);
    expect(opened[0]!.searchParams.get("code_challenge_method")).toBe("S256");
    expect(opened[0]!.searchParams.get("resource")).toBe(f.url);
    expect(opened[0]!.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/oauth/callback`);
    const callback = readCallback(await approve(opened[0]!));
    expect(callback.state).toBe(provider.expectedState());
    expect(callback.iss).toBe(f.origin);
    expect(
      await auth(provider, { serverUrl: f.url, fetchFn, authorizationCode: callback.code!, iss: callback.iss! }),
    ).toBe("AUTHORIZED");

    const paths = log.entries.flatMap((e) =>
      e.kind === "http" && e.phase === "request" ? [new URL(e.url).pathname] : [],
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        "/.well-known/oauth-protected-resource/mcp",
        "/.well-known/oauth-authorization-server",
        "/register",
        "/token",
      ]),
    );

    const client = new Client({ name: "t", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(new URL(f.url), { authProvider: provider, fetch: fetchFn }));
    f.expireAccessTokens();
    const result = await client.callTool({ name: "whoami", arguments: {} });
    expect(result.structuredContent).toMatchObject({ scopes: ["mcp"] });
    expect(f.events.some((e) => e.path === "/token" && e.detail === "refresh_token" && e.status === 200)).toBe(true);
    await client.close();
  });

  it("waitForCallback takes only its own origin and an accepted state", async () => {
    const target = new EventTarget();
    const message = {
      type: "mcp-lens/oauth-callback",
      code: "c",
      state: "s1",
      iss: null,
      error: null,
      errorDescription: null,
    };
    const waiting = waitForCallback(target as unknown as Window, ORIGIN, (s) => s === "s1");
    target.dispatchEvent(new MessageEvent("message", { origin: "http://evil.example", data: message }));
    target.dispatchEvent(new MessageEvent("message", { origin: ORIGIN, data: { ...message, state: "x" } }));
    target.dispatchEvent(new MessageEvent("message", { origin: ORIGIN, data: message }));
    expect(await waiting).toMatchObject({ code: "c", state: "s1" });
  });

  it("waitForCallback rejects when aborted", async () => {
    const controller = new AbortController();
    const waiting = waitForCallback(new EventTarget() as unknown as Window, ORIGIN, () => true, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow(/cancelled/);
  });
});
