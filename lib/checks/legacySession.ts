/**
 * 2025-11-25 session checks judged from what the handshake already left in the traffic log (the
 * initialize result, the Mcp-Session-Id, the answer to notifications/initialized), plus the small
 * exchanges a declared capability promises (logging/setLevel, resources/subscribe + unsubscribe)
 * and several requests in flight at once.
 */
import { isRecord } from "../base";
import { handshakeSteps } from "../session";
import type { FrameEntry, HttpEntry } from "../traffic";
import { describeAnswer, type ProbeContext } from "./probes";
import type { Asked, SessionProbe, SessionProbeContext } from "./sessionProbes";

const legacyOnly = (ctx: ProbeContext) => (ctx.era === "legacy" ? undefined : "2025 era only (initialize handshake)");
const legacyHttp = (ctx: ProbeContext) =>
  legacyOnly(ctx) ?? (ctx.transport === "streamable-http" ? undefined : "Streamable HTTP only");
const needs = (ctx: ProbeContext, capability: string, sub?: string) => {
  const declared = ctx.capabilities[capability];
  if (declared === undefined) return `the server does not declare '${capability}'`;
  if (sub && !(isRecord(declared) && declared[sub] === true))
    return `the server does not declare '${capability}.${sub}'`;
  return undefined;
};
const harmlessMethod = (ctx: ProbeContext) => (ctx.era === "modern" ? "server/discover" : "ping");
const emptyResult = (a: Asked) =>
  a.kind === "result" && isRecord(a.result) && Object.keys(a.result).filter((k) => k !== "_meta").length === 0;

/** The latest session's initialize step (its request and answer), from the log. */
function initializeStep(ctx: SessionProbeContext) {
  return handshakeSteps(ctx.log).find((s) => s.method === "initialize" && !s.negotiation);
}

/** HTTP responses of the live session, in log order. */
function sessionResponses(ctx: SessionProbeContext): HttpEntry[] {
  return ctx.log.entries
    .slice(ctx.sessionStart)
    .filter((e): e is HttpEntry => e.kind === "http" && e.phase === "response");
}

