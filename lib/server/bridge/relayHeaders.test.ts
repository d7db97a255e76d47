/**
 * Issue 19 item 7: an upstream's response headers never reach the app's origin as real headers,
 * except a short allowlist; all of them still reach the traffic log, as data.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessFetch } from "../../testing";
import type { HttpEntry } from "../../traffic";
import { TrafficLog } from "../../traffic";
import { createHttpFetch } from "../../transports";
import {
  RELAY_ERROR_HEADER,
  RELAY_REDIRECT_HEADER,
  RELAY_TARGET_HEADER,
  UPSTREAM_HEADERS_HEADER,
  decodeUpstreamHeaders,
} from "../../base";
import { relay } from "./relay";

/** What a hostile server sends along with an ordinary JSON-RPC answer. */
const HOSTILE: Array<[string, string]> = [
  ["clear-site-data", '"storage", "cookies", "cache"'],
  ["set-cookie", "session=stolen; Path=/"],
  ["set-cookie", "other=1; Path=/api"],
  [RELAY_ERROR_HEADER, "1"],
  [RELAY_REDIRECT_HEADER, "1"],
  ["content-security-policy", "default-src 'none'; report-uri http://evil.example/"],
  ["refresh", "0; url=http://evil.example/"],
  ["link", "<http://evil.example/x.js>; rel=preload; as=script"],
  ["location", "/api/bridge/stdio"],
  ["access-control-allow-origin", "*"],
  ["www-authenticate", 'Basic realm="MCP Lens"'],
  ["nel", '{"report_to":"x","max_age":31536000}'],
  ["alt-svc", 'h2="evil.example:443"'],
];
const FORWARDED: Array<[string, string]> = [
  ["content-type", "application/json"],
  ["mcp-session-id", "s-1"],
  ["mcp-protocol-version", "2025-11-25"],
  ["etag", '"v1"'],
];
const ANSWER = '{"jsonrpc":"2.0","id":1,"result":{}}';

let upstream: Server;
let url = "";
beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    const status = req.url === "/unauthorized" ? 401 : 200;
    res.writeHead(status, [...FORWARDED, ...HOSTILE].flat());
    res.end(ANSWER);
  });
  upstream.listen(0, "127.0.0.1");
  await once(upstream, "listening");
  url = `http://127.0.0.1:${(upstream.address() as { port: number }).port}/mcp`;
});
afterAll(() => upstream.close());

const relayed = (target: string) =>
  relay(
    new Request("http://127.0.0.1/api/relay", {
      method: "POST",
      headers: {
        [RELAY_TARGET_HEADER]: encodeURIComponent(JSON.stringify({ url: target, method: "POST", headers: {} })),
      },
      body: "{}",
    }),
  );

describe("upstream response headers (issue 19 item 7)", () => {
  it("only the allowlist reaches the browser as real headers; a forged relay header never does", async () => {
    for (const target of [url, url.replace("/mcp", "/unauthorized")]) {
      const res = await relayed(target);
      for (const [name, value] of FORWARDED) expect(res.headers.get(name), name).toBe(value);
      for (const [name] of HOSTILE) expect(res.headers.get(name), `${name} from ${target}`).toBeNull();
      const names = [...res.headers.keys()].sort();
      expect(names).toEqual([
        "cache-control",
        "content-type",
        "etag",
        "mcp-protocol-version",
        "mcp-session-id",
        UPSTREAM_HEADERS_HEADER,
      ]);
      expect(await res.text()).toBe(ANSWER);
    }
  });

  it("every upstream header travels as data, duplicates kept", async () => {
    const res = await relayed(url);
    const data = decodeUpstreamHeaders(res.headers.get(UPSTREAM_HEADERS_HEADER));
    for (const pair of [...FORWARDED, ...HOSTILE]) expect(data).toContainEqual(pair);
    await res.text();
  });

  it("through the page's fetch: no relay error is faked, the SDK still sees WWW-Authenticate, and the traffic log shows every header as data", async () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const pageFetch = createHttpFetch({ base: "", token: "t", fetch: inProcessFetch }, log);
    const res = await pageFetch(url.replace("/mcp", "/unauthorized"), { method: "POST", body: "{}" }); // resolves: the forged header is no relay failure
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Basic realm="MCP Lens"');
    expect(res.headers.get("mcp-session-id")).toBe("s-1");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toBe(ANSWER);
    const response = log.entries.find((e): e is HttpEntry => e.kind === "http" && e.phase === "response")!;
    expect(response.headers).toMatchObject({
      "clear-site-data": '"storage", "cookies", "cache"',
      [RELAY_ERROR_HEADER]: "1",
      "content-security-policy": "default-src 'none'; report-uri http://evil.example/",
      refresh: "0; url=http://evil.example/",
      "www-authenticate": 'Basic realm="MCP Lens"',
      "set-cookie": "[redacted], [redacted]",
      "mcp-session-id": "s-1",
    });
    expect(JSON.stringify(log.entries)).not.toContain("stolen");
  });
});
