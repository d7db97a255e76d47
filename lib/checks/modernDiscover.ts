/**
 * 2026-07-28 session checks around `server/discover`: its mandatory fields and the server's
 * identity, declared capabilities against the list methods served, the unsupported-version error's
 * data, and the request id on error answers.
 */
import { isRecord } from "../base";
import { codeText, type ProbeContext } from "./probes";
import type { SessionOutcome, SessionProbe, SessionProbeContext } from "./sessionProbes";
import { checkId, describeExchanged, exchange, META, metaWith, seqs, type Exchanged } from "./modernExchange";

export const modernOnly = (ctx: ProbeContext) => (ctx.era === "modern" ? undefined : "2026-07-28 only");

export const discover = (ctx: SessionProbeContext) =>
  exchange(ctx, { id: checkId("discover"), method: "server/discover", params: { ...ctx.meta } });

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

const discoverFields: SessionProbe = {
  kind: "session",
  id: "discover-result",
  title: "server/discover answers with supportedVersions and capabilities",
  page: "discover",
  level: "must",
  suite: ["sep-2575-server-implements-discover"],
  expected: (ctx) => `a result with supportedVersions (naming ${ctx.protocolVersion}) and a capabilities object`,
  skip: modernOnly,
  async run(ctx) {
    const x = await discover(ctx);
    const r = x.answer?.result;
    if (!isRecord(r)) return { pass: false, observed: describeExchanged(x), ...seqs(x) };
    const problems: string[] = [];
    if (!isStringArray(r.supportedVersions) || r.supportedVersions.length === 0)
      problems.push(`supportedVersions is ${JSON.stringify(r.supportedVersions) ?? "missing"}`);
    else if (!r.supportedVersions.includes(ctx.protocolVersion))
      problems.push(`supportedVersions ${JSON.stringify(r.supportedVersions)} leaves out ${ctx.protocolVersion}`);
    if (!isRecord(r.capabilities)) problems.push(`capabilities is ${JSON.stringify(r.capabilities) ?? "missing"}`);
    const observed = problems.length
      ? problems.join("; ")
      : `supportedVersions ${JSON.stringify(r.supportedVersions)}, capabilities ${Object.keys(r.capabilities as object).join(", ") || "(none)"}`;
    return { pass: problems.length === 0, observed, ...seqs(x) };
  },
};

const discoverServerInfo: SessionProbe = {
  kind: "session",
  id: "discover-server-info",
  title: "The discover result names the server in _meta serverInfo",
  page: "discover",
  level: "should",
  suite: ["sep-2575-server-identifies-in-result-meta"],
  expected: () => `_meta["${META.serverInfo}"] with a name and a version`,
  skip: modernOnly,
  async run(ctx) {
    const x = await discover(ctx);
    const r = x.answer?.result;
    const info = isRecord(r) && isRecord(r._meta) ? r._meta[META.serverInfo] : undefined;
    const pass = isRecord(info) && typeof info.name === "string" && typeof info.version === "string";
    const observed = pass
      ? `${String(info.name)} ${String(info.version)}`
      : isRecord(r) && "serverInfo" in r
        ? "serverInfo only in the result body (before spec PR #3002), not in _meta"
        : isRecord(r)
          ? "no serverInfo in the result's _meta"
          : describeExchanged(x);
    return { pass, observed, ...seqs(x) };
  },
};

/** Declared capability → its list method answers; not declared → Method not found. */
function capabilityMatches(capability: "tools" | "prompts" | "resources", suite: string[]): SessionProbe {
  const method = `${capability}/list`;
  return {
    kind: "session",
    id: `capability-${capability}-served`,
    title: `The '${capability}' capability is declared exactly when ${method} is served`,
    page: "discover",
    level: "must",
    suite,
    expected: (ctx) =>
      capability in ctx.capabilities
        ? `${method} answers with a ${capability} array (the capability is declared)`
        : `${codeText(-32601)} for ${method} (the capability is not declared)`,
    skip: modernOnly,
    async run(ctx) {
      const x = await exchange(ctx, { id: checkId(capability), method, params: { ...ctx.meta } });
      const answer = x.answer;
      const served = isRecord(answer?.result) && Array.isArray(answer.result[capability]);
      const observed = describeExchanged(x);
      if (capability in ctx.capabilities) return { pass: served, observed, ...seqs(x) };
      if (answer?.result !== undefined)
        return { pass: false, observed: `${observed}: served without declaring '${capability}'`, ...seqs(x) };
      return { pass: answer?.error?.code === -32601, observed, ...seqs(x) };
    },
  };
}

