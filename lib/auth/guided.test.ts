/**
 * The guided debugger against each misconfiguration of the auth fixture: the step that fails and
 * its one-sentence fix. Requests go through the in-process relay (its address and redirect rules),
 * captured in a traffic log as the page's would be.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startAuthFixture, type AuthFixture, type AuthMisconfiguration } from "../../servers/fixtures/auth/fixture.js";
import { nodeSessionDeps } from "../testing";
import { TrafficLog } from "../traffic";
import { callbackUrl, readCallback } from "./callback";
import { GuidedFlow, type GuidedStepId } from "./guided";

const REDIRECT = callbackUrl("http://127.0.0.1:6421");

/** Presses Approve on the fixture's /authorize page (the popup, in Node); returns the callback's parameters. */
async function approve(url: URL) {
  const text = await (await fetch(url)).text();
  const form = new URLSearchParams();
  for (const [, name, value] of text.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
    form.set(
      name!,
      value!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
    );
  form.set("decision", "approve");
  const answer = await fetch(new URL("/authorize", url), { method: "POST", body: form, redirect: "manual" });
  return readCallback(new URL(answer.headers.get("location")!).search);
}

let fixture: AuthFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function guided(misconfiguration?: AuthMisconfiguration) {
  const f = (fixture = await startAuthFixture({ misconfiguration }));
  const log = new TrafficLog({ schedule: (flush) => flush() });
  const flow = new GuidedFlow({
    serverUrl: f.url,
    fetchFn: nodeSessionDeps().createFetch!(log),
    redirectUrl: REDIRECT,
    approve,
  });
  await flow.runAll();
  return { flow, log };
}

describe("the guided OAuth debugger", () => {
  it("a well-configured server: every step ok, one at a time, each exchange in the traffic log", async () => {
    const f = (fixture = await startAuthFixture());
    const log = new TrafficLog({ schedule: (flush) => flush() });
    const flow = new GuidedFlow({
      serverUrl: f.url,
      fetchFn: nodeSessionDeps().createFetch!(log),
      redirectUrl: REDIRECT,
      approve,
    });
    const first = await flow.next();
    expect(first).toMatchObject({
      id: "unauthenticated-request",
      status: "ok",
      found: /HTTP 401, WWW-Authenticate: Bearer/,
    });
    expect(flow.steps[1]!.status).toBe("pending");
    const steps = await flow.runAll();
    expect(steps.map((s) => [s.id, s.status])).toEqual(steps.map((s) => [s.id, "ok"]));
    expect(steps.find((s) => s.id === "token-exchange")!.found).toMatch(/token_type Bearer/);
    const paths = log.entries.flatMap((e) =>
      e.kind === "http" && e.phase === "request" ? [new URL(e.url).pathname] : [],
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        "/mcp",
        "/.well-known/oauth-protected-resource/mcp",
        "/.well-known/oauth-authorization-server",
        "/register",
        "/authorize",
        "/token",
      ]),
    );
  });

  const cases: [AuthMisconfiguration, GuidedStepId, RegExp][] = [
    ["no-authorization-servers", "resource-metadata", /lists no authorization_servers/],
    ["wrong-issuer", "authorization-server-metadata", /names issuer https:\/\/issuer\.invalid, but it was found at/],
    ["redirect-uri-mismatch", "authorization", /redirect URI sent differs from the registered one/],
    ["audience-mismatch", "authenticated-request", /token's audience is not this server/],
    ["no-s256", "authorization-server-metadata", /does not support S256/],
    ["expired-token", "authenticated-request", /new token has expired/],
    ["link-local-metadata", "resource-metadata", /redirects to an address MCP Lens refuses/],
  ];
  it.each(cases)("%s: fails at %s with its fix", async (misconfiguration, step, fix) => {
    const { flow } = await guided(misconfiguration);
    const failed = flow.failed;
    expect(failed?.id, `found: ${failed?.found}`).toBe(step);
    expect(failed!.fix).toMatch(fix);
    expect(failed!.found).toBeTruthy();
    // The flow stops at the failed step: the later ones stay pending.
    const at = flow.steps.indexOf(failed!);
    expect(flow.steps.slice(at + 1).every((s) => s.status === "pending")).toBe(true);
  });
});
