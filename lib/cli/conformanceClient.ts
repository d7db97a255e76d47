import type { Tool } from "@modelcontextprotocol/client";
import { errorMessage, isRecord, PROTOCOL_CHOICES, type ConnectionConfig, type ProtocolChoice } from "../base";
import { openItems, type ServerRequestItem } from "../client";
import { InspectorSession, OAUTH_MESSAGE_TYPE, type AuthorizationPage, type SessionDeps } from "../session";

/** Where the suite's authorization servers redirect (they approve at once; nothing listens there). */
const CONFORMANCE_REDIRECT = "http://localhost:3000/callback";
/** The suite's Client ID Metadata Document URL (used when its authorization server advertises CIMD). */
const CONFORMANCE_CIMD = "https://conformance-test.local/client-metadata.json";

/**
 * MCP Lens's client as the official conformance suite drives it: `conformance client --command
 * "mcp-lens conformance-client"` starts it with the mock server's URL and the scenario in
 * MCP_CONFORMANCE_SCENARIO (the version in MCP_CONFORMANCE_PROTOCOL_VERSION). It uses the same
 * InspectorSession as the page, answers what a person would answer (an elicitation accepted with the
 * schema's defaults, a sampling request with a fixed text), and does what the scenario asks.
 */
export async function runConformanceClient(
  serverUrl: string | undefined,
  env: Record<string, string | undefined>,
  io: { err(text: string): void; deps(): SessionDeps },
): Promise<number> {
  const scenario = env.MCP_CONFORMANCE_SCENARIO;
  if (!serverUrl || !scenario) {
    io.err("usage: MCP_CONFORMANCE_SCENARIO=<scenario> mcp-lens conformance-client <server-url>");
    return 2;
  }
  const version = env.MCP_CONFORMANCE_PROTOCOL_VERSION;
  const protocol: ProtocolChoice = (PROTOCOL_CHOICES as readonly string[]).includes(version ?? "")
    ? (version as ProtocolChoice)
    : "auto";
  const context = parseContext(env.MCP_CONFORMANCE_CONTEXT);
  const clientId = typeof context?.client_id === "string" ? context.client_id : "";
  const clientSecret = typeof context?.client_secret === "string" ? context.client_secret : "";
  const config: ConnectionConfig = {
    id: "conformance",
    name: scenario,
    transport: "streamable-http",
    url: serverUrl,
    headers: [],
    protocol,
    clientFeatures: { roots: false, tasks: false },
    // OAuth as the page does it (lib/session/authorization.ts): the suite's context may name a pre-registered client.
    oauth: { clientId, clientSecret, clientMetadataUrl: clientId ? "" : CONFORMANCE_CIMD, scope: "" },
  };
  const session = new InspectorSession(config, { ...io.deps(), oauthRedirectUrl: CONFORMANCE_REDIRECT });
  const stop = session.clientFeatures.requests.subscribe(() => {
    for (const item of openItems(session.clientFeatures.requests.get())) answer(session, item);
  });
  try {
    await session.connect();
    // Authorization required: the suite's authorization server approves at once; its redirect is the callback.
    for (let round = 0; round < 2 && session.authorization.required; round++) await session.authorize(headlessPage());
    const failure = session.state.failure;
    if (session.state.status !== "connected" || failure)
      throw new Error(`${failure?.title ?? "not connected"} ${failure?.detail ?? ""}`);
    const calls = contextCalls(env.MCP_CONFORMANCE_CONTEXT) ?? callsFor(scenario, session.state.lists.tools.items);
    for (const [name, args] of calls) {
      let outcome = await session.tools.call(session.client!, name, args, { timeoutMs: 25_000 });
      // A scope step-up (403 insufficient_scope): authorize the wider scope, then call again.
      if (outcome.kind === "failed" && session.authorization.required) {
        await session.authorize(headlessPage());
        if (session.client) outcome = await session.tools.call(session.client, name, args, { timeoutMs: 25_000 });
      }
      // A call that fails is the scenario's business to judge (some scenarios send odd results on purpose).
      if (outcome.kind === "failed") io.err(`${name}: ${outcome.message}`);
    }
    return 0;
  } catch (error) {
    io.err(`mcp-lens conformance-client (${scenario}): ${errorMessage(error)}`);
    return 1;
  } finally {
    stop();
    await session.disconnect();
  }
}

