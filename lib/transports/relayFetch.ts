import type { FetchLike } from "@modelcontextprotocol/client";
import {
  RELAY_ERROR_HEADER,
  RELAY_REDIRECT_HEADER,
  RELAY_TARGET_HEADER,
  TOKEN_HEADER,
  UPSTREAM_HEADERS_HEADER,
  decodeUpstreamHeaders,
  type RelayRedirect,
} from "../base";

export interface RelayRoute {
  /** The relay route, e.g. `/api/relay`. */
  url: string;
  token: string;
}

/**
 * A fetch that sends the request through the inspector's relay instead of straight to the server.
 * The answer comes back with the server's status, body and headers (read from the relay's data
 * header, so the SDK sees e.g. WWW-Authenticate although the browser never received it as one); an
 * upstream 3xx comes back as a bodiless response with that status and an absolute Location, for
 * `followingRedirects` to decide. A failure of the relay itself (unreachable host, blocked address)
 * becomes a rejected promise, as a network error would with a direct fetch.
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
      // Whatever answers the relay route, the browser must never re-send this request (token included) elsewhere.
      redirect: "manual",
    });
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      throw new RelayError("the relay route answered with a redirect; MCP Lens does not follow it", response.status);
    }
    if (response.headers.get(RELAY_ERROR_HEADER)) {
      const detail = (await response.json().catch(() => ({}))) as { error?: string };
      throw new RelayError(detail.error ?? `relay failed with HTTP ${response.status}`, response.status);
    }
    const upstream = upstreamHeaders(response.headers);
    if (response.headers.get(RELAY_REDIRECT_HEADER)) {
      const redirect = ((await response.json().catch(() => ({}))) as { redirect?: RelayRedirect }).redirect;
      if (!redirect || typeof redirect.status !== "number")
        throw new RelayError("the relay's report of a redirect could not be read", response.status);
      if (redirect.location !== null) upstream.set("location", redirect.location);
      else upstream.delete("location");
      return new Response(null, { status: redirect.status, headers: upstream });
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: upstream });
  };
}

/** The upstream's headers for the SDK, with the data header kept for the capture point (it records them all). */
function upstreamHeaders(relayHeaders: Headers): Headers {
  const data = relayHeaders.get(UPSTREAM_HEADERS_HEADER);
  const pairs = decodeUpstreamHeaders(data);
  if (!pairs) return new Headers(relayHeaders);
  const headers = new Headers({ [UPSTREAM_HEADERS_HEADER]: data! });
  for (const [name, value] of pairs) {
    if (name === "set-cookie" || name === "set-cookie2") continue; // a browser's Response drops them too; the log has them
    try {
      headers.append(name, value);
    } catch {
      /* a name or value a Headers object refuses: still in the data header */
    }
  }
  return headers;
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
