/** createTransport with an OAuth provider: 401 → flow → tools, refresh and step-up, every exchange in the log. */
import {
  Client,
  UnauthorizedError,
  type FetchLike,
  type StreamableHTTPClientTransport,
} from "@modelcontextprotocol/client";
import { afterEach, describe, expect, it } from "vitest";
import { startAuthFixture, type AuthFixture } from "../../servers/fixtures/auth/fixture.js";
import { callbackUrl, MemoryOAuthProvider, readCallback } from "../auth";
import type { ConnectionConfig } from "../base";
import { TrafficLog } from "../traffic";
import { createTransport } from "./factory";

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

describe("createTransport with an authProvider", () => {
  it("a 401 starts the flow; after Approve the connection proceeds; refresh and step-up through the SDK", async () => {
    const f = (fixture = await startAuthFixture());
    const opened: URL[] = [];
    const provider = new MemoryOAuthProvider({
      redirectUrl: callbackUrl("http://127.0.0.1:6421"),
      onAuthorizationUrl: (u) => void opened.push(u),
    });
    const endpoints = { base: "", token: "t", fetch: fetch as FetchLike, direct: true };
    const config = { transport: "streamable-http", url: f.url, headers: [] } as unknown as ConnectionConfig;
    const log = new TrafficLog({ schedule: (flush) => flush() });
    const connect = async (): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> => {
      const transport = createTransport(endpoints, config, log, {
        authProvider: provider,
      }) as StreamableHTTPClientTransport;
      const client = new Client({ name: "t", version: "1" });
      await client.connect(transport);
      return { client, transport };
    };

    await expect(connect()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(opened).toHaveLength(1);
    const first = readCallback(await approve(opened[0]!));
    expect(provider.takeState(first.state)).toBe(true);
    const pending = createTransport(endpoints, config, log, {
      authProvider: provider,
    }) as StreamableHTTPClientTransport;
    await pending.finishAuth(first.code!, first.iss ?? undefined);

    const { client } = await connect();
    expect((await client.callTool({ name: "whoami", arguments: {} })).structuredContent).toMatchObject({
      scopes: ["mcp"],
    });

    f.expireAccessTokens();
    expect((await client.callTool({ name: "whoami", arguments: {} })).structuredContent).toMatchObject({
      scopes: ["mcp"],
    });

    await expect(client.callTool({ name: "admin_action", arguments: {} })).rejects.toThrow();
    expect(opened).toHaveLength(2);
    expect(opened[1]!.searchParams.get("scope")).toBe("mcp admin");
    const second = readCallback(await approve(opened[1]!));
    expect(provider.takeState(second.state)).toBe(true);
    await pending.finishAuth(second.code!, second.iss ?? undefined);
    await client.close();
    const { client: admin } = await connect();
    expect((await admin.callTool({ name: "admin_action", arguments: {} })).content).toEqual([
      { type: "text", text: "admin action done" },
    ]);
    await admin.close();

    const paths = log.entries.flatMap((e) =>
      e.kind === "http" && e.phase === "request" ? [new URL(e.url).pathname] : [],
    );
    expect(paths.filter((p) => p === "/token").length).toBeGreaterThanOrEqual(3);
    expect(paths).toEqual(expect.arrayContaining(["/.well-known/oauth-protected-resource/mcp", "/register"]));
  });
});
