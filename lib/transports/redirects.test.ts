/**
 * Issue 19 item 6: redirects from an upstream are decided by the page, hop by hop through the relay.
 * The page's whole HTTP chain (followingRedirects → capture → relayedFetch) runs against the real
 * relay handler and a real upstream HTTP server on 127.0.0.1.
 */
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { FetchLike } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RELAY_REDIRECT_HEADER, RELAY_TARGET_HEADER, TOKEN_HEADER } from "../base";
import { relay } from "../server";
import { inProcessFetch } from "../testing";
import type { HttpEntry } from "../traffic";
import { TrafficLog } from "../traffic";
import { createHttpFetch } from "./factory";
import { MAX_REDIRECTS } from "./redirects";
import { relayedFetch } from "./relayFetch";

interface Hit {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}
let upstream: Server;
let origin = "";
let hits: Hit[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const path = req.url ?? "/";
      hits.push({ path, method: req.method ?? "", headers: req.headers, body });
      const m = /^\/r\/(\d{3})\/(.*)$/.exec(path);
      if (m) {
        const port = (upstream.address() as { port: number }).port;
        const to: Record<string, string> = {
          inspector: "/api/bridge/stdio",
          "inspector-absolute": `http://127.0.0.1:${port}/api/bridge/stdio`,
          metadata: "http://169.254.169.254/latest/meta-data/",
          "link-local-v6": "http://[fe80::1]/",
          "other-origin": `http://localhost:${port}/echo`,
          "same-origin": "/echo",
          file: "file:///etc/passwd",
        };
        res.writeHead(Number(m[1]), { location: to[m[2]!] ?? "/echo" }).end();
      } else if (path === "/loop") {
        res.writeHead(307, { location: "/loop" }).end();
      } else {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ reached: path, method: req.method, body }));
      }
    });
  });
  upstream.listen(0, "127.0.0.1");
  await once(upstream, "listening");
  origin = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
});
afterAll(() => upstream.close());
beforeEach(() => {
  hits = [];
});

const syncLog = () => new TrafficLog({ schedule: (f) => f() });
/** The page's fetch for HTTP transports, with the API served in-process (as the inspector's server would). */
const pageFetch = (log: TrafficLog): FetchLike =>
  createHttpFetch({ base: "", token: "page-token", fetch: inProcessFetch }, log);
const PING = '{"jsonrpc":"2.0","id":1,"method":"ping"}';
const post = (f: FetchLike, url: string, headers: Record<string, string> = {}) =>
  f(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer upstream-secret", ...headers },
    body: PING,
  });
const httpEntries = (log: TrafficLog) => log.entries.filter((e): e is HttpEntry => e.kind === "http");
const events = (log: TrafficLog) => log.entries.flatMap((e) => (e.kind === "event" ? [e.message] : []));

