/**
 * 2026-07-28 Streamable HTTP header checks with requests of their own (through the session's
 * recorded fetch, so each is in the traffic log): an MCP-Protocol-Version header that disagrees
 * with `_meta`, and the Mcp-Method / Mcp-Name cases of SEP-2243 (missing, mismatched, wrong case).
 * Header names in other cases and values with surrounding whitespace cannot be sent through fetch
 * (Headers lower-cases names and trims values), so those two rules are not judged here.
 */
import { codeText, type ProbeContext } from "./probes";
import type { HttpOutcome, HttpProbe, HttpProbeContext } from "./httpProbes";

const NO_SUCH_TOOL = "lens-check-does-not-exist";

async function post(
  ctx: HttpProbeContext,
  body: { method: string; params: Record<string, unknown> },
  headers: Record<string, string | undefined>,
): Promise<{ status: number; code?: number }> {
  const all: Record<string, string> = {
    ...ctx.headers,
    accept: "application/json, text/event-stream",
    "content-type": "application/json",
    "mcp-protocol-version": ctx.protocolVersion,
  };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) delete all[name];
    else all[name] = value;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ctx.timeoutMs);
  try {
    const response = await ctx.fetch(ctx.url, {
      method: "POST",
      headers: all,
      body: JSON.stringify({ jsonrpc: "2.0", id: ctx.id, ...body }),
      signal: controller.signal,
    });
    const text = await response.text().catch(() => "");
    return { status: response.status, code: errorCode(text) };
  } finally {
    clearTimeout(timer);
  }
}

function errorCode(text: string): number | undefined {
  const bodies = text.trimStart().startsWith("{")
    ? [text]
    : text
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5));
  for (const b of bodies) {
    try {
      const code = (JSON.parse(b) as { error?: { code?: unknown } }).error?.code;
      if (typeof code === "number") return code;
    } catch {
      // not JSON
    }
  }
  return undefined;
}

const modernHttpOnly = (ctx: ProbeContext) =>
  ctx.transport !== "streamable-http" ? "Streamable HTTP only" : ctx.era !== "modern" ? "2026-07-28 only" : undefined;
const needsTools = (ctx: ProbeContext) =>
  modernHttpOnly(ctx) ?? ("tools" in ctx.capabilities ? undefined : "the server does not declare 'tools'");

const mismatch = async (
  ctx: HttpProbeContext,
  body: { method: string; params: Record<string, unknown> },
  headers: Record<string, string | undefined>,
): Promise<HttpOutcome> => {
  const got = await post(ctx, body, headers);
  return {
    pass: got.status === 400 && got.code === -32020,
    observed: `HTTP ${got.status}${got.code === undefined ? "" : `, ${codeText(got.code)}`}`,
  };
};

const SEP_2243 = ["sep-2243-server-reject-invalid-headers", "sep-2243-server-reject-error-code"];
const discover = (ctx: HttpProbeContext) => ({ method: "server/discover", params: { ...ctx.meta } });
const callUnknown = (ctx: HttpProbeContext) => ({
  method: "tools/call",
  params: { name: NO_SUCH_TOOL, arguments: {}, ...ctx.meta },
});

function headerCheck(
  id: string,
  title: string,
  run: (ctx: HttpProbeContext) => Promise<HttpOutcome>,
  options: { suite?: string[]; skip?: (ctx: ProbeContext) => string | undefined } = {},
): HttpProbe {
  return {
    id,
    title,
    page: "http",
    level: "must",
    suite: options.suite ?? SEP_2243,
    expected: () => `HTTP 400, ${codeText(-32020)}`,
    skip: options.skip ?? modernHttpOnly,
    run,
  };
}

export const MODERN_HTTP_PROBES: HttpProbe[] = [
  headerCheck(
    "protocol-version-header-mismatch",
    "An MCP-Protocol-Version header that differs from _meta is refused as Header mismatch",
    // Both versions are real ones: only the disagreement is wrong.
    (ctx) =>
      mismatch(ctx, discover(ctx), {
        "mcp-method": "server/discover",
        "mcp-protocol-version": ctx.protocolVersion === "2025-11-25" ? "2025-06-18" : "2025-11-25",
      }),
    { suite: ["sep-2575-http-server-header-mismatch-400"] },
  ),
  headerCheck("method-header-missing", "A request with no Mcp-Method is refused as Header mismatch", (ctx) =>
    mismatch(ctx, discover(ctx), { "mcp-method": undefined }),
  ),
  headerCheck(
    "method-header-case",
    "An Mcp-Method value in another case than the method is refused (values are case-sensitive)",
    (ctx) => mismatch(ctx, discover(ctx), { "mcp-method": "SERVER/DISCOVER" }),
  ),
  headerCheck(
    "name-header-mismatch",
    "A tools/call whose Mcp-Name header differs from params.name is refused",
    (ctx) => mismatch(ctx, callUnknown(ctx), { "mcp-method": "tools/call", "mcp-name": "lens-check-other-name" }),
    { skip: needsTools },
  ),
  headerCheck(
    "name-header-missing",
    "A tools/call without an Mcp-Name header is refused",
    (ctx) => mismatch(ctx, callUnknown(ctx), { "mcp-method": "tools/call", "mcp-name": undefined }),
    { skip: needsTools },
  ),
];