function parseContext(context: string | undefined): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(context ?? "null");
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The popup, played without a browser: the suite's authorization endpoint redirects at once, so
 * the redirect's Location is the callback; its parameters are handed over as the callback page does.
 */
function headlessPage(): AuthorizationPage {
  const target = new EventTarget();
  const origin = new URL(CONFORMANCE_REDIRECT).origin;
  return {
    origin,
    target: target as unknown as AuthorizationPage["target"],
    open: (url) => {
      void fetch(url, { redirect: "manual" })
        .then((answer) => {
          const location = answer.headers.get("location");
          const params = location ? new URL(location, url).searchParams : new URLSearchParams();
          const data = {
            type: OAUTH_MESSAGE_TYPE,
            code: params.get("code"),
            state: params.get("state"),
            iss: params.get("iss"),
            error: params.get("error") ?? (location ? null : `no redirect (HTTP ${answer.status})`),
            errorDescription: params.get("error_description"),
          };
          target.dispatchEvent(new MessageEvent("message", { origin, data }));
        })
        .catch(() => {});
    },
  };
}

/** The calls the suite names in MCP_CONFORMANCE_CONTEXT (`toolCalls`: name and arguments), when it names some. */
function contextCalls(context: string | undefined): [string, unknown][] | undefined {
  try {
    const calls = (JSON.parse(context ?? "null") as { toolCalls?: unknown } | null)?.toolCalls;
    if (!Array.isArray(calls)) return undefined;
    return calls
      .filter((c): c is { name: string; arguments?: unknown } => isRecord(c) && typeof c.name === "string")
      .map((c) => [c.name, c.arguments ?? {}]);
  } catch {
    return undefined;
  }
}

/** The tool calls a scenario expects (the suite's mock servers name their tools after the scenario). */
function callsFor(scenario: string, tools: readonly Tool[]): [string, unknown][] {
  const has = (name: string) => tools.some((t) => t.name === name);
  const known: Record<string, [string, unknown]> = {
    tools_call: ["add_numbers", { a: 5, b: 3 }],
    "elicitation-sep1034-client-defaults": ["test_client_elicitation_defaults", {}],
    "sse-retry": ["test_reconnection", {}],
  };
  // Echo a tool's inputSchema back as the client holds it (json-schema-2020-12-preservation): what
  // the person would see in the Tools view, every keyword kept. The echo tool's own description
  // names the tool whose schema it wants.
  const echo = tools.find((t) => t.name === "json_schema_echo");
  if (echo) {
    const wanted = /observed for (\S+)/.exec(JSON.stringify(echo.inputSchema))?.[1];
    const focal = tools.find((t) => t.name === wanted) ?? tools.find((t) => t !== echo);
    return focal ? [[echo.name, { schema: focal.inputSchema }]] : [];
  }
  const call = known[scenario];
  if (call) return has(call[0]) ? [call] : [];
  if (scenario === "initialize") return [];
  // Other scenarios: call each tool once with the smallest arguments its schema allows.
  return tools.map((t) => [t.name, minimalArgs(t.inputSchema)]);
}

function minimalArgs(schema: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(schema) || !isRecord(schema.properties)) return out;
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (!required.includes(key) || !isRecord(prop)) continue;
    out[key] = "default" in prop ? prop.default : sample(prop);
  }
  return out;
}

function sample(prop: Record<string, unknown>): unknown {
  if (Array.isArray(prop.enum)) return prop.enum[0];
  if ("const" in prop) return prop.const;
  switch (prop.type) {
    case "number":
    case "integer":
      return typeof prop.minimum === "number" ? prop.minimum : 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "object":
      return minimalArgs(prop);
    default:
      return "test";
  }
}

/** What a person in a hurry answers: an elicitation accepted with the schema's defaults, a fixed sampling text. */
function answer(session: InspectorSession, item: ServerRequestItem): void {
  const requests = session.clientFeatures.requests;
  if (item.method === "elicitation/create") {
    const params = item.params as { mode?: string; requestedSchema?: { properties?: Record<string, unknown> } };
    if (params.mode === "url") return requests.answer(item.id, { action: "decline" });
    const content: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(params.requestedSchema?.properties ?? {})) {
      if (isRecord(prop) && "default" in prop) content[key] = prop.default;
    }
    return requests.answer(item.id, { action: "accept", content });
  }
  requests.answer(item.id, { role: "assistant", model: "mcp-lens-conformance", content: { type: "text", text: "ok" } });
}
