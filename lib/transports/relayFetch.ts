import type { FetchLike } from "@modelcontextprotocol/client";
import { RELAY_ERROR_HEADER, RELAY_TARGET_HEADER, TOKEN_HEADER } from "../bridge/protocol";

export interface RelayRoute {
  /** The relay route, e.g. `/api/relay`. */
  url: string;
  token: string;
}

/**
 * A fetch that sends the request through the inspector's relay instead of straight to the server.
 * The answer comes back as the server gave it; a failure of the relay itself (unreachable host,
 * blocked address) becomes a rejected promise, as a network error would with a direct fetch.
 */
export function relayedFetch(route: RelayRoute, baseFetch: FetchLike): FetchLike {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input.href;
    const method = (init?.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const response = await baseFetch(route.url, {
      method: "POST",
      headers: {
        [TOKEN_HEADER]: route.token,
        [RELAY_TARGET_HEADER]: encodeURIComponent(JSON.stringify({ url, method, headers })),
        "content-type": "application/octet-stream",
      },
      body: method === "POST" ? (init?.body ?? null) : null,
      signal: init?.signal ?? null,
    });
    if (response.headers.get(RELAY_ERROR_HEADER)) {
      const detail = (await response.json().catch(() => ({}))) as { error?: string };
      throw new RelayError(detail.error ?? `relay failed with HTTP ${response.status}`, response.status);
    }
    return response;
  };
}

export class RelayError extends TypeError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "RelayError";
  }
}
