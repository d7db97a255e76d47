/**
 * The spot-check probes: small, deliberately off-the-happy-path messages whose correct answer the
 * specification (or JSON-RPC 2.0, which MCP builds on) fixes. Each probe is data plus a judge;
 * `runSpotCheck` sends them on the live connection, so every exchange is in the traffic log.
 * None of them calls a real tool, reads a real resource or changes anything on the server.
 */
import type { SpecPage } from "../inspect";
import { isRecord } from "../base";

export interface ProbeContext {
  era: "legacy" | "modern";
  protocolVersion: string;
  transport: "stdio" | "streamable-http" | "sse";
  /** The server's declared capabilities (keys only matter). */
  capabilities: Record<string, unknown>;
  /** The per-request `_meta` a 2026-07-28 request needs ({} in the legacy era). */
  meta: Record<string, unknown>;
}

/** What came back for a probe. */
export type Answer =
  | { kind: "result"; result: unknown }
  | { kind: "error"; code: number; message: string }
  | { kind: "none"; why: string };

export interface Judgement {
  pass: boolean;
  observed: string;
}

export interface Probe {
  id: string;
  title: string;
  page: SpecPage;
  /** How strongly the specification asks for the answer: a missed "should" is a warning, not a failure. */
  level: "must" | "should";
  /** The official suite's check ids this check judges too (scripts/conformance-server.ts pairs verdicts by them). */
  suite?: readonly string[];
  /** What a conforming server answers, in words. */
  expected(ctx: ProbeContext): string;
  /** Why the probe does not apply to this connection; undefined when it does. */
  skip?(ctx: ProbeContext): string | undefined;
  /** The exact text sent. `id` is the request id to use. */
  message(ctx: ProbeContext, id: string): string;
  /** Also accept an answer with id null (a server cannot read the id of unparseable text). */
  nullIdAnswer?: boolean;
  /** The HTTP status a conforming Streamable HTTP server answers with, when the spec fixes it. */
  httpStatus?(ctx: ProbeContext): number | undefined;
  judge(answer: Answer, ctx: ProbeContext): Judgement;
}

const rpc = (id: string, method: string, params: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: "2.0", id, method, params });

/** Describes an answer in a few words, as the check table shows it. */
export function describeAnswer(answer: Answer): string {
  if (answer.kind === "none") return answer.why;
  if (answer.kind === "error")
    return `error ${answer.code} ${JSON.stringify(answer.message.length > 160 ? `${answer.message.slice(0, 160)}…` : answer.message)}`;
  const r = answer.result;
  if (isRecord(r) && r.isError === true) return "a tool result with isError: true (a tool execution error)";
  const text = JSON.stringify(r) ?? "undefined";
  return `result ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`;
}

/** Passes on an error with exactly this code. */
function expectCode(code: number): (answer: Answer) => Judgement {
  return (answer) => ({ pass: answer.kind === "error" && answer.code === code, observed: describeAnswer(answer) });
}

const CODE_NAMES: Record<number, string> = {
  [-32700]: "Parse error",
  [-32600]: "Invalid Request",
  [-32601]: "Method not found",
  [-32602]: "Invalid params",
  [-32002]: "Resource not found",
  [-32020]: "Header mismatch",
  [-32022]: "Unsupported protocol version",
};
export const codeText = (code: number) => (CODE_NAMES[code] ? `error ${code} (${CODE_NAMES[code]})` : `error ${code}`);

const needs = (capability: string) => (ctx: ProbeContext) =>
  capability in ctx.capabilities ? undefined : `the server does not declare '${capability}'`;
const modernOnly = (ctx: ProbeContext) => (ctx.era === "modern" ? undefined : "2026-07-28 only");
const NO_SUCH = "lens-check-does-not-exist";

