import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hostHeaderFetch } from "./hostFetch";

/** Node's own fetch sets Host from the URL; hostHeaderFetch must send the one it is given. */
let server: Server;
let url = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(201, { "content-type": "application/json", "mcp-session-id": "abc" });
    res.end(JSON.stringify({ host: req.headers.host, method: req.method }));
  }).listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

it("sends a foreign Host header, with status, headers and body back", async () => {
  const res = await hostHeaderFetch(url, { method: "POST", headers: { host: "evil.example.com" }, body: "{}" });
  expect(res.status).toBe(201);
  expect(res.headers.get("mcp-session-id")).toBe("abc");
  expect(await res.json()).toEqual({ host: "evil.example.com", method: "POST" });
  // Without a Host header it is the ordinary fetch: Host from the URL.
  const plain = await hostHeaderFetch(url, { method: "POST", body: "{}" });
  expect(((await plain.json()) as { host: string }).host).toBe(new URL(url).host);
});