describe("upstream redirects (issue 19 item 6, docs/security.md §I6 and §S11)", () => {
  it.each([301, 302, 303, 307, 308])(
    "the relay reports a %i to an inspector path in its own 200 envelope, never as a real redirect",
    async (status) => {
      const res = await relay(
        new Request("http://127.0.0.1/api/relay", {
          method: "POST",
          headers: {
            [RELAY_TARGET_HEADER]: encodeURIComponent(
              JSON.stringify({ url: `${origin}/r/${status}/inspector`, method: "POST", headers: {} }),
            ),
          },
          body: PING,
        }),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get(RELAY_REDIRECT_HEADER)).toBe("1");
      expect(await res.json()).toEqual({ redirect: { status, location: `${origin}/api/bridge/stdio` } });
    },
  );

  it.each([
    [307, "POST", PING],
    [308, "POST", PING],
    [301, "GET", ""],
    [302, "GET", ""],
    [303, "GET", ""],
  ])(
    "the page follows a %i to /api/bridge/stdio only through the relay, to the upstream's own path, without the token (%s)",
    async (status, method, body) => {
      const log = syncLog();
      const res = await post(pageFetch(log), `${origin}/r/${status}/inspector`);
      expect(await res.json()).toEqual({ reached: "/api/bridge/stdio", method, body });
      expect(hits.map((h) => h.path)).toEqual([`/r/${status}/inspector`, "/api/bridge/stdio"]);
      for (const hit of hits) expect(hit.headers[TOKEN_HEADER]).toBeUndefined();
      expect(hits[1]!.headers.authorization).toBe("Bearer upstream-secret"); // same origin: kept
      if (method === "GET") expect(hits[1]!.headers["content-type"]).toBeUndefined();
      // The redirect is in the traffic log: its own exchange with status and Location, and an event.
      const responses = httpEntries(log).filter((e) => e.phase === "response");
      expect(responses.map((e) => e.status)).toEqual([status, 200]);
      expect(responses[0]!.headers.location).toBe("/api/bridge/stdio");
      expect(events(log)).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^HTTP ${status} redirect from ${origin}/r/${status}/inspector to ${origin}/api/bridge/stdio: following it through the relay, hop 1 of at most 5$`,
          ),
        ),
      );
    },
  );

  it("an absolute redirect to an inspector URL goes through the relay too, as a plain upstream request without the token", async () => {
    const res = await post(pageFetch(syncLog()), `${origin}/r/307/inspector-absolute`);
    expect(await res.json()).toMatchObject({ reached: "/api/bridge/stdio", method: "POST" });
    expect(hits.every((h) => h.headers[TOKEN_HEADER] === undefined)).toBe(true);
  });

  it.each(["metadata", "link-local-v6"])(
    "a redirect to a %s address is checked again by the relay and refused",
    async (target) => {
      const log = syncLog();
      await expect(post(pageFetch(log), `${origin}/r/302/${target}`)).rejects.toThrow(
        /^Refused to connect: .*(link-local|metadata)/,
      );
      expect(hits).toHaveLength(1);
      const last = httpEntries(log).at(-1)!;
      expect(last).toMatchObject({ phase: "failed", note: expect.stringMatching(/Refused to connect/) });
      expect(last.url).toMatch(/169\.254\.169\.254|fe80::1/);
    },
  );

  it(`a redirect loop stops after ${MAX_REDIRECTS} hops, each one in the log`, async () => {
    const log = syncLog();
    await expect(post(pageFetch(log), `${origin}/loop`)).rejects.toThrow(
      `stopped after ${MAX_REDIRECTS} redirects (the last, 307, to ${origin}/loop)`,
    );
    expect(hits).toHaveLength(MAX_REDIRECTS + 1);
    expect(httpEntries(log).filter((e) => e.phase === "response" && e.status === 307)).toHaveLength(MAX_REDIRECTS + 1);
    expect(events(log).filter((m) => m.startsWith("HTTP 307 redirect"))).toHaveLength(MAX_REDIRECTS);
    const codes = log.entries.flatMap((e) => (e.kind === "event" ? [`${e.source}/${e.code}`] : []));
    expect(codes).toEqual([
      ...Array<string>(MAX_REDIRECTS).fill("transport/redirect-followed"),
      "transport/redirect-refused",
    ]);
  });

  it("a redirect to another origin drops Authorization; one to the same origin keeps it", async () => {
    const log = syncLog();
    await post(pageFetch(log), `${origin}/r/307/other-origin`);
    expect(hits[1]).toMatchObject({ path: "/echo", method: "POST" });
    expect(hits[1]!.headers.host).toMatch(/^localhost:/);
    expect(hits[1]!.headers.authorization).toBeUndefined();
    expect(events(log)).toContainEqual(expect.stringMatching(/another origin: authorization not sent/));
    hits = [];
    await post(pageFetch(syncLog()), `${origin}/r/307/same-origin`);
    expect(hits[1]!.headers.authorization).toBe("Bearer upstream-secret");
  });

  it("a redirect to a non-http URL is not followed", async () => {
    await expect(post(pageFetch(syncLog()), `${origin}/r/302/file`)).rejects.toThrow(/not an http\(s\) URL/);
    expect(hits).toHaveLength(1);
  });

  it("the page asks its own fetch not to follow redirects, and refuses a real 3xx from the relay route", async () => {
    const inits: RequestInit[] = [];
    const fake: FetchLike = async (_url, init) => {
      inits.push(init!);
      return new Response(null, { status: 307, headers: { location: "/api/bridge/stdio" } });
    };
    await expect(
      relayedFetch({ url: "/api/relay", token: "t" }, fake)(`${origin}/mcp`, { method: "POST", body: PING }),
    ).rejects.toThrow(/relay route answered with a redirect/);
    expect(inits[0]!.redirect).toBe("manual");
  });
});
