/**
 * The 2025-11-25 checks (./legacy.ts) against real servers: server-everything over stdio and
 * Streamable HTTP, the demo over Streamable HTTP, and the fault fixture. What each answers is
 * pinned, deviations included.
 */
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../base";
import { InspectorSession } from "../session";
import {
  everythingConfig,
  EVERYTHING,
  nodeSessionDeps,
  startHttpFixture,
  startProcess,
  waitFor,
  type Started,
} from "../testing";
import { LEGACY_PROBES } from "./legacy";
import { wireValid } from "./wireValid";
import { SpotCheck, type CheckResult } from "./spotCheck";

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

const http = (url: string): ConnectionConfig =>
  ({ id: "h", name: "h", transport: "streamable-http", protocol: "2025-11-25", url, headers: [] }) as ConnectionConfig;

async function connect(config: ConnectionConfig, deps = nodeSessionDeps({ direct: true })): Promise<InspectorSession> {
  session = new InspectorSession(config, deps);
  await session.connect();
  expect(session.state.failure).toBeUndefined();
  return session;
}
const run = (s: InspectorSession) => new SpotCheck({ timeoutMs: 3000, probes: [...LEGACY_PROBES, wireValid] }).run(s);
const verdicts = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.id, r.verdict]));
const result = (results: CheckResult[], id: string) => results.find((r) => r.id === id)!;

async function freePort(): Promise<number> {
  const listener = createServer().listen(0, "127.0.0.1");
  await once(listener, "listening");
  const port = (listener.address() as AddressInfo).port;
  listener.close();
  return port;
}

async function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ p: Started; url: string }> {
  const p = startProcess(process.execPath, args, env);
  let url: string | undefined;
  await waitFor(() => (url = ready.exec(p.output())?.[1]) !== undefined || p.child.exitCode !== null, 15_000);
  return { p, url: url! };
}

/** What server-everything and the demo both get, whatever the transport. */
const EVERYTHING_VERDICTS = {
  "initialize-result": "pass",
  "logging-set-level": "pass",
  "resources-subscribe": "pass",
  "concurrent-requests": "pass",
  "tools-list-structure": "pass",
  "resources-list-structure": "pass",
  "prompts-list-structure": "pass",
  "tool-names": "pass",
  "list-stable-order": "pass",
  "pagination-ends": "pass",
  "wire-valid": "pass",
};
const HTTP_ONLY_SKIPPED = {
  "session-id-visible-ascii": "skipped",
  "initialized-accepted": "skipped",
  "localhost-host-accepted": "skipped",
  "foreign-host": "skipped",
  "delete-session": "skipped",
};
const HTTP_PASSED = {
  "session-id-visible-ascii": "pass",
  "initialized-accepted": "pass",
  "localhost-host-accepted": "pass",
  "delete-session": "pass",
};

describe("2025-11-25 checks", () => {
  it("server-everything over stdio", async () => {
    const s = await connect(everythingConfig(), nodeSessionDeps());
    const results = await run(s);
    expect(verdicts(results)).toEqual({ ...EVERYTHING_VERDICTS, ...HTTP_ONLY_SKIPPED });
    expect(result(results, "tools-list-structure").observed).toBe("19 tools, all valid");
    expect(result(results, "concurrent-requests").observed).toBe("3 of 3 answered");
    expect(result(results, "wire-valid").observed).toMatch(/^\d+ frames valid$/);
    // Each row that asked something points at its request in the log.
    const row = result(results, "logging-set-level");
    expect(row.requestId).toMatch(/^lens-check-\d+-logging-set-level-1$/);
    const request = s.log.entries[row.requestSeq!];
    expect(request?.kind === "frame" && request.rpc.type === "request" && request.rpc.method).toBe("logging/setLevel");
  });

  describe("over Streamable HTTP", () => {
    const servers: Started[] = [];
    let everything = "";
    let demo = "";
    let fixture = "";
    beforeAll(async () => {
      const port = await freePort();
      const ev = startProcess(
        process.execPath,
        ["--require", resolve("tests/support/loopbackListen.cjs"), EVERYTHING, "streamableHttp"],
        { PORT: String(port) },
      );
      servers.push(ev);
      await waitFor(() => /listening|running|started/i.test(ev.output()), 15_000);
      everything = `http://127.0.0.1:${port}/mcp`;
      const d = await start(["--import", "tsx", "servers/demo/http.ts"], { PORT: "0" }, /MCP_LENS_DEMO_URL=(\S+)/);
      servers.push(d.p);
      demo = d.url;
      const f = await startHttpFixture();
      servers.push(f);
      fixture = f.url;
    }, 40_000);
    afterAll(async () => {
      for (const p of servers) await p.stop();
    });

    it("server-everything", async () => {
      const s = await connect(http(everything));
      const results = await run(s);
      // Its deviation (the suite agrees: localhost-host-rebinding-rejected FAILURE): no Host/Origin check.
      expect(verdicts(results)).toEqual({ ...EVERYTHING_VERDICTS, ...HTTP_PASSED, "foreign-host": "fail" });
      expect(result(results, "foreign-host").observed).toBe(
        "HTTP 200: the request for Host evil.example.com was served",
      );
      expect(result(results, "concurrent-requests").observed).toBe("3 of 3 answered, each on its own stream");
      expect(result(results, "initialized-accepted").observed).toBe("HTTP 202");
      expect(result(results, "session-id-visible-ascii").observed).toMatch(/^Mcp-Session-Id "[0-9a-f-]{36}"/);
      // The foreign Host really went out, and is in the log.
      expect(
        s.log.entries.some((e) => e.kind === "http" && e.phase === "request" && e.headers.host === "evil.example.com"),
      ).toBe(true);
    });
    it("demo", async () => {
      const s = await connect(http(demo));
      const results = await run(s);
      // No false failure on the demo (SDK v2, host and origin validation on).
      expect(verdicts(results)).toEqual({ ...EVERYTHING_VERDICTS, ...HTTP_PASSED, "foreign-host": "pass" });
      expect(result(results, "foreign-host").observed).toBe("HTTP 403, error -32000");
      expect(result(results, "initialize-result").observed).toBe(
        "protocolVersion 2025-11-25, serverInfo mcp-lens-demo 1.0.0",
      );
    });
    it.each([
      ["duplicate-id", /^1 of \d+ frames invalid: #\d+ \(result\) \{"jsonrpc".*: \/id /],
      ["non-json", /^3 of \d+ frames invalid: #\d+ \(invalid-json\)/],
    ])(
      "the fault fixture's %s answer fails 'every frame valid', named by its log position",
      async (fault, observed) => {
        const s = await connect(http(fixture));
        await s.client!.callTool({ name: fault, arguments: {} }, { timeout: 2000 }).catch(() => undefined);
        const results = await run(s);
        const wire = result(results, "wire-valid");
        expect(wire.verdict).toBe("fail");
        expect(wire.observed).toMatch(observed);
        expect(s.log.entries[wire.answerSeq!]?.kind).toBe("frame");
        // The fixture checks neither Host nor Origin, and has no logging, resources or prompts.
        expect(verdicts(results)).toMatchObject({
          "foreign-host": "fail",
          "localhost-host-accepted": "pass",
          "delete-session": "pass",
          "logging-set-level": "skipped",
          "resources-subscribe": "skipped",
          "tools-list-structure": "pass",
        });
      },
    );
  });
});
