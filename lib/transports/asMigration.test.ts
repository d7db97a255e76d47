/**
 * SEP-2352 through createTransport with an OAuth provider: when the MCP server starts naming another
 * authorization server (its protected resource metadata changes) and rejects the token held from
 * the first, the next 401 reads the metadata afresh, registers with the new authorization server
 * and authorizes there; the old one's client id goes nowhere near the new one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  Client,
  UnauthorizedError,
  type FetchLike,
  type StreamableHTTPClientTransport,
} from "@modelcontextprotocol/client";
import { afterEach, describe, expect, it } from "vitest";
import { callbackUrl, MemoryOAuthProvider, readCallback } from "../auth";
import type { ConnectionConfig } from "../base";
import { TrafficLog } from "../traffic";
import { createTransport } from "./factory";

type Handler = (
  req: IncomingMessage,
  body: string,
  origin: string,
) => { status: number; headers?: Record<string, string>; json?: unknown };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: Handler): Promise<string> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const answer = handler(req, body, origin);
      res.writeHead(answer.status, {
        ...(answer.json !== undefined && { "content-type": "application/json" }),
        ...answer.headers,
      });
      res.end(answer.json === undefined ? undefined : JSON.stringify(answer.json));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return origin;
}

/** An authorization server that registers anyone, approves at once, and names its tokens after itself. */
async function authorizationServer(
  name: string,
  seen: { path: string; clientId?: string }[],
  authorizations: string[] = [],
): Promise<string> {
  return listen((req, body, origin) => {
    const url = new URL(req.url!, origin);
    if (req.headers.authorization) authorizations.push(req.headers.authorization);
    const form = new URLSearchParams(body);
    if (url.pathname === "/.well-known/oauth-authorization-server")
      return {
        status: 200,
        json: {
          issuer: origin,
          authorization_endpoint: `${origin}/authorize`,
          token_endpoint: `${origin}/token`,
          registration_endpoint: `${origin}/register`,
          response_types_supported: ["code"],
          code_challenge_methods_supported: ["S256"],
          token_endpoint_auth_methods_supported: ["none"],
        },
      };
    if (url.pathname === "/register") {
      seen.push({ path: url.pathname });
      return { status: 201, json: { ...JSON.parse(body), client_id: `${name}-client` } };
    }
    if (url.pathname === "/authorize") {
      seen.push({ path: url.pathname, clientId: url.searchParams.get("client_id") ?? undefined });
      const back = new URL(url.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", `${name}-code`);
      back.searchParams.set("state", url.searchParams.get("state")!);
      return { status: 302, headers: { location: back.href } };
    }
    if (url.pathname === "/token") {
      seen.push({ path: url.pathname, clientId: form.get("client_id") ?? undefined });
      return { status: 200, json: { access_token: `${name}-token`, token_type: "Bearer", expires_in: 3600 } };
    }
    return { status: 404 };
  });
}

/** The MCP server: tools/list for a token of the authorization server its metadata names now. */
async function resourceServer(
  current: () => { origin: string; name: string },
  requests: string[] = [],
): Promise<string> {
  return listen((req, body, origin) => {
    const url = new URL(req.url!, origin);
    requests.push(`${req.method} ${url.pathname}`);
    const metadata = `${origin}/.well-known/oauth-protected-resource/mcp`;
    if (url.pathname === "/.well-known/oauth-protected-resource/mcp")
      return { status: 200, json: { resource: `${origin}/mcp`, authorization_servers: [current().origin] } };
    if (url.pathname !== "/mcp") return { status: 404 };
    if (req.headers.authorization !== `Bearer ${current().name}-token`)
      return {
        status: 401,
        headers: { "www-authenticate": `Bearer resource_metadata="${metadata}"` },
        json: { error: "invalid_token" },
      };
    if (req.method !== "POST") return { status: 405 };
    const message = JSON.parse(body) as { id?: number; method: string; params?: { protocolVersion?: string } };
    if (message.id === undefined) return { status: 202 };
    const result =
      message.method === "initialize"
        ? {
            protocolVersion: message.params?.protocolVersion,
            capabilities: { tools: {} },
            serverInfo: { name: "rs", version: "1" },
          }
        : message.method === "tools/list"
          ? { tools: [] }
          : {};
    return { status: 200, json: { jsonrpc: "2.0", id: message.id, result } };
  });
}

describe("createTransport with an authProvider, the authorization server changed (SEP-2352)", () => {
  it("a rejected token: the protected resource metadata is read again; the new server gets its own registration", async () => {
    const seen1: { path: string; clientId?: string }[] = [];
    const seen2: { path: string; clientId?: string }[] = [];
    const as1 = await authorizationServer("as1", seen1);
    const toAs2: string[] = [];
    const as2 = await authorizationServer("as2", seen2, toAs2);
    let current = { origin: as1, name: "as1" };
    const rs = await resourceServer(() => current);

    const opened: URL[] = [];
    const provider = new MemoryOAuthProvider({
      redirectUrl: callbackUrl("http://127.0.0.1:6421"),
      onAuthorizationUrl: (u) => void opened.push(u),
    });
    const endpoints = { base: "", token: "t", fetch: fetch as FetchLike, direct: true };
    const config = { transport: "streamable-http", url: `${rs}/mcp`, headers: [] } as unknown as ConnectionConfig;
    const log = new TrafficLog({ schedule: (flush) => flush() });
    const transport = () =>
      createTransport(endpoints, config, log, { authProvider: provider }) as StreamableHTTPClientTransport;
    const approve = async (url: URL): Promise<void> => {
      const answer = await fetch(url, { redirect: "manual" });
      const back = readCallback(new URL(answer.headers.get("location")!).search);
      expect(provider.takeState(back.state)).toBe(true);
      await transport().finishAuth(back.code!);
    };

    await expect(new Client({ name: "t", version: "1" }).connect(transport())).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(opened.map((u) => u.origin)).toEqual([as1]);
    await approve(opened[0]!);
    const client = new Client({ name: "t", version: "1" });
    await client.connect(transport());
    expect((await client.listTools()).tools).toEqual([]);

    // The resource moves to as2: as1's token is refused from now on.
    current = { origin: as2, name: "as2" };
    await expect(client.listTools()).rejects.toThrow();
    expect(opened.map((u) => u.origin)).toEqual([as1, as2]);
    expect(seen2).toEqual([{ path: "/register" }]);
    expect(opened[1]!.searchParams.get("client_id")).toBe("as2-client");
    await approve(opened[1]!);
    expect(seen2).toEqual([
      { path: "/register" },
      { path: "/authorize", clientId: "as2-client" },
      { path: "/token", clientId: "as2-client" },
    ]);
    expect((await client.listTools()).tools).toEqual([]);
    expect(seen1.map((s) => s.path)).toEqual(["/register", "/authorize", "/token"]);
    // The new authorization server never saw the old one's token (nor any Authorization header).
    expect(toAs2).toEqual([]);
    await client.close();
  });

  it("a hostile server that refuses every token: each call fails after one new authorization URL, no loop", async () => {
    const seen: { path: string; clientId?: string }[] = [];
    const as = await authorizationServer("as", seen);
    const requests: string[] = [];
    // Its metadata names the authorization server, but no token it issues is ever accepted.
    const rs = await resourceServer(() => ({ origin: as, name: "never" }), requests);
    const opened: URL[] = [];
    const provider = new MemoryOAuthProvider({
      redirectUrl: callbackUrl("http://127.0.0.1:6421"),
      onAuthorizationUrl: (u) => void opened.push(u),
    });
    const endpoints = { base: "", token: "t", fetch: fetch as FetchLike, direct: true };
    const config = { transport: "streamable-http", url: `${rs}/mcp`, headers: [] } as unknown as ConnectionConfig;
    const log = new TrafficLog({ schedule: (flush) => flush() });
    const transport = () =>
      createTransport(endpoints, config, log, { authProvider: provider }) as StreamableHTTPClientTransport;
    await expect(new Client({ name: "t", version: "1" }).connect(transport())).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    const answer = await fetch(opened[0]!, { redirect: "manual" });
    const back = readCallback(new URL(answer.headers.get("location")!).search);
    expect(provider.takeState(back.state)).toBe(true);
    await transport().finishAuth(back.code!);
    // The token is refused: the connect fails again, with one more authorization URL and a bounded
    // number of requests (the rejected token drops the discovery once; the SDK does not retry forever).
    const before = requests.length;
    await expect(new Client({ name: "t", version: "1" }).connect(transport())).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(opened).toHaveLength(2);
    expect(requests.length - before).toBeLessThanOrEqual(4);
    expect(requests.slice(before).filter((r) => r === "POST /mcp")).toHaveLength(1);
    // Nothing was authorized behind the person's back: one authorization per URL they were shown.
    expect(seen.filter((s) => s.path === "/authorize")).toHaveLength(1);
  });
});
