/**
 * What one connection attempt is made of: the SDK client MCP Lens presents itself as, the
 * transport it talks over, the deadline the whole handshake must meet, and the sign that a stdio
 * server died on the version probe (then the attempt is made again, the legacy way).
 */
import type { ClientCapabilities, OAuthClientProvider, Transport } from "@modelcontextprotocol/client";
import type { ConnectionConfig, ListKind, ListState, SessionState, Store } from "../base";
import { LensClient } from "../features";
import type { TrafficLog } from "../traffic";
import { BridgeStdioTransport, withToolParamHeaders } from "../transports";
import { MAX_PAGES } from "./lists";
import { negotiationOptions } from "./negotiation";
import type { SessionDeps } from "./sessionDeps";

export const CLIENT_INFO = { name: "mcp-lens", title: "MCP Lens", version: "0.1.0" };

export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no complete handshake within ${ms} ms`);
  }
}

/** The SDK client of one attempt: the protocol choice as SDK options; a list that changed is loaded by `refresh`, not by the SDK. */
export function newClient(
  config: ConnectionConfig,
  forceLegacy: boolean,
  capabilities: ClientCapabilities,
  refresh: (kind: ListKind, reason: ListState<unknown>["reason"]) => Promise<void>,
): LensClient {
  return new LensClient(CLIENT_INFO, {
    capabilities,
    listMaxPages: MAX_PAGES,
    ...negotiationOptions(config.protocol, config.transport, forceLegacy),
    listChanged: {
      tools: { autoRefresh: false, onChanged: () => void refresh("tools", "list_changed") },
      prompts: { autoRefresh: false, onChanged: () => void refresh("prompts", "list_changed") },
      resources: {
        autoRefresh: false,
        onChanged: () => {
          void refresh("resources", "list_changed");
          void refresh("resourceTemplates", "list_changed");
        },
      },
    },
  });
}

/** The transport of one attempt, built by the session's deps and recording into `log`. */
export function newTransport(
  deps: SessionDeps,
  config: ConnectionConfig,
  log: TrafficLog,
  authProvider: OAuthClientProvider | undefined,
  store: Store<SessionState>,
): Transport {
  const created = deps.createTransport(config, log, authProvider && { authProvider });
  // SEP-2243: tools/call over Streamable HTTP mirrors the listed tool's x-mcp-header parameters.
  return config.transport === "streamable-http"
    ? withToolParamHeaders(created, (name) => listedTool(store.get(), name)?.inputSchema)
    : created;
}

/** A tool of the loaded list by name (invalid entries, set aside, are not in it). */
function listedTool(state: SessionState, name: string): { inputSchema?: unknown } | undefined {
  return (state.lists.tools.items as { name?: unknown; inputSchema?: unknown }[]).find((t) => t.name === name);
}

/**
 * The deadline of one handshake, running from now: `signal` aborts it and `expired` rejects with a
 * DeadlineError once `ms` have passed, unless `clear()` came first.
 */
export function startDeadline(ms: number): { signal: AbortSignal; expired: Promise<never>; clear(): void } {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeadlineError(ms));
    }, ms);
  });
  return { signal: controller.signal, expired, clear: () => clearTimeout(timer) };
}

/** A stdio server that exits on the unknown `server/discover` request is a legacy server. */
export function diedOnProbe(config: ConnectionConfig, transport: Transport, log: TrafficLog): boolean {
  if (config.protocol !== "auto" || !(transport instanceof BridgeStdioTransport)) return false;
  const probed = log.entries.some(
    (e) => e.kind === "frame" && e.rpc.type === "request" && e.rpc.method === "server/discover",
  );
  return probed && transport.exit !== undefined && !transport.exit.error;
}
