import type { FetchLike } from "@modelcontextprotocol/client";
import type { TrafficLog } from "../traffic";

/** Browsers follow 20; an MCP endpoint that needs more than a few is broken or hostile. */
export const MAX_REDIRECTS = 5;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect leaves the origin (as the Fetch standard does for Authorization). */
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];
/** Dropped with the body when a redirect turns the request into a GET (Fetch's request-body-header names). */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

/**
 * Follows HTTP redirects by hand (docs/security.md §S11). It sits under the SDK's transports and above
 * the capture point, so each hop is an exchange of its own in the traffic log and goes through the
 * relay again, which checks the next address. At most `maxRedirects` hops; a redirect to another
 * origin loses the credentials; 303 (and 301/302 after a POST) continue as GET, as in a browser.
 */
export function followingRedirects(inner: FetchLike, log: TrafficLog, maxRedirects = MAX_REDIRECTS): FetchLike {
  return async (input, init) => {
    let url = typeof input === "string" ? input : input.href;
    let request = init;
    for (let hop = 1; ; hop++) {
      const response = await inner(url, request);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUS.has(response.status) || location === null) return response;
      void response.body?.cancel().catch(() => {});
      const next = redirectTarget(location, url);
      if (hop > maxRedirects)
        throw fail(
          log,
          `stopped after ${maxRedirects} redirects (the last, ${response.status}, to ${next ?? location})`,
        );
      if (!next)
        throw fail(
          log,
          `the server redirected (${response.status}) to ${JSON.stringify(location.slice(0, 200))}, which is not an http(s) URL`,
        );
      const { init: nextInit, dropped } = redirectedInit(
        request,
        response.status,
        new URL(next).origin !== new URL(url).origin,
      );
      if (nextInit.body instanceof ReadableStream)
        throw fail(log, `the server redirected (${response.status}) a request whose body cannot be sent again`);
      const note = dropped.length ? ` (another origin: ${dropped.join(", ")} not sent)` : "";
      log.event(
        "redirect-followed",
        "info",
        `HTTP ${response.status} redirect from ${url} to ${next}: following it through the relay, hop ${hop} of at most ${maxRedirects}${note}`,
      );
      url = next;
      request = nextInit;
    }
  };
}

function redirectTarget(location: string, base: string): string | undefined {
  try {
    const next = new URL(location, base);
    return next.protocol === "http:" || next.protocol === "https:" ? next.href : undefined;
  } catch {
    return undefined;
  }
}

function redirectedInit(
  init: RequestInit | undefined,
  status: number,
  crossOrigin: boolean,
): { init: RequestInit; dropped: string[] } {
  const headers = new Headers(init?.headers);
  const method = (init?.method ?? "GET").toUpperCase();
  const toGet = (status === 303 && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST");
  const dropped = crossOrigin ? CREDENTIAL_HEADERS.filter((name) => headers.has(name)) : [];
  for (const name of dropped) headers.delete(name);
  if (toGet) for (const name of BODY_HEADERS) headers.delete(name);
  return { init: { ...init, method: toGet ? "GET" : method, headers, body: toGet ? null : init?.body }, dropped };
}

function fail(log: TrafficLog, message: string): RedirectError {
  log.event("redirect-refused", "error", message);
  return new RedirectError(message);
}

/** A network-style failure (the SDK treats a rejected fetch as one). */
export class RedirectError extends TypeError {
  override name = "RedirectError";
}
