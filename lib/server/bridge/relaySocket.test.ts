/**
 * The relay's WebSocket channel: the gate at the upgrade, the same answers as `POST /api/relay`
 * (status, headers as data, redirect report, refusals), streaming, withdrawing, and a broken
 * socket that harms no other. The page's side is `relaySocketFetch` under `relayedFetch`, with `ws`
 * as the browser's WebSocket; the upstream is a small HTTP server on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { RELAY_SOCKET_PATH, RELAY_SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX, decodeUpstreamHeaders } from "../../base";
import { inProcessFetch, startSocketBridge, waitFor, type SocketBridge } from "../../testing";
import { RelayError, relayedFetch, relaySocketFetch, type SocketFactory } from "../../transports";
import { registry } from "./registry";

let bridge: SocketBridge;
let upstream: Server;
let upstreamUrl: string;
/** Upstream requests whose connection closed before their answer ended, by path. */
let abandoned: string[];
let releaseStream: (() => void) | undefined;

function handle(req: IncomingMessage, res: ServerResponse): void {
  res.once("close", () => {
    if (!res.writableFinished) abandoned.push(req.url ?? "");
  });
  if (req.url === "/mcp") {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.writeHead(200, {
        "content-type": "application/json",
        "mcp-session-id": "s-1",
        "set-cookie": "evil=1",
        "x-seen-auth": String(req.headers.authorization ?? ""),
      });
      res.end(Buffer.concat(chunks));
    });
  } else if (req.url === "/sse") {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write('event: message\ndata: {"n":1}\n\n');
    releaseStream = () => res.end('event: message\ndata: {"n":2}\n\n');
  } else if (req.url === "/redirect") {
    res.writeHead(307, { location: "/mcp" }).end();
  } else if (req.url === "/accepted") {
    res.writeHead(202).end();
  } else if (req.url === "/hang") {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(": open\n\n");
  } else res.writeHead(404).end();
}

beforeEach(async () => {
  abandoned = [];
  bridge = await startSocketBridge();
  upstream = createServer(handle);
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const address = upstream.address();
  upstreamUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterEach(async () => {
  releaseStream = undefined;
  await bridge.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

/** The page's WebSocket: `ws` with this inspector's Origin, keeping the sockets it opens. */
function pageSockets() {
  const opened: WebSocket[] = [];
  const origin = bridge.origin;
  const Socket = class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin });
      opened.push(this);
    }
  } as unknown as SocketFactory;
  return { Socket, opened };
}

/** A fetch as the page builds it: relayedFetch over the socket, the in-process HTTP route as the fallback. */
function pageFetch(url = bridge.relayUrl) {
  const { Socket, opened } = pageSockets();
  const fallbackCalls: string[] = [];
  const fallback = (input: string | URL, init?: RequestInit) => {
    fallbackCalls.push(String(input));
    return inProcessFetch(input, init);
  };
  const overSocket = relaySocketFetch({ url, WebSocket: Socket }, bridge.token, fallback);
  return {
    fetch: relayedFetch({ url: "/api/relay", token: bridge.token }, overSocket),
    overHttp: relayedFetch({ url: "/api/relay", token: bridge.token }, inProcessFetch),
    opened,
    fallbackCalls,
  };
}

const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body,
});

describe("relay WebSocket channel: the gate at the upgrade", () => {
  function outcome(ws: WebSocket): Promise<{ open: boolean; status?: number; protocol?: string }> {
    return new Promise((resolve) => {
      ws.once("open", () => (resolve({ open: true, protocol: ws.protocol }), ws.close()));
      ws.once("unexpected-response", (_req, res) => resolve({ open: false, status: res.statusCode }));
      ws.once("error", () => {});
    });
  }
  const channel = (
    o: { token?: string | null; origin?: string; headers?: Record<string, string>; protocol?: string } = {},
  ) => {
    const token = o.token === undefined ? bridge.token : o.token;
    const protocols = [o.protocol ?? RELAY_SOCKET_PROTOCOL, ...(token === null ? [] : [SOCKET_TOKEN_PREFIX + token])];
    return new WebSocket(bridge.relayUrl, protocols, { origin: o.origin ?? bridge.origin, headers: o.headers });
  };

  it("opens for the page and echoes only its subprotocol; Host, Origin, fetch metadata and the token are checked first", async () => {
    expect(await outcome(channel())).toEqual({ open: true, protocol: RELAY_SOCKET_PROTOCOL });
    expect(await outcome(channel({ headers: { host: `evil.example:${bridge.port}` } }))).toMatchObject({ status: 403 });
    for (const origin of ["http://evil.example", "null", `http://localhost:${bridge.port + 1}`])
      expect(await outcome(channel({ origin })), origin).toMatchObject({ open: false, status: 403 });
    expect(await outcome(channel({ headers: { "sec-fetch-site": "same-site" } }))).toMatchObject({ status: 403 });
    expect(await outcome(channel({ token: null }))).toMatchObject({ status: 401 });
    expect(await outcome(channel({ token: "0".repeat(bridge.token.length) }))).toMatchObject({ status: 401 });
    expect(await outcome(channel({ token: null, headers: { "x-mcp-lens-token": bridge.token } }))).toMatchObject({
      status: 401,
    });
    expect(await outcome(channel({ protocol: "mcp-lens.v1" }))).toMatchObject({ status: 400 });
  });
});

