/**
 * The spot check against real servers: server-everything and the demo (SDK v2) over the stdio
 * bridge in both eras, and the demo over Streamable HTTP. What each server really answers is pinned
 * here, deviations included, so a change in a verdict is a visible change.
 */
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { demoConfig, EVERYTHING, everythingConfig } from "../testing";
import { startProcess, waitFor, type Started } from "../testing";
import type { ConnectionConfig } from "../base";
import { InspectorSession } from "../session";
import { initialState, type SessionState } from "../base";
import { TrafficLog } from "../traffic";
import { HTTP_PROBES } from "./httpProbes";
import { PROBES } from "./probes";
import { nodeSessionDeps } from "../testing";
import { SpotCheck, type CheckResult } from "./spotCheck";

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

async function check(
  config: ConnectionConfig,
  deps = nodeSessionDeps(),
): Promise<{ results: CheckResult[]; s: InspectorSession }> {
  session = new InspectorSession(config, deps);
  await session.connect();
  expect(session.state.failure).toBeUndefined();
  // The single-message and HTTP probes; the session probes have tests of their own.
  const results = await new SpotCheck({ timeoutMs: 2000, probes: [...PROBES, ...HTTP_PROBES] }).run(session);
  return { results, s: session };
}

const verdicts = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.id, r.verdict]));
const result = (results: CheckResult[], id: string) => results.find((r) => r.id === id)!;

