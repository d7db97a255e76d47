/**
 * Spot-check probes that need their own HTTP requests (Streamable HTTP only): a foreign Origin,
 * a missing or ended Mcp-Session-Id, an Mcp-Method header that disagrees with the body. They go
 * through the connection's recorded fetch (relay + capture), so each request, status and answer
 * is in the traffic log like the transport's own.
 */
import type { FetchLike } from "@modelcontextprotocol/client";
import type { SpecPage } from "../inspect";
import { codeText, type ProbeContext } from "./probes";

export interface HttpProbeContext extends ProbeContext {
  url: string;
  /** The connection's configured headers (authorization included). */
  headers: Record<string, string>;
  fetch: FetchLike;
  /** The live connection's Mcp-Session-Id, when the server issued one. */
  sessionId?: string;
  /** A Host header given to `fetch` reaches the server (Node, straight); through the page's relay it does not. */
  hostHeader?: boolean;
  /** The JSON-RPC id for this probe's request(s). */
  id: string;
  timeoutMs: number;
}

export type HttpOutcome = { pass: boolean; observed: string } | { skipped: string };

export interface HttpProbe {
  id: string;
  title: string;
  page: SpecPage;
  level: "must" | "should";
  /** The official suite's check ids this check judges too (scripts/conformance-server.ts pairs verdicts by them). */
  suite?: readonly string[];
  expected(ctx: ProbeContext): string;
  skip?(ctx: ProbeContext & { sessionId?: string }): string | undefined;
  run(ctx: HttpProbeContext): Promise<HttpOutcome>;
}

export interface Sent {
  status: number;
  sessionId: string | null;
  /** The JSON-RPC error code in the body, when there is one. */
  code?: number;
}

/** One POST (or DELETE) to the server, its body read to the end so the capture records it. */
export async function send(
  ctx: HttpProbeContext,
  init: { method?: string; body?: unknown; headers?: Record<string, string | undefined> },
): Promise<Sent> {
  const headers: Record<string, string> = {
    ...ctx.headers,
    accept: "application/json, text/event-stream",
    "content-type": "application/json",
    "mcp-protocol-version": ctx.protocolVersion,
  };
  if (ctx.sessionId) headers["mcp-session-id"] = ctx.sessionId;
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ctx.timeoutMs);
  try {
    const response = await ctx.fetch(ctx.url, {
      method: init.method ?? "POST",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: controller.signal,
    });
    const text = await response.text().catch(() => "");
    return { status: response.status, sessionId: response.headers.get("mcp-session-id"), code: errorCode(text) };
  } finally {
    clearTimeout(timer);
  }
}

/** The error code of a JSON body or of the first SSE data line that holds one. */
function errorCode(text: string): number | undefined {
  const candidates = text.trimStart().startsWith("{")
    ? [text]
    : text
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5));
  for (const c of candidates) {
    try {
      const code = (JSON.parse(c) as { error?: { code?: unknown } }).error?.code;
      if (typeof code === "number") return code;
    } catch {
      // not JSON: no code
    }
  }
  return undefined;
}

export const describe = (s: Sent) => `HTTP ${s.status}${s.code === undefined ? "" : `, ${codeText(s.code)}`}`;
export const request = (ctx: HttpProbeContext, method: string, params: Record<string, unknown> = {}) => ({
  jsonrpc: "2.0",
  id: ctx.id,
  method,
  params: { ...params, ...ctx.meta },
});
/** A harmless request for the era: ping (legacy) or server/discover (2026-07-28, where ping is gone). */
export const harmless = (ctx: HttpProbeContext) =>
  ctx.era === "modern" ? request(ctx, "server/discover") : request(ctx, "ping");
const modernHeaders = (ctx: HttpProbeContext, method: string) => (ctx.era === "modern" ? { "mcp-method": method } : {});

const streamableOnly = (ctx: ProbeContext) =>
  ctx.transport === "streamable-http" ? undefined : "Streamable HTTP only";
export const withSession = (ctx: ProbeContext & { sessionId?: string }) =>
  streamableOnly(ctx) ??
  (ctx.era === "modern"
    ? "2026-07-28 has no sessions"
    : ctx.sessionId
      ? undefined
      : "the server issued no Mcp-Session-Id");