describe("relay WebSocket channel: the relay's answers", () => {
  it("a POST comes back as over the HTTP route: status, body, real headers only from the allowlist, all of them as data", async () => {
    const page = pageFetch();
    const viaSocket = await page.fetch(
      `${upstreamUrl}/mcp`,
      post('{"jsonrpc":"2.0","id":1,"method":"ping"}', { authorization: "Bearer t" }),
    );
    const viaHttp = await page.overHttp(
      `${upstreamUrl}/mcp`,
      post('{"jsonrpc":"2.0","id":1,"method":"ping"}', { authorization: "Bearer t" }),
    );
    expect(page.opened).toHaveLength(1);
    expect(page.fallbackCalls).toEqual([]);
    for (const r of [viaSocket, viaHttp]) {
      expect(r.status).toBe(200);
      expect(r.headers.get("mcp-session-id")).toBe("s-1");
      expect(r.headers.get("x-seen-auth")).toBe("Bearer t");
      expect(await r.text()).toBe('{"jsonrpc":"2.0","id":1,"method":"ping"}');
    }
    const pairs = decodeUpstreamHeaders(viaSocket.headers.get("x-mcp-lens-upstream-headers"));
    expect(pairs).toContainEqual(["set-cookie", "evil=1"]);
  });

  it("an SSE answer streams event by event, and a 202 has no body", async () => {
    const { fetch } = pageFetch();
    const response = await fetch(`${upstreamUrl}/sse`, { method: "GET" });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('{"n":1}'); // before the upstream ended its answer
    releaseStream!();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain('{"n":2}');
    const accepted = await fetch(`${upstreamUrl}/accepted`, post("{}"));
    expect(accepted.status).toBe(202);
    expect(await accepted.text()).toBe("");
  });

  it("a redirect is reported, not followed; a blocked address and a refused connection fail as the route's do", async () => {
    const { fetch } = pageFetch();
    const redirect = await fetch(`${upstreamUrl}/redirect`, post("{}"));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe(`${upstreamUrl}/mcp`);
    await expect(fetch("http://169.254.169.254/latest/meta-data/", { method: "GET" })).rejects.toThrow(
      /Link-local and cloud-metadata addresses are never relayed/,
    );
    await expect(fetch("http://127.0.0.1:1/mcp", post("{}"))).rejects.toBeInstanceOf(RelayError);
    await expect(fetch("file:///etc/passwd", { method: "GET" })).rejects.toThrow(/only http: and https: URLs/);
    await expect(fetch(`${upstreamUrl}/mcp`, { method: "PUT", body: "{}" })).rejects.toThrow(/invalid relay target/);
  });

  it("withdrawing a request (abort) ends the upstream request; closing the socket ends every one it carried", async () => {
    const page = pageFetch();
    const controller = new AbortController();
    const response = await page.fetch(`${upstreamUrl}/hang`, { method: "GET", signal: controller.signal });
    expect(response.status).toBe(200);
    controller.abort();
    expect(await waitFor(() => abandoned.includes("/hang"), 5000)).toBe(true);
    abandoned = [];
    const hanging = await Promise.all([1, 2, 3].map(() => page.fetch(`${upstreamUrl}/hang`, { method: "GET" })));
    const readers = hanging.map((r) => r.body!.getReader());
    page.opened[0]!.close();
    for (const reader of readers)
      await expect(reader.read().then(() => reader.read())).rejects.toThrow(/socket closed/);
    expect(await waitFor(() => abandoned.length === 3, 5000)).toBe(true);
    expect(await waitFor(() => registry().relayInFlight === 0, 5000)).toBe(true);
    // The next request opens a new socket.
    expect((await page.fetch(`${upstreamUrl}/mcp`, post("{}"))).status).toBe(200);
    expect(page.opened).toHaveLength(2);
  });

  it("§S9: a broken message or one over the limit closes that socket alone; another page's requests go on", async () => {
    const witness = pageFetch();
    expect((await witness.fetch(`${upstreamUrl}/mcp`, post("{}"))).status).toBe(200);
    const codes: number[] = [];
    for (const bad of [Buffer.from([0, 0, 0, 1]), Buffer.from("not json"), Buffer.alloc(6 * 1024 * 1024)]) {
      const ws = new WebSocket(bridge.relayUrl, [RELAY_SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + bridge.token], {
        origin: bridge.origin,
      });
      await new Promise((resolve) => ws.once("open", resolve));
      ws.send(bad, { binary: typeof bad !== "string" && bad.length !== 8 });
      codes.push(await new Promise<number>((resolve) => ws.once("close", resolve)));
    }
    expect(codes).toEqual([1003, 1008, 1009]);
    expect((await witness.fetch(`${upstreamUrl}/mcp`, post('{"still":true}'))).status).toBe(200);
    expect(witness.opened).toHaveLength(1);
  });

  it("a body over the relay's limit is not put on the socket: the HTTP route answers it (413)", async () => {
    const page = pageFetch();
    const response = await page.fetch(`${upstreamUrl}/mcp`, post("x".repeat(5 * 1024 * 1024))).catch((e: unknown) => e);
    expect(page.fallbackCalls).toHaveLength(1);
    expect(response).toBeInstanceOf(RelayError);
    expect((response as RelayError).status).toBe(413);
  });

  it("where the socket cannot open, the HTTP route carries the request", async () => {
    const page = pageFetch(bridge.relayUrl.replace(RELAY_SOCKET_PATH, "/api/relay/nope"));
    expect((await page.fetch(`${upstreamUrl}/mcp`, post("{}"))).status).toBe(200);
    expect(page.fallbackCalls).toEqual(["/api/relay"]);
  });
});
