/**
 * 2026-07-28 session checks on results: caching hints well-formed where a server gives them
 * (SEP-2549), and the resource-not-found error of SEP-2164 (its `data.uri`; never an empty
 * `contents`). A real resource is read only when the person allowed calls.
 */
import { isRecord } from "../base";
import { codeText } from "./probes";
import { sessionFrames, type SessionProbe } from "./sessionProbes";
import { checkId, describeExchanged, exchange, frameJson, seqs } from "./modernExchange";
import { modernOnly } from "./modernDiscover";

const LISTS: [capability: string, method: string][] = [
  ["tools", "tools/list"],
  ["prompts", "prompts/list"],
  ["resources", "resources/list"],
  ["resources", "resources/templates/list"],
];

/** What is wrong with a result's caching hints, if anything. */
function hintProblems(result: Record<string, unknown>): string[] {
  const out: string[] = [];
  if ("ttlMs" in result && !(Number.isInteger(result.ttlMs) && (result.ttlMs as number) >= 0))
    out.push(`ttlMs ${JSON.stringify(result.ttlMs)} is not a non-negative integer`);
  if ("cacheScope" in result && result.cacheScope !== "public" && result.cacheScope !== "private")
    out.push(`cacheScope ${JSON.stringify(result.cacheScope)} is neither "public" nor "private"`);
  return out;
}

const cachingHints: SessionProbe = {
  kind: "session",
  id: "caching-hints",
  title: "Caching hints are well-formed: ttlMs a non-negative integer, cacheScope public or private",
  page: "basic",
  level: "must",
  suite: ["sep-2549-ttl-non-negative", "sep-2549-cache-scope-valid"],
  expected: () => 'where present: ttlMs ≥ 0 (an integer), cacheScope "public" or "private"',
  skip: modernOnly,
  async run(ctx) {
    for (const [capability, method] of LISTS)
      if (capability in ctx.capabilities)
        await exchange(ctx, { id: checkId("cache"), method, params: { ...ctx.meta } });
    // Every result the server sent in this session is judged, the ones just asked for included.
    let withHints = 0;
    for (const frame of sessionFrames(ctx)) {
      if (frame.rpc.type !== "result") continue;
      const result = frameJson(frame)?.result;
      if (!isRecord(result) || !("ttlMs" in result || "cacheScope" in result)) continue;
      withHints++;
      const problems = hintProblems(result);
      if (problems.length) return { pass: false, observed: problems.join("; "), answerSeq: frame.seq };
    }
    return {
      pass: true,
      observed: withHints
        ? `${withHints} result${withHints === 1 ? "" : "s"} with caching hints, all well-formed`
        : "no result in the session carries caching hints (they are optional)",
    };
  },
};

const MISSING = "lens-check://sep-2164-does-not-exist";

const notFoundData: SessionProbe = {
  kind: "session",
  id: "resource-not-found-data",
  title: "The resource-not-found error names the URI in data.uri",
  page: "resources",
  level: "should",
  suite: ["sep-2164-data-uri"],
  expected: () => `${codeText(-32602)} with data.uri "${MISSING}"`,
  skip: (ctx) =>
    modernOnly(ctx) ?? ("resources" in ctx.capabilities ? undefined : "the server does not declare 'resources'"),
  async run(ctx) {
    const x = await exchange(ctx, {
      id: checkId("not-found"),
      method: "resources/read",
      params: { uri: MISSING, ...ctx.meta },
    });
    const data = x.answer?.error?.data;
    const uri = isRecord(data) ? data.uri : undefined;
    const pass = x.answer?.error !== undefined && uri === MISSING;
    const observed = pass
      ? `${describeExchanged(x)}, data.uri "${MISSING}"`
      : x.answer?.error
        ? `${describeExchanged(x)}, data.uri ${JSON.stringify(uri) ?? "missing"}`
        : describeExchanged(x);
    return { pass, observed, ...seqs(x) };
  },
};

const noEmptyContents: SessionProbe = {
  kind: "session",
  id: "resource-contents-not-empty",
  title: "resources/read never answers with an empty contents array",
  page: "resources",
  level: "must",
  suite: ["sep-2164-no-empty-contents"],
  expected: () =>
    "an error for a missing resource, not contents: [] (with calls allowed, a listed resource is read too)",
  skip: (ctx) =>
    modernOnly(ctx) ?? ("resources" in ctx.capabilities ? undefined : "the server does not declare 'resources'"),
  async run(ctx) {
    const empty = (r: unknown) => isRecord(r) && Array.isArray(r.contents) && r.contents.length === 0;
    const x = await exchange(ctx, {
      id: checkId("empty"),
      method: "resources/read",
      params: { uri: MISSING, ...ctx.meta },
    });
    if (empty(x.answer?.result))
      return { pass: false, observed: `a missing resource: ${describeExchanged(x)}`, ...seqs(x) };
    if (!ctx.allowCalls) return { pass: true, observed: `a missing resource: ${describeExchanged(x)}`, ...seqs(x) };
    const list = await exchange(ctx, { id: checkId("list"), method: "resources/list", params: { ...ctx.meta } });
    const first =
      isRecord(list.answer?.result) && Array.isArray(list.answer.result.resources)
        ? list.answer.result.resources[0]
        : undefined;
    const uri = isRecord(first) && typeof first.uri === "string" ? first.uri : undefined;
    if (!uri)
      return {
        pass: true,
        observed: `a missing resource: ${describeExchanged(x)}; no listed resource to read`,
        ...seqs(x),
      };
    const read = await exchange(ctx, { id: checkId("read"), method: "resources/read", params: { uri, ...ctx.meta } });
    const r = read.answer?.result;
    const count = isRecord(r) && Array.isArray(r.contents) ? r.contents.length : undefined;
    return {
      pass: !empty(r),
      observed: `a missing resource: ${describeExchanged(x)}; ${uri}: ${count === undefined ? describeExchanged(read) : `${count} content item${count === 1 ? "" : "s"}`}`,
      ...seqs(read),
    };
  },
};

export const MODERN_RESOURCE_PROBES: SessionProbe[] = [cachingHints, notFoundData, noEmptyContents];
