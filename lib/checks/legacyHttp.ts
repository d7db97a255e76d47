/**
 * 2025-11-25 Streamable HTTP checks with requests of their own, each on a second session the check
 * opens (and ends), so the live one is untouched: DNS-rebinding protection (a localhost Host and
 * Origin served, a foreign Host refused) and DELETE of a session accepted.
 */
import { describe, endSession, openSession, withSession, type HttpProbe, type HttpProbeContext } from "./httpProbes";
import type { ProbeContext } from "./probes";

const FOREIGN = "evil.example.com";
const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

const onLocalhost = (ctx: ProbeContext & { sessionId?: string; url?: string }) => {
  if (ctx.era !== "legacy") return "2025 era only";
  if (ctx.transport !== "streamable-http") return "Streamable HTTP only";
  return undefined;
};
const localUrl = (ctx: HttpProbeContext) => LOCAL_NAMES.has(new URL(ctx.url).hostname);

/** Ends a session the check opened, when it got one; its answer does not matter. */
async function cleanUp(ctx: HttpProbeContext, sessionId: string | null): Promise<void> {
  if (sessionId) await endSession(ctx, sessionId).catch(() => undefined);
}

export const LEGACY_HTTP_PROBES: HttpProbe[] = [
  {
    id: "localhost-host-accepted",
    title: "A request with a localhost Host and Origin is served",
    page: "http",
    level: "must",
    suite: ["localhost-host-valid-accepted"],
    expected: () => "initialize answered 2xx",
    skip: onLocalhost,
    async run(ctx) {
      if (!localUrl(ctx)) return { skipped: "the server is not on localhost (the rule is for local servers)" };
      const host = new URL(ctx.url).host;
      const opened = await openSession(ctx, { ...(ctx.hostHeader ? { host } : {}), origin: `http://${host}` });
      await cleanUp(ctx, opened.sessionId);
      return {
        pass: opened.status >= 200 && opened.status < 300,
        observed: `Host ${host}, Origin http://${host}: ${describe(opened)}`,
      };
    },
  },
  {
    id: "foreign-host",
    title: "A DNS-rebinding request (a foreign Host and Origin) is refused",
    page: "http",
    level: "must",
    suite: ["localhost-host-rebinding-rejected"],
    expected: () => "a 4xx refusal",
    skip: onLocalhost,
    async run(ctx) {
      if (!ctx.hostHeader)
        return {
          skipped:
            "the page's requests go through the inspector's relay, which sets Host from the URL: `mcp-lens check` runs this one",
        };
      if (!localUrl(ctx)) return { skipped: "the server is not on localhost (the rule is for local servers)" };
      const opened = await openSession(ctx, { host: FOREIGN, origin: `http://${FOREIGN}` });
      await cleanUp(ctx, opened.sessionId);
      const refused = opened.status >= 400 && opened.status < 500;
      return {
        pass: refused,
        observed: refused
          ? describe(opened)
          : `${describe(opened)}: the request for Host ${FOREIGN} was ${opened.status < 300 ? "served" : "not refused with a 4xx"}`,
      };
    },
  },
  {
    id: "delete-session",
    title: "DELETE with a session's Mcp-Session-Id ends it (or is refused with 405)",
    page: "http",
    level: "must",
    suite: ["server-session-delete-accepted"],
    expected: () => "HTTP 2xx (405 if the server does not let clients end sessions)",
    skip: withSession,
    async run(ctx) {
      const opened = await openSession(ctx);
      if (!opened.sessionId) return { skipped: `the second initialize got ${describe(opened)} and no Mcp-Session-Id` };
      const ended = await endSession(ctx, opened.sessionId);
      const ok = (ended.status >= 200 && ended.status < 300) || ended.status === 405;
      return { pass: ok, observed: `DELETE: ${describe(ended)}` };
    },
  },
];