/** A second session of the check's own (initialize without the live Mcp-Session-Id), so the live one is untouched. */
export function openSession(ctx: HttpProbeContext, headers: Record<string, string> = {}): Promise<Sent> {
  const init = request(ctx, "initialize", {
    protocolVersion: ctx.protocolVersion,
    capabilities: {},
    clientInfo: { name: "mcp-lens-check", version: "0.1.0" },
  });
  return send(ctx, { body: init, headers: { "mcp-session-id": undefined, ...headers } });
}

/** DELETE of a session the check opened. */
export function endSession(ctx: HttpProbeContext, sessionId: string): Promise<Sent> {
  return send(ctx, { method: "DELETE", headers: { "mcp-session-id": sessionId, "content-type": undefined } });
}

export const HTTP_PROBES: HttpProbe[] = [
  {
    id: "foreign-origin",
    // Not paired with the suite's localhost-host-rebinding-rejected: that sends a foreign Host too (foreign-host does).
    title: "A request from a foreign Origin is refused (DNS-rebinding protection)",
    page: "http",
    level: "must",
    expected: (ctx) =>
      ctx.protocolVersion >= "2025-11-25" ? "HTTP 403" : "a 4xx refusal (HTTP 403 from 2025-11-25 on)",
    skip: streamableOnly,
    async run(ctx) {
      const sent = await send(ctx, {
        body: harmless(ctx),
        headers: { origin: "http://lens-check.invalid", ...modernHeaders(ctx, harmless(ctx).method) },
      });
      const refused =
        ctx.protocolVersion >= "2025-11-25" ? sent.status === 403 : sent.status >= 400 && sent.status < 500;
      const served = sent.status >= 200 && sent.status < 300;
      const observed = refused
        ? describe(sent)
        : served
          ? `${describe(sent)}: the request from http://lens-check.invalid was served`
          : `${describe(sent)}: refused, but not with 403`;
      return { pass: refused, observed };
    },
  },
  {
    id: "session-required",
    title: "A request without the Mcp-Session-Id of an established session is a Bad Request",
    page: "http",
    level: "should",
    expected: () => "HTTP 400",
    skip: withSession,
    async run(ctx) {
      const sent = await send(ctx, { body: harmless(ctx), headers: { "mcp-session-id": undefined } });
      return { pass: sent.status === 400, observed: describe(sent) };
    },
  },
  {
    id: "ended-session",
    suite: ["server-session-terminated-returns-404"],
    title: "After a session is ended (DELETE), its Mcp-Session-Id gets 404 Not Found",
    page: "http",
    level: "must",
    expected: () => "HTTP 404",
    skip: withSession,
    async run(ctx) {
      const opened = await openSession(ctx);
      if (!opened.sessionId) return { skipped: `the second initialize got ${describe(opened)} and no Mcp-Session-Id` };
      const ended = await endSession(ctx, opened.sessionId);
      if (ended.status === 405) return { skipped: "the server does not let clients end sessions (DELETE: HTTP 405)" };
      const after = await send(ctx, { body: harmless(ctx), headers: { "mcp-session-id": opened.sessionId } });
      return { pass: after.status === 404, observed: `DELETE: HTTP ${ended.status}; then ${describe(after)}` };
    },
  },
  {
    id: "method-header-mismatch",
    suite: [
      "sep-2243-server-reject-invalid-headers",
      "sep-2243-server-reject-error-code",
      "sep-2575-http-server-header-mismatch-400",
    ],
    title: "An Mcp-Method header that disagrees with the body is refused as Header mismatch",
    page: "http",
    level: "must",
    expected: () => `HTTP 400, ${codeText(-32020)}`,
    skip: (ctx) => streamableOnly(ctx) ?? (ctx.era === "modern" ? undefined : "2026-07-28 only"),
    async run(ctx) {
      const sent = await send(ctx, { body: request(ctx, "tools/list"), headers: { "mcp-method": "prompts/list" } });
      return { pass: sent.status === 400 && sent.code === -32020, observed: describe(sent) };
    },
  },
];
