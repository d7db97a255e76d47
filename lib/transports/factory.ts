import {
  SSEClientTransport,
  StreamableHTTPClientTransport,
  type FetchLike,
  type OAuthClientProvider,
  type Transport,
} from "@modelcontextprotocol/client";
import type { ConnectionConfig, KeyValue } from "../base";
import type { TrafficLog } from "../traffic";
import { BridgeStdioTransport } from "./bridgeStdio";
import { capturingFetch } from "./httpCapture";
import { followingRedirects } from "./redirects";
import { relayedFetch } from "./relayFetch";
import { relaySocketFetch } from "./relaySocketFetch";
import type { BridgeSocket } from "./stdioSocketChannel";

export interface BridgeEndpoints {
  /** Base of the inspector's API, e.g. `` (same origin) or `http://127.0.0.1:6274`. */
  base: string;
  token: string;
  /** How to reach the API: the page's fetch, or an in-process router in tests. */
  fetch: FetchLike;
  /** Send HTTP transports straight to the server instead of through the relay (Node only). */
  direct?: boolean;
  /**
   * The stdio bridge's WebSocket channel (served by the inspector's own server): stdio connections
   * use it, and the HTTP routes when it cannot open. Absent (in-process use in Node): HTTP only.
   */
  socket?: BridgeSocket;
  /**
   * The relay's WebSocket channel (one socket per page, shared by every HTTP connection): relayed
   * requests use it, and the HTTP route when it cannot open. Absent: the HTTP route only.
   */
  relaySocket?: BridgeSocket;
}

export interface TransportOptions {
  /**
   * OAuth for a Streamable HTTP connection (lib/auth's MemoryOAuthProvider): the SDK transport then
   * answers a 401 with discovery/registration/refresh and a 403 insufficient_scope with step-up, all
   * through the same relayed, captured fetch, so each exchange lands in the traffic log.
   */
  authProvider?: OAuthClientProvider;
}

/** Build the capturing transport for a connection: stdio through the bridge, HTTP through the relay. */
export function createTransport(
  endpoints: BridgeEndpoints,
  config: ConnectionConfig,
  log: TrafficLog,
  options: TransportOptions = {},
): Transport {
  if (config.transport === "stdio") {
    return new BridgeStdioTransport(
      { url: `${endpoints.base}/api/bridge/stdio`, token: endpoints.token, fetch: endpoints.fetch },
      { command: config.command, args: config.args, env: headerRecord(config.env), cwd: config.cwd || undefined },
      log,
      endpoints.socket,
    );
  }
  const url = new URL(config.url);
  const fetch = createHttpFetch(endpoints, log);
  const requestInit = { headers: headerRecord(config.headers) };
  return config.transport === "sse"
    ? new SSEClientTransport(url, { fetch, requestInit })
    : new StreamableHTTPClientTransport(url, {
        fetch: options.authProvider ? rediscoveringOnRejectedToken(fetch, options.authProvider) : fetch,
        requestInit,
        ...(options.authProvider && { authProvider: options.authProvider }),
        reconnectionOptions: {
          maxRetries: 2,
          initialReconnectionDelay: 1000,
          maxReconnectionDelay: 5000,
          reconnectionDelayGrowFactor: 1.5,
        },
      });
}

/**
 * A held access token the server refuses (401) may be one of an authorization server the resource
 * no longer names (SEP-2352: the protected resource metadata's `authorization_servers` changed).
 * The SDK re-reads that metadata only when the provider holds no discovery state, and leaves
 * dropping it to the host ("invalidateCredentials('discovery') on repeated 401s"); so it is dropped
 * here, before the SDK answers the 401: the next authorization discovers afresh, and a new
 * authorization server gets its own registration (client information is kept per issuer).
 */
export function rediscoveringOnRejectedToken(fetch: FetchLike, provider: OAuthClientProvider): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401 && /^bearer /i.test(new Headers(init?.headers).get("authorization") ?? ""))
      await provider.invalidateCredentials?.("discovery");
    return response;
  };
}

/** The fetch HTTP transports use: through the relay (or straight, in Node tests), recorded in `log`, redirects followed hop by hop. */
export function createHttpFetch(endpoints: BridgeEndpoints, log: TrafficLog): FetchLike {
  return followingRedirects(capturingFetch(log, createRelayFetch(endpoints)), log);
}

/** A fetch through the relay (or straight, in Node tests), not recorded: for the page's side requests such as icons. */
export function createRelayFetch(endpoints: BridgeEndpoints): FetchLike {
  if (endpoints.direct) return endpoints.fetch;
  return relayedFetch({ url: `${endpoints.base}/api/relay`, token: endpoints.token }, relayRouteFetch(endpoints));
}

const routeFetches = new WeakMap<BridgeEndpoints, FetchLike>();

/** How relay requests reach the inspector: the page's one relay socket where there is one, else the HTTP route. */
function relayRouteFetch(endpoints: BridgeEndpoints): FetchLike {
  if (!endpoints.relaySocket) return endpoints.fetch;
  let fetch = routeFetches.get(endpoints);
  if (!fetch) {
    fetch = relaySocketFetch(endpoints.relaySocket, endpoints.token, endpoints.fetch);
    routeFetches.set(endpoints, fetch);
  }
  return fetch;
}

/** A connection's header or environment list as a record (blank names dropped). */
export function headerRecord(pairs: KeyValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of pairs) if (name.trim()) out[name.trim()] = value;
  return out;
}
