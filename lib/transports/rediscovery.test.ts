/**
 * rediscoveringOnRejectedToken, attacked: only a 401 to a request that carried a Bearer token drops
 * the cached discovery. A 401 to an unauthenticated request, a 403, a Basic header the person set, a
 * 3xx and a 200 leave it; the server's answer is passed on untouched; nothing else is dropped.
 */
import type { FetchLike, OAuthClientProvider } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import { rediscoveringOnRejectedToken } from "./factory";

function setup(status: number, headers: Record<string, string> = {}) {
  const dropped: string[] = [];
  const provider = {
    invalidateCredentials: async (scope: string) => void dropped.push(scope),
  } as unknown as OAuthClientProvider;
  const upstream: FetchLike = async () => new Response("answer", { status, headers });
  return { dropped, fetch: rediscoveringOnRejectedToken(upstream, provider) };
}

const url = "http://127.0.0.1:1/mcp";

describe("rediscoveringOnRejectedToken", () => {
  it("a 401 to a request with a Bearer token drops the discovery only, and passes the answer on", async () => {
    const { dropped, fetch } = setup(401, { "www-authenticate": 'Bearer error="invalid_token"' });
    const answer = await fetch(url, { method: "POST", headers: { Authorization: "Bearer old" } });
    expect(dropped).toEqual(["discovery"]);
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(await answer.text()).toBe("answer");
  });

  it("the header is found in a Headers object and in any case", async () => {
    const { dropped, fetch } = setup(401);
    await fetch(url, { headers: new Headers({ authorization: "bearer old" }) });
    await fetch(url, { headers: [["AUTHORIZATION", "BEARER old"]] });
    expect(dropped).toEqual(["discovery", "discovery"]);
  });

  it.each([
    ["a 401 to a request without a token (the first, unauthenticated one)", 401, undefined],
    ["a 401 to a request with a Basic header the person set", 401, "Basic dXNlcjpwYXNz"],
    ["a header that only contains the word Bearer", 401, "NotBearer x"],
    ["a 403 (insufficient scope: step-up, not a move)", 403, "Bearer old"],
    ["a 302 redirect", 302, "Bearer old"],
    ["a 200", 200, "Bearer old"],
  ])("%s keeps the discovery", async (_, status, authorization) => {
    const { dropped, fetch } = setup(status);
    await fetch(url, { headers: authorization ? { Authorization: authorization } : {} });
    expect(dropped).toEqual([]);
  });

  it("a provider without invalidateCredentials is fine", async () => {
    const upstream: FetchLike = async () => new Response(null, { status: 401 });
    const fetch = rediscoveringOnRejectedToken(upstream, {} as OAuthClientProvider);
    expect((await fetch(url, { headers: { Authorization: "Bearer x" } })).status).toBe(401);
  });
});
