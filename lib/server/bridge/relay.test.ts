import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RELAY_ERROR_HEADER, RELAY_REDIRECT_HEADER, RELAY_TARGET_HEADER } from "../../base";
import { relay, relayWith, type Lookup } from "./relay";

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/redirect") {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    } else if (req.url === "/sse") {
      res.writeHead(200, { "content-type": "text/event-stream", "mcp-session-id": "s1", "set-cookie": "a=b" });
      res.write('data: {"jsonrpc":"2.0","method":"ping"}\n\n');
      res.end();
    } else {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null, host: req.headers.host }),
        );
      });
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

const call = (url: string, method = "POST", body?: string, headers: Record<string, string> = {}) =>
  relay(
    new Request("http://127.0.0.1/api/relay", {
      method: "POST",
      headers: { [RELAY_TARGET_HEADER]: encodeURIComponent(JSON.stringify({ url, method, headers })) },
      body,
    }),
  );

describe("the HTTP relay", () => {
  it("forwards method, body and the user's headers, and returns the answer unchanged", async () => {
    const res = await call(`${base}/mcp`, "POST", '{"x":1}', { authorization: "Bearer t" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ method: "POST", body: '{"x":1}', auth: "Bearer t" });
  });

  it("streams SSE with the MCP headers, and drops Set-Cookie", async () => {
    const res = await call(`${base}/sse`, "GET");
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("mcp-session-id")).toBe("s1");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain('"method":"ping"');
  });

  it("reports a redirect in its own envelope instead of following it (docs/security.md §S11): the next hop is checked again", async () => {
    const res = await call(`${base}/redirect`, "GET");
    expect(res.status).toBe(200); // never a 3xx the browser would follow by itself
    expect(res.headers.get(RELAY_REDIRECT_HEADER)).toBe("1");
    expect(res.headers.get("location")).toBeNull();
    const { redirect } = (await res.json()) as { redirect: { status: number; location: string } };
    expect(redirect).toEqual({ status: 302, location: "http://169.254.169.254/latest/meta-data/" });
    const next = await call(redirect.location, "GET");
    expect(next.status).toBe(502);
    expect(next.headers.get(RELAY_ERROR_HEADER)).toBe("1");
    expect(await next.text()).toMatch(/metadata/);
  });

  it("refuses link-local and metadata addresses in every spelling (docs/security.md §S12)", async () => {
    for (const url of [
      "http://169.254.169.254/",
      "http://[::ffff:169.254.169.254]/",
      "http://[fe80::1]/",
      "http://[fd00:ec2::254]/",
    ]) {
      const res = await call(url, "GET");
      expect(res.status, url).toBe(502);
      expect(await res.text(), url).toMatch(/Refused to connect/);
    }
  });

  it("pins the address it checked: a rebinding resolver cannot reach a blocked address (docs/security.md §S12)", async () => {
    const port = new URL(base).port;
    const answers = ["127.0.0.1", "169.254.169.254"];
    let calls = 0;
    const rebinding: Lookup = (_host, _opts, cb) => cb(null, [{ address: answers[Math.min(calls++, 1)]!, family: 4 }]);
    const target = (url: string) =>
      new Request("http://127.0.0.1/api/relay", {
        method: "POST",
        headers: { [RELAY_TARGET_HEADER]: encodeURIComponent(JSON.stringify({ url, method: "POST", headers: {} })) },
        body: "{}",
      });
    const first = await relayWith(target(`http://rebind.test:${port}/mcp`), rebinding);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ host: `rebind.test:${port}` });
    expect(calls).toBe(1); // one lookup per connection: the one that was checked
    // The resolver now answers with the metadata address: a new connection checks it and refuses.
    const second = await relayWith(target(`http://rebind2.test:${port}/mcp`), rebinding);
    expect(second.status).toBe(502);
    expect(await second.text()).toMatch(/rebind2\.test resolves to the cloud metadata address/);
  });

  it("names an unreachable server and refuses non-http schemes", async () => {
    const refused = await call("http://127.0.0.1:9/mcp", "POST", "{}");
    expect(await refused.text()).toMatch(/Connection refused/);
    const file = await call("file:///etc/passwd", "GET");
    expect(file.status).toBe(400);
  });
});
