/**
 * The 2026-07-28 checks against the demo (SDK v2) over stdio and Streamable HTTP, where every
 * deviation is pinned, and against the fault fixture's `modern-lax` mode, where each fault must be
 * caught. Verdicts are pinned whole so a changed verdict is a visible change.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../base";
import { InspectorSession } from "../session";
import {
  demoConfig,
  httpConfig,
  nodeSessionDeps,
  startHttpFixture,
  startProcess,
  stdioConfig,
  waitFor,
} from "../testing";
import type { Started } from "../testing";
import { MODERN_PROBES } from "./modern";
import { ALL_PROBES, SpotCheck, type CheckResult } from "./spotCheck";

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

async function check(
  config: ConnectionConfig,
  allowCalls = false,
): Promise<{ results: CheckResult[]; s: InspectorSession }> {
  session = new InspectorSession(
    { ...config, protocol: "2026-07-28" } as ConnectionConfig,
    nodeSessionDeps({ direct: true }),
  );
  await session.connect();
  expect(session.state.failure).toBeUndefined();
  expect(session.state.era).toBe("modern");
  const results = await new SpotCheck({ timeoutMs: 2000, probes: MODERN_PROBES, allowCalls }).run(session);
  return { results, s: session };
}

const verdicts = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.id, r.verdict]));
const result = (results: CheckResult[], id: string) => results.find((r) => r.id === id)!;

const HEADER_CHECKS = [
  "protocol-version-header-mismatch",
  "method-header-missing",
  "method-header-case",
  "name-header-mismatch",
  "name-header-missing",
];
const SESSION_CHECKS = [
  "discover-result",
  "discover-server-info",
  "capability-tools-served",
  "capability-prompts-served",
  "capability-resources-served",
  "unsupported-version-data",
  "error-carries-request-id",
  "caching-hints",
  "resource-not-found-data",
  "resource-contents-not-empty",
  "listen-acknowledged",
  "listen-subscription-id",
  "listen-filter",
];
const MESSAGE_CHECKS = [
  "meta-missing-protocol-version",
  "meta-missing-client-capabilities",
  "meta-client-info-optional",
  "removed-initialize",
  "removed-logging-setlevel",
  "removed-resources-subscribe",
  "removed-resources-unsubscribe",
];
const all = (verdict: string, ids: string[]) => Object.fromEntries(ids.map((id) => [id, verdict]));

describe("2026-07-28 checks", () => {
  it("are registered: every one runs in the spot check, each names its spec page, and all but one name suite ids", () => {
    for (const probe of MODERN_PROBES) expect(ALL_PROBES).toContain(probe);
    expect(MODERN_PROBES.map((p) => p.id).sort()).toEqual(
      [...MESSAGE_CHECKS, ...HEADER_CHECKS, ...SESSION_CHECKS].sort(),
    );
    // capability-resources-served judges a rule the suite checks for tools and prompts only.
    expect(MODERN_PROBES.filter((p) => !p.suite?.length).map((p) => p.id)).toEqual(["capability-resources-served"]);
  });

  it("the demo over stdio: all pass but the version judged from _meta (the SDK's stdio entry does not check it)", async () => {
    const { results, s } = await check(demoConfig());
    expect(verdicts(results)).toEqual({
      ...all("pass", MESSAGE_CHECKS),
      ...all("skipped", HEADER_CHECKS),
      ...all("pass", SESSION_CHECKS),
      // Known deviation of the SDK v2 stdio entry: an unknown version in _meta is served (pinned in spotCheck.test.ts too).
      "unsupported-version-data": "fail",
    });
    expect(result(results, "unsupported-version-data").observed).toMatch(/^result \{"supportedVersions"/);
    expect(result(results, "error-carries-request-id").observed).toMatch(/^2 errors, each with its request's id/);
    expect(result(results, "listen-acknowledged").observed).toBe("first: notifications/subscriptions/acknowledged");
    for (const r of results.filter((x) => x.verdict !== "skipped")) {
      const request = s.log.entries[r.requestSeq!];
      expect(request?.kind === "frame" && request.direction === "outgoing", r.id).toBe(true);
    }
    expect(s.state.status).toBe("connected");
  });

  it("the demo over stdio with calls allowed: a listed resource is read and has contents", async () => {
    const { results } = await check(demoConfig(), true);
    expect(result(results, "resource-contents-not-empty")).toMatchObject({ verdict: "pass" });
    expect(result(results, "resource-contents-not-empty").observed).toMatch(/; demo:\/\/\S+: \d+ content items?$/);
  });

  describe("over Streamable HTTP", () => {
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

    it("the demo: every check passes, with the HTTP statuses the spec fixes", async () => {
      const { results, s } = await check({ ...httpConfig(url!), id: "demo-http", name: "demo" });
      expect(verdicts(results)).toEqual(all("pass", [...MESSAGE_CHECKS, ...HEADER_CHECKS, ...SESSION_CHECKS]));
      expect(result(results, "removed-initialize")).toMatchObject({
        expected: "error -32601 (Method not found), HTTP 404",
        observed: 'error -32601 "Method not found" (HTTP 404)',
      });
      expect(result(results, "unsupported-version-data").observed).toBe(
        'error -32022, supported ["2026-07-28"], requested "1999-01-01"',
      );
      expect(result(results, "method-header-missing").observed).toBe("HTTP 400, error -32020 (Header mismatch)");
      // The header probes' own requests are in the log, without the Mcp-Method header.
      const bare = s.log.entries.find(
        (e) => e.kind === "http" && e.phase === "request" && e.method === "POST" && !("mcp-method" in e.headers),
      );
      expect(bare).toBeDefined();
      expect(s.state.status).toBe("connected");
    });
  });
});

describe("2026-07-28 checks on the fault fixture (MODE=modern-lax)", () => {
  const caught = {
    "meta-missing-protocol-version": "fail",
    "meta-missing-client-capabilities": "fail",
    "meta-client-info-optional": "fail",
    "removed-initialize": "fail",
    "removed-logging-setlevel": "fail",
    "removed-resources-subscribe": "fail",
    "removed-resources-unsubscribe": "fail",
    "discover-result": "pass",
    "discover-server-info": "warn",
    "capability-tools-served": "pass",
    "capability-prompts-served": "fail",
    "capability-resources-served": "fail",
    "unsupported-version-data": "fail",
    "error-carries-request-id": "fail",
    "caching-hints": "fail",
    "resource-not-found-data": "warn",
    "resource-contents-not-empty": "fail",
    "listen-acknowledged": "fail",
    "listen-subscription-id": "fail",
    "listen-filter": "fail",
  };

  it("stdio: each fault is caught, with what came back", async () => {
    const { results } = await check(stdioConfig({ MODE: "modern-lax" }));
    expect(verdicts(results)).toEqual({ ...caught, ...all("skipped", HEADER_CHECKS) });
    const observed = (id: string) => result(results, id).observed;
    expect(observed("meta-missing-protocol-version")).toMatch(/^result \{"supportedVersions"/);
    expect(observed("meta-client-info-optional")).toMatch(/^error -32602/);
    expect(observed("removed-logging-setlevel")).toBe("result {}");
    expect(observed("discover-server-info")).toBe("no serverInfo in the result's _meta");
    expect(observed("capability-prompts-served")).toMatch(/served without declaring 'prompts'$/);
    expect(observed("capability-resources-served")).toMatch(/^error -32601/);
    expect(observed("unsupported-version-data")).toBe(
      'data.supported is missing; data.requested is missing, not "1999-01-01"',
    );
    expect(observed("error-carries-request-id")).toMatch(
      /^server\/discover: the error's id is null, not "lens-check-error-id-\d+"$/,
    );
    expect(observed("caching-hints")).toBe(
      'ttlMs -1 is not a non-negative integer; cacheScope "everyone" is neither "public" nor "private"',
    );
    expect(observed("resource-contents-not-empty")).toBe('a missing resource: result {"contents":[]}');
    expect(observed("listen-acknowledged")).toBe("first: notifications/tools/list_changed");
    expect(observed("listen-subscription-id")).toMatch(
      /^notifications\/subscriptions\/acknowledged has subscription id missing/,
    );
    expect(observed("listen-filter")).toBe(
      "asked for toolsListChanged only, acknowledged promptsListChanged, resourcesListChanged too",
    );
  });

  it("Streamable HTTP: the same faults, plus the header and status ones", async () => {
    const fixture = await startHttpFixture({ MODE: "modern-lax" });
    try {
      const { results } = await check(httpConfig(fixture.url));
      expect(verdicts(results)).toEqual({ ...caught, ...all("fail", HEADER_CHECKS) });
      expect(result(results, "removed-resources-unsubscribe").observed).toBe("result {} (HTTP 200); HTTP 404 expected");
      expect(result(results, "name-header-missing").observed).toBe("HTTP 200, error -32602 (Invalid params)");
      expect(result(results, "protocol-version-header-mismatch").observed).toMatch(/^HTTP 200/);
    } finally {
      await session?.disconnect();
      session = undefined;
      await fixture.stop();
    }
  });
});