describe("spot check", () => {
  it("server-everything (stdio, 2025-11-25): the probes and answers are in the traffic log, deviations reported", async () => {
    const { results, s } = await check(everythingConfig());
    // What this server really answers (SDK 1.x): unparseable and method-less lines get no answer at
    // all, an unknown tool is a tool result. A missing resource is -32602, right since SEP-2164.
    expect(verdicts(results)).toEqual({
      "unknown-method": "pass",
      "parse-error": "fail",
      "invalid-request": "fail",
      ping: "pass",
      "tools-call-without-name": "fail",
      "tools-call-unknown": "warn",
      "resources-read-unknown": "pass",
      "prompts-get-unknown": "pass",
      "missing-meta": "skipped",
      "unsupported-version": "skipped",
      "foreign-origin": "skipped",
      "session-required": "skipped",
      "ended-session": "skipped",
      "method-header-mismatch": "skipped",
    });
    expect(result(results, "foreign-origin").observed).toBe("Streamable HTTP only");
    expect(result(results, "parse-error").observed).toBe("no answer within 2 s");
    expect(result(results, "tools-call-unknown").observed).toBe(
      "a tool result with isError: true (a tool execution error)",
    );
    // Known deviation of the SDK's servers: a tools/call without a name is -32603, not -32602.
    const noName = result(results, "tools-call-without-name");
    expect(noName).toMatchObject({ verdict: "fail", expected: "error -32602 (Invalid params)" });
    expect(noName.observed).toMatch(/^error -32603/);
    expect(noName.specUrl).toBe("https://modelcontextprotocol.io/specification/2025-11-25/server/tools");
    for (const r of results.filter((x) => x.verdict !== "skipped")) {
      const request = s.log.entries[r.requestSeq!];
      expect(request?.kind === "frame" && request.direction === "outgoing", r.id).toBe(true);
      if (r.answerSeq !== undefined) expect(s.log.entries[r.answerSeq]?.kind).toBe("frame");
    }
    expect(s.state.status).toBe("connected");
  });

  it("the demo in 2026-07-28 (stdio): era-specific expectations (ping removed, _meta required, version refused)", async () => {
    const { results } = await check(demoConfig({ protocol: "2026-07-28" }));
    expect(result(results, "ping").expected).toBe("error -32601 (Method not found)");
    expect(result(results, "resources-read-unknown").expected).toBe("error -32602 (Invalid params)");
    expect(result(results, "missing-meta").verdict).not.toBe("skipped");
    expect(result(results, "unsupported-version").verdict).not.toBe("skipped");
    // The SDK v2 server over stdio does not check the version named in _meta.
    expect(verdicts(results)).toEqual({
      "unknown-method": "pass",
      "parse-error": "fail",
      "invalid-request": "fail",
      ping: "pass",
      "tools-call-without-name": "pass",
      "tools-call-unknown": "pass",
      "resources-read-unknown": "pass",
      "prompts-get-unknown": "pass",
      "missing-meta": "pass",
      "unsupported-version": "fail",
      "foreign-origin": "skipped",
      "session-required": "skipped",
      "ended-session": "skipped",
      "method-header-mismatch": "skipped",
    });
    expect(result(results, "unsupported-version").observed).toMatch(/^result \{"tools"/);
  });

  it("a disconnected session runs nothing and says why", async () => {
    const s = new InspectorSession(demoConfig(), nodeSessionDeps());
    const spot = new SpotCheck();
    expect(await spot.run(s)).toEqual([]);
    expect(spot.store.get()).toMatchObject({ status: "done", error: expect.stringContaining("Connect first") });
  });
});

describe("spot check over Streamable HTTP (the demo)", () => {
  let demo: Started;
  let url: string | undefined;
  beforeAll(async () => {
    demo = startProcess(process.execPath, ["--import", "tsx", "servers/demo/http.ts"], { PORT: "0" });
    await waitFor(
      () => (url = /MCP_LENS_DEMO_URL=(\S+)/.exec(demo.output())?.[1]) !== undefined || demo.child.exitCode !== null,
      15_000,
    );
  }, 20_000);
  afterAll(async () => demo.stop());

  it.each(["2025-11-25", "2026-07-28"] as const)(
    "%s: HTTP statuses are checked where the spec fixes them",
    async (protocol) => {
      const config = {
        id: "demo-http",
        name: "demo",
        transport: "streamable-http",
        protocol,
        url: url!,
        headers: [],
      } as ConnectionConfig;
      const { results } = await check(config, nodeSessionDeps({ direct: true }));
      const modern = protocol === "2026-07-28";
      expect(verdicts(results)).toEqual({
        "unknown-method": "pass",
        "parse-error": "skipped",
        "invalid-request": "pass",
        ping: "pass",
        "tools-call-without-name": "pass",
        "tools-call-unknown": "pass",
        "resources-read-unknown": "pass",
        "prompts-get-unknown": "pass",
        "missing-meta": modern ? "pass" : "skipped",
        "unsupported-version": modern ? "pass" : "skipped",
        "foreign-origin": "pass",
        "session-required": modern ? "skipped" : "pass",
        "ended-session": modern ? "skipped" : "pass",
        "method-header-mismatch": modern ? "pass" : "skipped",
      });
      if (!modern)
        expect(result(results, "ended-session").observed).toBe("DELETE: HTTP 200; then HTTP 404, error -32001");
      else expect(result(results, "method-header-mismatch").observed).toBe("HTTP 400, error -32020 (Header mismatch)");
      const unknown = result(results, "unknown-method");
      expect(unknown.expected).toBe(
        modern ? "error -32601 (Method not found), HTTP 404" : "error -32601 (Method not found)",
      );
      expect(unknown.observed).toBe(
        modern ? 'error -32601 "Method not found" (HTTP 404)' : 'error -32601 "Method not found"',
      );
    },
  );
});

describe("spot check over Streamable HTTP (server-everything)", () => {
  let server: Started;
  let url: string | undefined;
  beforeAll(async () => {
    const listener = createServer().listen(0, "127.0.0.1");
    await once(listener, "listening");
    const port = (listener.address() as AddressInfo).port;
    listener.close();
    server = startProcess(
      process.execPath,
      ["--require", resolve("tests/support/loopbackListen.cjs"), EVERYTHING, "streamableHttp"],
      { PORT: String(port) },
    );
    await waitFor(() => /listening|running|started/i.test(server.output()), 15_000);
    url = `http://127.0.0.1:${port}/mcp`;
  }, 20_000);
  afterAll(async () => server.stop());

  it("reports its HTTP deviations: a foreign Origin is served, an ended session gets 400 instead of 404", async () => {
    const config = {
      id: "everything-http",
      name: "everything",
      transport: "streamable-http",
      protocol: "2025-11-25",
      url: url!,
      headers: [],
    } as ConnectionConfig;
    const { results, s } = await check(config, nodeSessionDeps({ direct: true }));
    expect(verdicts(results)).toMatchObject({
      "foreign-origin": "fail",
      "session-required": "pass",
      "ended-session": "fail",
      "method-header-mismatch": "skipped",
    });
    expect(result(results, "foreign-origin").observed).toBe(
      "HTTP 200: the request from http://lens-check.invalid was served",
    );
    expect(result(results, "ended-session").observed).toMatch(/^DELETE: HTTP 200; then HTTP 400/);
    // The probes' own requests are in the log, with the Origin header shown.
    const origin = s.log.entries.find(
      (e) => e.kind === "http" && e.phase === "request" && e.headers.origin === "http://lens-check.invalid",
    );
    expect(origin).toBeDefined();
    expect(s.state.status).toBe("connected");
  });
});

describe("judging (a scripted server)", () => {
  /** A target whose "server" answers every request with `answer`, over HTTP with `status`. */
  function scripted(answer: (id: unknown) => object, status: number, era: "legacy" | "modern") {
    const log = new TrafficLog();
    const url = "http://127.0.0.1:1/mcp";
    const config = {
      id: "x",
      name: "x",
      transport: "streamable-http",
      protocol: "auto",
      url,
      headers: [],
    } as ConnectionConfig;
    const state = {
      ...initialState(config, {}),
      status: "connected",
      era,
      protocolVersion: era === "modern" ? "2026-07-28" : "2025-11-25",
      serverCapabilities: {},
    } as SessionState;
    return {
      log,
      state,
      async sendRaw(text: string) {
        const exchange = log.newExchange();
        log.append({ kind: "http", ts: log.now(), exchange, phase: "request", method: "POST", url, headers: {} });
        log.recordFrame("outgoing", text, { transport: "http", exchange, stream: "request-body" });
        log.append({
          kind: "http",
          ts: log.now(),
          exchange,
          phase: "response",
          method: "POST",
          url,
          status,
          headers: {},
        });
        const id = (JSON.parse(text) as { id?: unknown }).id;
        log.recordFrame("incoming", JSON.stringify({ jsonrpc: "2.0", id, ...answer(id) }), {
          transport: "http",
          exchange,
          stream: "json-body",
        });
      },
    };
  }
  const unknownMethod = PROBES.filter((p) => p.id === "unknown-method");

  it("the right code with the wrong HTTP status fails in 2026-07-28, and says which status was expected", async () => {
    const [r] = await new SpotCheck({ probes: unknownMethod }).run(
      scripted(() => ({ error: { code: -32601, message: "Method not found" } }), 200, "modern"),
    );
    expect(r).toMatchObject({
      verdict: "fail",
      observed: 'error -32601 "Method not found" (HTTP 200); HTTP 404 expected',
      requestSeq: 1,
      answerSeq: 3,
    });
  });

  it("a wrong code fails a must, and only warns on a should", async () => {
    const probes = PROBES.filter((p) => p.id === "unknown-method" || p.id === "prompts-get-unknown");
    const target = scripted(() => ({ error: { code: -32603, message: "boom" } }), 200, "legacy");
    target.state = { ...target.state, serverCapabilities: { prompts: {} } };
    const results = await new SpotCheck({ probes }).run(target);
    expect(results.map((r) => [r.id, r.level, r.verdict])).toEqual([
      ["unknown-method", "must", "fail"],
      ["prompts-get-unknown", "should", "warn"],
    ]);
  });

  it("a foreign Origin refused with another status than 403 fails, and says it was refused", async () => {
    const target = {
      ...scripted(() => ({}), 200, "legacy"),
      http: () => ({ fetch: async () => new Response("", { status: 401 }) }),
    };
    const [refused] = await new SpotCheck({ probes: HTTP_PROBES.filter((p) => p.id === "foreign-origin") }).run(target);
    expect(refused).toMatchObject({
      verdict: "fail",
      observed: "HTTP 401: refused, but not with 403",
      expected: "HTTP 403",
    });
    const served = {
      ...target,
      http: () => ({
        fetch: async () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } }),
      }),
    };
    const [open] = await new SpotCheck({ probes: HTTP_PROBES.filter((p) => p.id === "foreign-origin") }).run(served);
    expect(open?.observed).toBe("HTTP 200: the request from http://lens-check.invalid was served");
  });

  it("a result where an error belongs is reported as that result", async () => {
    const [r] = await new SpotCheck({ probes: unknownMethod }).run(
      scripted(() => ({ result: { ok: true } }), 200, "legacy"),
    );
    expect(r).toMatchObject({ verdict: "fail", observed: 'result {"ok":true}' });
  });
});
