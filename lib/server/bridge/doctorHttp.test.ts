/**
 * The doctor's diagnosis of URLs, against real listeners: a closed port, a tiny HTTP server (HTML,
 * 404, 401 with a challenge), and server-everything's real Streamable HTTP and legacy SSE endpoints
 * opened with the wrong transport.
 */
import { once } from "node:events";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EVERYTHING, startProcess, waitFor, type Started } from "../../testing";
import type { DoctorReport } from "../../doctor";
import { doctorWith } from "./doctor";

async function freePort(): Promise<number> {
  const listener = createServer().listen(0, "127.0.0.1");
  await once(listener, "listening");
  const port = (listener.address() as AddressInfo).port;
  listener.close();
  await once(listener, "close");
  return port;
}

async function diagnose(url: string, transport: "streamable-http" | "sse" = "streamable-http"): Promise<DoctorReport> {
  const res = await doctorWith(
    new Request("http://127.0.0.1/api/doctor", {
      method: "POST",
      body: JSON.stringify({ kind: "url", url, transport, headers: {} }),
    }),
    { waitMs: 3000 },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as DoctorReport;
}
const stepOf = (r: DoctorReport, id: string) => r.steps.find((s) => s.id === id)!;

let site: Server;
let base = "";
beforeAll(async () => {
  site = createHttpServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>My app</title><h1>Welcome</h1>");
    } else if (req.url === "/private/mcp") {
      res.writeHead(401, { "www-authenticate": 'Bearer resource_metadata="http://x/.well-known/oauth"' });
      res.end();
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("Not Found");
    }
  }).listen(0, "127.0.0.1");
  await once(site, "listening");
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => site.close(() => r())));

describe("the connection doctor on URLs", () => {
  it("a closed port: the TCP step fails, and says nothing listens there", async () => {
    const port = await freePort();
    const r = await diagnose(`http://127.0.0.1:${port}/mcp`);
    expect(r.failing).toBe("tcp");
    expect(stepOf(r, "tcp").evidence[0]).toMatch(new RegExp(`127.0.0.1:${port}: ECONNREFUSED`));
    expect(r.verdict).toBe("Nothing is listening on that port: start the server, or fix the port in the URL.");
    expect(r.steps.slice(0, 2).map((s) => s.status)).toEqual(["pass", "pass"]);
    expect(stepOf(r, "http").status).toBe("skip");
  });

  it("an HTML page: status and content type as evidence, 'is the path /mcp?'", async () => {
    const r = await diagnose(`${base}/`);
    expect(r.failing).toBe("http");
    expect(stepOf(r, "http").evidence).toContain("HTTP 200 · text/html; charset=utf-8");
    expect(r.verdict).toBe("The URL serves an HTML page, not an MCP endpoint: is the path /mcp?");
  });

  it("a 404: says so and names the usual paths", async () => {
    const r = await diagnose(`${base}/nothing`);
    expect(r.failing).toBe("http");
    expect(stepOf(r, "http").evidence).toContain("HTTP 404 · text/plain");
    expect(r.verdict).toMatch(/HTTP 404.*\/mcp \(Streamable HTTP\) or \/sse \(legacy SSE\)/);
  });

  it("an authorization challenge: the WWW-Authenticate header as evidence", async () => {
    const r = await diagnose(`${base}/private/mcp`);
    expect(r.failing).toBe("auth");
    expect(stepOf(r, "auth").evidence).toContain(
      'WWW-Authenticate: Bearer resource_metadata="http://x/.well-known/oauth"',
    );
    expect(r.verdict).toMatch(/requires authorization/);
  });

  it("a URL without a scheme, and a host that does not resolve", async () => {
    const bare = await diagnose("localhost:3000/mcp");
    expect(bare.failing).toBe("parse");
    expect(bare.verdict).toBe("Add the scheme: http://localhost:3000/mcp (or https://).");
    const nowhere = await diagnose("http://no-such-host.invalid/mcp");
    expect(nowhere.failing).toBe("dns");
  });
});

describe("the wrong transport for a URL (server-everything)", () => {
  let server: Started | undefined;
  afterEach(async () => server?.stop());
  async function everything(mode: "streamableHttp" | "sse"): Promise<number> {
    const port = await freePort();
    server = startProcess(
      process.execPath,
      ["--require", resolve("tests/support/loopbackListen.cjs"), EVERYTHING, mode],
      { PORT: String(port) },
    );
    await waitFor(() => /listening|running|started/i.test(server!.output()), 15_000);
    return port;
  }

  it("a Streamable HTTP endpoint opened as SSE: switch transport", async () => {
    const port = await everything("streamableHttp");
    const r = await diagnose(`http://127.0.0.1:${port}/mcp`, "sse");
    expect(r.failing).toBe("sse");
    expect(r.verdict).toBe(
      "This looks like a Streamable HTTP endpoint: switch the connection's transport to Streamable HTTP.",
    );
    expect(stepOf(r, "streamable-2025").status).toBe("pass");
    expect(stepOf(r, "streamable-2025").evidence.join("\n")).toMatch(/server: .*everything/i);
  }, 30_000);

  it("a legacy SSE endpoint opened as Streamable HTTP: switch transport", async () => {
    const port = await everything("sse");
    const r = await diagnose(`http://127.0.0.1:${port}/sse`, "streamable-http");
    expect(r.failing).toBe("streamable-2025");
    expect(r.verdict).toBe("This looks like a legacy SSE endpoint: switch the connection's transport to legacy SSE.");
    expect(stepOf(r, "sse").evidence.join("\n")).toMatch(/event: endpoint · data: \/message\?sessionId=/);
  }, 30_000);

  it("the right transport passes, with the 2026 era's answer as evidence", async () => {
    const port = await everything("streamableHttp");
    const r = await diagnose(`http://127.0.0.1:${port}/mcp`, "streamable-http");
    expect(r.failing).toBeUndefined();
    expect(r.verdict).toMatch(/answers as Streamable HTTP/);
    expect(stepOf(r, "streamable-2026").status).not.toBe("fail");
  }, 30_000);
});