export const PROBES: Probe[] = [
  {
    id: "unknown-method",
    suite: ["sep-2575-http-server-method-not-found-404"],
    level: "must",
    title: "An unknown method is refused as Method not found",
    page: "basic",
    expected: () => codeText(-32601),
    httpStatus: (ctx) => (ctx.era === "modern" ? 404 : undefined),
    message: (ctx, id) => rpc(id, "lens/check/no-such-method", ctx.meta),
    judge: expectCode(-32601),
  },
  {
    id: "parse-error",
    level: "must",
    title: "Text that is not JSON gets a Parse error",
    page: "basic",
    expected: () => `${codeText(-32700)} with id null`,
    skip: (ctx) => (ctx.transport === "stdio" ? undefined : "stdio only: over HTTP the SDK transport sends JSON"),
    message: () => '{"jsonrpc": "2.0", "id": "lens-check-unparseable", "method": "tools/list"',
    nullIdAnswer: true,
    judge: expectCode(-32700),
  },
  {
    id: "invalid-request",
    level: "must",
    title: "A request without a method gets Invalid Request",
    page: "basic",
    expected: () => codeText(-32600),
    message: (ctx, id) => JSON.stringify({ jsonrpc: "2.0", id, params: ctx.meta }),
    nullIdAnswer: true,
    judge: expectCode(-32600),
  },
  {
    id: "ping",
    suite: ["ping", "sep-2575-http-server-method-not-found-404-ping"],
    level: "must",
    title: "ping is answered with an empty result (removed in 2026-07-28: Method not found)",
    page: "ping",
    expected: (ctx) => (ctx.era === "modern" ? codeText(-32601) : "result {}"),
    httpStatus: (ctx) => (ctx.era === "modern" ? 404 : undefined),
    message: (ctx, id) => rpc(id, "ping", ctx.meta),
    judge: (answer, ctx) => {
      if (ctx.era === "modern") return expectCode(-32601)(answer);
      const empty =
        answer.kind === "result" &&
        isRecord(answer.result) &&
        Object.keys(answer.result).filter((k) => k !== "_meta").length === 0;
      return { pass: empty, observed: describeAnswer(answer) };
    },
  },
  {
    id: "tools-call-without-name",
    level: "must",
    title: "tools/call without a name is Invalid params",
    page: "tools",
    expected: () => codeText(-32602),
    skip: needs("tools"),
    message: (ctx, id) => rpc(id, "tools/call", { arguments: {}, ...ctx.meta }),
    judge: expectCode(-32602),
  },
  {
    id: "tools-call-unknown",
    level: "should",
    title: "Calling a tool that does not exist is a protocol error, not a tool result",
    page: "tools",
    expected: () => codeText(-32602),
    skip: needs("tools"),
    message: (ctx, id) => rpc(id, "tools/call", { name: NO_SUCH, arguments: {}, ...ctx.meta }),
    judge: expectCode(-32602),
  },
  {
    id: "resources-read-unknown",
    suite: ["sep-2164-error-code"],
    level: "should",
    title: "Reading a resource that does not exist is Resource not found",
    page: "resources",
    // SEP-2164 standardised -32602 (2026-07-28); before it the spec's example used -32002, and both are right.
    expected: (ctx) => (ctx.era === "modern" ? codeText(-32602) : `${codeText(-32002)} or ${codeText(-32602)}`),
    skip: needs("resources"),
    message: (ctx, id) => rpc(id, "resources/read", { uri: `lens-check://${NO_SUCH}`, ...ctx.meta }),
    judge: (answer, ctx) => {
      const ok =
        answer.kind === "error" && (answer.code === -32602 || (ctx.era === "legacy" && answer.code === -32002));
      return { pass: ok, observed: describeAnswer(answer) };
    },
  },
  {
    id: "prompts-get-unknown",
    level: "should",
    title: "Getting a prompt that does not exist is Invalid params",
    page: "prompts",
    expected: () => codeText(-32602),
    skip: needs("prompts"),
    message: (ctx, id) => rpc(id, "prompts/get", { name: NO_SUCH, ...ctx.meta }),
    judge: expectCode(-32602),
  },
  {
    id: "missing-meta",
    suite: ["sep-2575-request-meta-invalid-missing-meta", "sep-2575-http-server-meta-invalid-400"],
    level: "must",
    title: "A 2026-07-28 request without its _meta is Invalid params",
    page: "basic",
    expected: () => codeText(-32602),
    skip: modernOnly,
    httpStatus: () => 400,
    message: (_ctx, id) => rpc(id, "tools/list", {}),
    judge: expectCode(-32602),
  },
  {
    id: "unsupported-version",
    suite: ["sep-2575-server-unsupported-version-error", "sep-2575-http-server-unsupported-version-400"],
    level: "must",
    title: "A request naming an unknown protocol version is refused",
    page: "versioning",
    // The version named in _meta is the one the server must judge: an unknown one is -32022 on every
    // transport (the SDK client copies the header from _meta, so a real client never sends them apart).
    expected: () => codeText(-32022),
    skip: modernOnly,
    httpStatus: () => 400,
    message: (ctx, id) =>
      rpc(id, "tools/list", {
        ...ctx.meta,
        _meta: { ...(ctx.meta._meta as object), "io.modelcontextprotocol/protocolVersion": "1999-01-01" },
      }),
    judge: expectCode(-32022),
  },
];