/** The problems with an InitializeResult's required structure (empty when there are none). */
export function initializeProblems(result: unknown): string[] {
  if (!isRecord(result)) return ["the result is not an object"];
  const problems: string[] = [];
  if (typeof result.protocolVersion !== "string") problems.push("protocolVersion is not a string");
  if (!isRecord(result.capabilities)) problems.push("capabilities is not an object");
  const info = result.serverInfo;
  if (!isRecord(info)) problems.push("serverInfo is missing");
  else {
    if (typeof info.name !== "string" || info.name === "") problems.push("serverInfo.name is not a non-empty string");
    if (typeof info.version !== "string") problems.push("serverInfo.version is not a string");
  }
  return problems;
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

export const LEGACY_SESSION_PROBES: SessionProbe[] = [
  {
    kind: "session",
    id: "initialize-result",
    title: "The initialize result has protocolVersion, capabilities and serverInfo (name, version)",
    page: "lifecycle",
    level: "must",
    suite: ["server-initialize"],
    expected: () => "protocolVersion: string, capabilities: object, serverInfo: { name, version }",
    skip: legacyOnly,
    run(ctx) {
      const step = initializeStep(ctx);
      const answer = step?.response;
      if (!step || !answer) return Promise.resolve({ skipped: "no initialize answer in this session's log" });
      let result: unknown;
      try {
        result = (JSON.parse(answer.raw) as { result?: unknown }).result;
      } catch {
        result = undefined;
      }
      const problems = answer.rpc.type === "result" ? initializeProblems(result) : [`answered ${answer.rpc.type}`];
      const info = isRecord(result) && isRecord(result.serverInfo) ? result.serverInfo : {};
      return Promise.resolve({
        pass: problems.length === 0,
        observed: problems.length
          ? problems.join("; ")
          : `protocolVersion ${String((result as Record<string, unknown>).protocolVersion)}, serverInfo ${String(info.name)} ${String(info.version)}`,
        requestSeq: step.request.seq,
        answerSeq: answer.seq,
      });
    },
  },
  {
    kind: "session",
    id: "session-id-visible-ascii",
    title: "The Mcp-Session-Id holds only visible ASCII (0x21–0x7E)",
    page: "http",
    level: "must",
    suite: ["server-session-id-visible-ascii"],
    expected: () => "an Mcp-Session-Id of characters 0x21–0x7E only",
    skip: legacyHttp,
    run(ctx) {
      const ids = [...new Set(sessionResponses(ctx).flatMap((r) => r.headers["mcp-session-id"] ?? []))];
      if (ids.length === 0)
        return Promise.resolve({ skipped: "the server issued no Mcp-Session-Id (a session id is optional)" });
      const bad = ids.filter((id) => !VISIBLE_ASCII.test(id));
      return Promise.resolve({
        pass: bad.length === 0,
        observed: bad.length
          ? `Mcp-Session-Id ${JSON.stringify(bad[0])} has characters outside 0x21–0x7E`
          : `Mcp-Session-Id ${JSON.stringify(ids[0])} (${ids[0]!.length} characters)`,
      });
    },
  },
  {
    kind: "session",
    id: "initialized-accepted",
    title: "notifications/initialized is accepted with HTTP 202",
    page: "http",
    level: "must",
    suite: ["server-session-initialized-accepted"],
    expected: () => "HTTP 202 Accepted, no body (a 2xx)",
    skip: legacyHttp,
    run(ctx) {
      const step = handshakeSteps(ctx.log).find((s) => s.method === "notifications/initialized");
      if (!step) return Promise.resolve({ skipped: "no notifications/initialized in this session's log" });
      const status = step.http?.status;
      const ok = status !== undefined && status >= 200 && status < 300;
      return Promise.resolve({
        pass: ok,
        observed:
          status === undefined ? "no HTTP answer" : `HTTP ${status}${ok && status !== 202 ? " (a 2xx, not 202)" : ""}`,
        requestSeq: step.request.seq,
      });
    },
  },
  {
    kind: "session",
    id: "logging-set-level",
    title: "logging/setLevel is answered with an empty result",
    page: "logging",
    level: "must",
    suite: ["logging-set-level"],
    expected: () => 'result {} for level "info"',
    skip: (ctx) => legacyOnly(ctx) ?? needs(ctx, "logging"),
    async run(ctx) {
      const a = await ctx.ask("logging/setLevel", { level: "info" });
      return { pass: emptyResult(a), observed: describeAnswer(a), requestSeq: a.requestSeq, answerSeq: a.answerSeq };
    },
  },
  {
    kind: "session",
    id: "resources-subscribe",
    title: "resources/subscribe and resources/unsubscribe are answered when resources.subscribe is declared",
    page: "resources",
    level: "must",
    suite: ["resources-subscribe", "resources-unsubscribe"],
    expected: () => "result {} for subscribe, then for unsubscribe",
    skip: (ctx) => legacyOnly(ctx) ?? needs(ctx, "resources", "subscribe"),
    async run(ctx) {
      const listed = await ctx.ask("resources/list");
      const resources = listed.kind === "result" && isRecord(listed.result) ? listed.result.resources : undefined;
      const taken = subscribedUris(ctx);
      const uri = (Array.isArray(resources) ? resources : [])
        .map((r) => (isRecord(r) ? r.uri : undefined))
        .find((u): u is string => typeof u === "string" && !taken.has(u));
      if (!uri)
        return {
          skipped: `no resource to subscribe to (resources/list: ${describeAnswer(listed)}), or all are subscribed already`,
        };
      const sub = await ctx.ask("resources/subscribe", { uri });
      const unsub = await ctx.ask("resources/unsubscribe", { uri });
      return {
        pass: emptyResult(sub) && emptyResult(unsub),
        observed: `${uri}: subscribe ${describeAnswer(sub)}; unsubscribe ${describeAnswer(unsub)}`,
        requestSeq: sub.requestSeq,
        answerSeq: sub.answerSeq,
      };
    },
  },
  {
    kind: "session",
    id: "concurrent-requests",
    title: "Several requests in flight at once are each answered (over HTTP, each POST on its own stream)",
    page: "http",
    level: "must",
    suite: ["server-accepts-multiple-post-streams", "server-sse-streams-functional"],
    expected: (ctx) =>
      `3 concurrent ${harmlessMethod(ctx)} requests, each answered by id (over HTTP: 2xx, the answer in its own POST's body)`,
    async run(ctx) {
      // ping, or server/discover in 2026-07-28 (where ping is gone).
      const method = harmlessMethod(ctx);
      const answers = await Promise.all([1, 2, 3].map(() => ctx.ask(method)));
      const answered = (a: Asked) => (ctx.era === "modern" ? a.kind === "result" : emptyResult(a));
      const problems = answers.flatMap((a, i) => (answered(a) ? [] : [`${method} ${i + 1}: ${describeAnswer(a)}`]));
      if (ctx.transport === "streamable-http") problems.push(...streamProblems(ctx, answers));
      return {
        pass: problems.length === 0,
        observed: problems.length
          ? problems.join("; ")
          : `3 of 3 answered${ctx.transport === "streamable-http" ? ", each on its own stream" : ""}`,
        requestSeq: answers[0]?.requestSeq,
        answerSeq: answers[0]?.answerSeq,
      };
    },
  },
];

/** URIs a resources/subscribe in this session left subscribed (a person's subscriptions are not touched). */
function subscribedUris(ctx: SessionProbeContext): Set<string> {
  const uris = new Set<string>();
  for (let i = ctx.sessionStart; i < ctx.log.entries.length; i++) {
    const e = ctx.log.entries[i]!;
    if (e.kind !== "frame" || e.direction !== "outgoing" || e.rpc.type !== "request") continue;
    if (e.rpc.method !== "resources/subscribe" && e.rpc.method !== "resources/unsubscribe") continue;
    const uri = paramsUri(e);
    if (uri) e.rpc.method === "resources/subscribe" ? uris.add(uri) : uris.delete(uri);
  }
  return uris;
}

function paramsUri(frame: FrameEntry): string | undefined {
  try {
    const uri = (JSON.parse(frame.raw) as { params?: { uri?: unknown } }).params?.uri;
    return typeof uri === "string" ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** Over HTTP: each request went in a POST of its own, answered 2xx, with its answer in that POST's body. */
function streamProblems(ctx: SessionProbeContext, answers: Asked[]): string[] {
  const problems: string[] = [];
  const exchanges = new Set<number>();
  answers.forEach((a, i) => {
    // Found through the answer's pairing: with requests in flight together, log order says nothing.
    const answer = a.answerSeq === undefined ? undefined : ctx.log.entries[a.answerSeq];
    const paired = answer?.kind === "frame" ? answer.pairedSeq : undefined;
    const request = paired === undefined ? undefined : ctx.log.entries[paired];
    if (request?.kind !== "frame" || request.channel.transport !== "http") return;
    const exchange = request.channel.exchange;
    exchanges.add(exchange);
    const status = ctx.log.entries.find(
      (e): e is HttpEntry => e.kind === "http" && e.exchange === exchange && e.phase !== "request",
    );
    if (status && (status.phase === "failed" || (status.status ?? 0) >= 300))
      problems.push(`ping ${i + 1}: ${status.phase === "failed" ? "the POST failed" : `HTTP ${status.status}`}`);
    if (answer?.kind === "frame" && answer.channel.transport === "http" && answer.channel.exchange !== exchange)
      problems.push(`ping ${i + 1}: answered on another stream`);
  });
  if (exchanges.size < answers.length) problems.push(`${answers.length} requests went in ${exchanges.size} POSTs`);
  return problems;
}
