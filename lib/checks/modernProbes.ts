/**
 * 2026-07-28 single-message probes: the per-request `_meta` with a required field left out (or an
 * optional one), and the methods the revision removed. Each is one request with a fixed answer, run
 * like the probes of ./probes.ts.
 */
import { codeText, describeAnswer, type Answer, type Probe, type ProbeContext } from "./probes";

const modernOnly = (ctx: ProbeContext) => (ctx.era === "modern" ? undefined : "2026-07-28 only");

/** The session's `_meta` without one key. */
function metaWithout(ctx: ProbeContext, key: string): Record<string, unknown> {
  const meta = { ...((ctx.meta._meta as Record<string, unknown> | undefined) ?? {}) };
  delete meta[key];
  return meta;
}

const rpc = (id: string, method: string, params: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: "2.0", id, method, params });

const expectCode = (code: number) => (answer: Answer) => ({
  pass: answer.kind === "error" && answer.code === code,
  observed: describeAnswer(answer),
});

/** A discover request whose `_meta` lacks a required field: Invalid params, HTTP 400. */
function missingField(key: string, name: string, slug: string): Probe {
  return {
    id: `meta-missing-${slug}`,
    level: "must",
    title: `A request whose _meta lacks ${name} is Invalid params`,
    page: "basic",
    suite: [`sep-2575-request-meta-invalid-missing-${slug}`, "sep-2575-http-server-meta-invalid-400"],
    expected: () => codeText(-32602),
    skip: modernOnly,
    httpStatus: () => 400,
    message: (ctx, id) => rpc(id, "server/discover", { _meta: metaWithout(ctx, key) }),
    judge: expectCode(-32602),
  };
}

/** A method 2026-07-28 removed, sent as a 2026-07-28 request: Method not found, HTTP 404. */
function removed(method: string): Probe {
  const slug = method.toLowerCase().replace("/", "-");
  return {
    id: `removed-${slug}`,
    level: "must",
    title: `${method} (removed in 2026-07-28) is Method not found`,
    page: "basic",
    suite: [`sep-2575-http-server-method-not-found-404-${slug}`],
    expected: () => codeText(-32601),
    skip: modernOnly,
    httpStatus: () => 404,
    // Sent with the 2026-07-28 _meta: a server that also speaks 2025 may answer a bare initialize.
    message: (ctx, id) =>
      rpc(id, method, {
        ...(method === "initialize"
          ? { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "mcp-lens-check", version: "0" } }
          : method === "logging/setLevel"
            ? { level: "info" }
            : method.startsWith("resources/")
              ? { uri: "lens-check://removed-method" }
              : {}),
        ...ctx.meta,
      }),
    judge: expectCode(-32601),
  };
}

export const MODERN_MESSAGE_PROBES: Probe[] = [
  missingField("io.modelcontextprotocol/protocolVersion", "protocolVersion", "protocol-version"),
  missingField("io.modelcontextprotocol/clientCapabilities", "clientCapabilities", "client-capabilities"),
  {
    id: "meta-client-info-optional",
    level: "must",
    title: "A request whose _meta has no clientInfo is still served",
    page: "basic",
    suite: ["sep-2575-request-meta-client-info-optional"],
    expected: () => "a result",
    skip: modernOnly,
    httpStatus: () => 200,
    message: (ctx, id) => rpc(id, "server/discover", { _meta: metaWithout(ctx, "io.modelcontextprotocol/clientInfo") }),
    judge: (answer) => ({ pass: answer.kind === "result", observed: describeAnswer(answer) }),
  },
  removed("initialize"),
  removed("logging/setLevel"),
  removed("resources/subscribe"),
  removed("resources/unsubscribe"),
];