const unsupportedVersionData: SessionProbe = {
  kind: "session",
  id: "unsupported-version-data",
  title: "The unsupported-version error lists the supported versions and echoes the requested one",
  page: "versioning",
  level: "must",
  suite: ["sep-2575-server-unsupported-version-error"],
  expected: () => `${codeText(-32022)} with data.supported (versions from server/discover) and data.requested`,
  skip: modernOnly,
  async run(ctx) {
    const known = (await discover(ctx)).answer?.result;
    const supportedByDiscover =
      isRecord(known) && isStringArray(known.supportedVersions) ? known.supportedVersions : [];
    const requested = "1999-01-01";
    const x = await exchange(ctx, {
      id: checkId("version"),
      method: "server/discover",
      params: { _meta: metaWith(ctx, { [META.version]: requested }) },
    });
    const error = x.answer?.error;
    if (error?.code !== -32022) return { pass: false, observed: describeExchanged(x), ...seqs(x) };
    const data = isRecord(error.data) ? error.data : {};
    const problems: string[] = [];
    if (!isStringArray(data.supported) || data.supported.length === 0)
      problems.push(`data.supported is ${JSON.stringify(data.supported) ?? "missing"}`);
    else if (supportedByDiscover.length && !data.supported.every((v) => supportedByDiscover.includes(v)))
      problems.push(`data.supported ${JSON.stringify(data.supported)} is not what server/discover lists`);
    if (data.requested !== requested)
      problems.push(`data.requested is ${JSON.stringify(data.requested) ?? "missing"}, not "${requested}"`);
    const observed = problems.length
      ? problems.join("; ")
      : `error -32022, supported ${JSON.stringify(data.supported)}, requested "${requested}"`;
    return { pass: problems.length === 0, observed, ...seqs(x) };
  },
};

/** The first error answer among the frames after a request (on its exchange over HTTP). */
const firstError = (x: Exchanged) => x.frames.find((f) => f.rpc.type === "error");

const errorIds: SessionProbe = {
  kind: "session",
  id: "error-carries-request-id",
  title: "Error answers carry the id of the request they refuse",
  page: "basic",
  level: "must",
  suite: ["sep-2575-http-server-error-jsonrpc-id"],
  expected: () => "the request's id on each error (unknown method, no _meta, unknown version)",
  skip: modernOnly,
  async run(ctx): Promise<SessionOutcome> {
    const cases: [string, Record<string, unknown>][] = [
      ["lens/check/no-such-method", { ...ctx.meta }],
      ["server/discover", {}],
      ["server/discover", { _meta: metaWith(ctx, { [META.version]: "1999-01-01" }) }],
    ];
    const seen: string[] = [];
    let first: Exchanged | undefined;
    for (const [method, params] of cases) {
      const id = checkId("error-id");
      const x = await exchange(ctx, { id, method, params }, { done: (y) => firstError(y) !== undefined });
      first ??= x;
      const error = firstError(x);
      if (!error) {
        // A missing error is another check's failure (unsupported-version, missing-meta); here only ids count.
        seen.push(`${method}: ${describeExchanged(x).slice(0, 40)}…, not an error`);
        continue;
      }
      const got = error.rpc.type === "error" ? error.rpc.id : undefined;
      if (got !== id)
        return {
          pass: false,
          observed: `${method}: the error's id is ${JSON.stringify(got)}, not "${id}"`,
          requestSeq: x.requestSeq,
          answerSeq: error.seq,
        };
      seen.push(`${method} → ${error.rpc.type === "error" ? error.rpc.code : "?"}`);
    }
    const errors = seen.filter((s) => !s.endsWith("not an error")).length;
    return {
      pass: errors > 0,
      observed: errors
        ? `${errors} error${errors === 1 ? "" : "s"}, each with its request's id (${seen.join("; ")})`
        : `no error answer to judge (${seen.join("; ")})`,
      ...seqs(first!),
    };
  },
};

export const MODERN_DISCOVER_PROBES: SessionProbe[] = [
  discoverFields,
  discoverServerInfo,
  capabilityMatches("tools", ["sep-2575-discover-capabilities-match-handlers"]),
  capabilityMatches("prompts", ["sep-2575-server-declares-prompts-in-discover"]),
  capabilityMatches("resources", []),
  unsupportedVersionData,
  errorIds,
];
