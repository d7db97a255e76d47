/** authorizeInPopup against the fixture: the "popup" is a fetch that presses Approve and posts the callback's message. */
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from "@modelcontextprotocol/client";
import { afterEach, describe, expect, it } from "vitest";
import { startAuthFixture, type AuthFixture } from "../../servers/fixtures/auth/fixture.js";
import { callbackUrl, OAUTH_MESSAGE_TYPE, readCallback } from "./callback";
import { authorizeInPopup, AuthorizationDeniedError } from "./popupFlow";
import { MemoryOAuthProvider } from "./provider";

const ORIGIN = "http://127.0.0.1:6421";

async function press(url: URL, decision: "approve" | "deny"): Promise<string> {
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

/** A stand-in popup: the person presses a button, the callback page posts to its opener. */
function popup(target: EventTarget, decision: "approve" | "deny", origin = ORIGIN) {
  return (url: URL): void => {
    void press(url, decision).then((search) =>
      target.dispatchEvent(new MessageEvent("message", { origin, data: readCallback(search) })),
    );
  };
}

let fixture: AuthFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function firstAttempt(f: AuthFixture, provider: MemoryOAuthProvider, urls: URL[]): Promise<void> {
  const client = new Client({ name: "t", version: "1" });
  await expect(
    client.connect(new StreamableHTTPClientTransport(new URL(f.url), { authProvider: provider, fetch })),
  ).rejects.toBeInstanceOf(UnauthorizedError);
  expect(urls).toHaveLength(1);
}

describe("authorizeInPopup", () => {
  it("401 → popup → Approve → code redeemed → the connection proceeds", async () => {
    const f = (fixture = await startAuthFixture());
    const urls: URL[] = [];
    const provider = new MemoryOAuthProvider({
      redirectUrl: callbackUrl(ORIGIN),
      onAuthorizationUrl: (u) => void urls.push(u),
    });
    await firstAttempt(f, provider, urls);
    const target = new EventTarget();
    await authorizeInPopup({
      provider,
      serverUrl: f.url,
      fetchFn: fetch,
      authorizationUrl: urls[0]!,
      open: popup(target, "approve"),
      target: target as unknown as Window,
      origin: ORIGIN,
    });
    const client = new Client({ name: "t", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(new URL(f.url), { authProvider: provider, fetch }));
    expect((await client.callTool({ name: "whoami", arguments: {} })).structuredContent).toMatchObject({
      scopes: ["mcp"],
    });
    await client.close();
  });

  it("Deny ends with the server's error; a message from another origin is ignored", async () => {
    const f = (fixture = await startAuthFixture());
    const urls: URL[] = [];
    const provider = new MemoryOAuthProvider({
      redirectUrl: callbackUrl(ORIGIN),
      onAuthorizationUrl: (u) => void urls.push(u),
    });
    await firstAttempt(f, provider, urls);
    const target = new EventTarget();
    const base = {
      provider,
      serverUrl: f.url,
      fetchFn: fetch,
      authorizationUrl: urls[0]!,
      target: target as unknown as Window,
      origin: ORIGIN,
    };
    await expect(authorizeInPopup({ ...base, open: popup(target, "deny") })).rejects.toBeInstanceOf(
      AuthorizationDeniedError,
    );

    const controller = new AbortController();
    const foreign = authorizeInPopup({
      ...base,
      open: popup(target, "approve", "http://evil.example"),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    await expect(foreign).rejects.toThrow(/cancelled/);
    expect(provider.hasTokens()).toBe(false);
  });

  it("refuses a javascript: authorization URL without opening anything", async () => {
    const provider = new MemoryOAuthProvider({ redirectUrl: callbackUrl(ORIGIN) });
    const opened: URL[] = [];
    await expect(
      authorizeInPopup({
        provider,
        serverUrl: "http://127.0.0.1:1/mcp",
        fetchFn: fetch,
        authorizationUrl: new URL("javascript:alert(1)"),
        open: (u) => opened.push(u),
        target: new EventTarget() as unknown as Window,
        origin: ORIGIN,
      }),
    ).rejects.toThrow(/javascript:/);
    expect(opened).toEqual([]);
    expect(OAUTH_MESSAGE_TYPE).toBe("mcp-lens/oauth-callback");
  });
});
