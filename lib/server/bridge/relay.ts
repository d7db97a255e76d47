import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { Readable } from "node:stream";
import { relayAddressRefusal, teamPolicyFromEnv, type TeamPolicy } from "../security/team";
import { HttpError, LIMITS, readBodyLimited } from "./limits";
import {
  encodeUpstreamHeaders,
  errorMessage,
  RELAY_ERROR_HEADER,
  RELAY_REDIRECT_HEADER,
  RELAY_TARGET_HEADER,
  type RelayRedirect,
  type RelayTarget,
  RelayTargetSchema,
  UPSTREAM_HEADERS_HEADER,
} from "../../base";
import { registry } from "./registry";

const DROP_REQUEST_HEADERS = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "keep-alive",
  "upgrade",
  "accept-encoding",
]);
/**
 * Upstream headers passed on as real headers of the relay's response, which the browser receives at
 * the app's own origin: only what an MCP client reads and a browser does not act on. Everything else
 * (Set-Cookie, Clear-Site-Data, CSP, Refresh, Link, Location, Alt-Svc, NEL, CORS, a forged
 * x-mcp-lens-* …) travels only as data in UPSTREAM_HEADERS_HEADER. So does WWW-Authenticate: with a
 * Basic challenge on a 401 the browser would ask for a password in the inspector's name; the page's
 * relayFetch hands it to the SDK from the data.
 */
const FORWARDED_RESPONSE_HEADERS = new Set([
  "content-type",
  "mcp-session-id",
  "mcp-protocol-version",
  "last-event-id",
  "retry-after",
  "dpop-nonce",
  "etag",
  "last-modified",
]);
const NO_BODY_STATUS = new Set([101, 204, 205]);

/**
 * POST /api/relay: perform one upstream HTTP request for the page and stream the answer back
 * (status and body unchanged; headers filtered, all of them as data), so the SDK's own HTTP
 * transports run in the page against servers that send no CORS headers. A 3xx is not followed, and
 * not answered as a 3xx the browser would follow: it comes back in the relay's own envelope, the page
 * decides, and its next hop comes back through here to be checked again (docs/security.md §S11).
 */
export function relay(request: Request): Promise<Response> {
  return relayWith(request, dnsLookup);
}

/** The DNS lookup the relay uses; injectable so tests can play a rebinding resolver. */
export type Lookup = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** `team`: the team-mode policy (loopback and private ranges refused unless allow-listed); read from the environment by default. */
export async function relayWith(
  request: Request,
  lookup: Lookup,
  team: TeamPolicy | undefined = teamPolicyFromEnv(),
): Promise<Response> {
  let target: RelayTarget;
  let body: Uint8Array | undefined;
  try {
    target = parseTarget(JSON.parse(decodeURIComponent(request.headers.get(RELAY_TARGET_HEADER) ?? "null")));
    body = target.method === "POST" ? await readBodyLimited(request) : undefined;
  } catch (error) {
    return toWebResponse(
      relayError(
        error instanceof HttpError ? error.status : 400,
        error instanceof HttpError ? error.message : `invalid relay target in ${RELAY_TARGET_HEADER}`,
      ),
    );
  }
  return toWebResponse(await relayTarget(target, body, request.signal, lookup, team));
}

/**
 * The relay's answer, before it is put on a wire: the HTTP route makes a Response of it, the
 * WebSocket channel (relaySocket.ts) sends its head and streams its body without web streams.
 */
export interface RelayAnswer {
  status: number;
  headers: Array<[string, string]>;
  /** The upstream's body as it comes, or the relay's own JSON, or none. */
  body: IncomingMessage | string | null;
}

/** A relay target as sent (`RELAY_TARGET_HEADER`'s JSON, or the socket's): checked, or an HttpError 400. */
export function parseTarget(json: unknown): RelayTarget {
  if (json === null || json === undefined) throw new HttpError(400, `missing ${RELAY_TARGET_HEADER}`);
  const parsed = RelayTargetSchema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, "invalid relay target");
  const url = new URL(parsed.data.url);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new HttpError(400, "only http: and https: URLs can be relayed");
  return parsed.data;
}

/** One relayed request, whatever carried it to the inspector: limits, blocked addresses, the upstream answer as `RelayAnswer`. */
export async function relayTarget(
  target: RelayTarget,
  body: Uint8Array | undefined,
  signal: AbortSignal,
  lookup: Lookup = dnsLookup,
  team: TeamPolicy | undefined = teamPolicyFromEnv(),
): Promise<RelayAnswer> {
  if (body && body.length > LIMITS.maxBodyBytes)
    return relayError(413, `request body over ${LIMITS.maxBodyBytes} bytes`);
  const reg = registry();
  if (reg.relayInFlight >= LIMITS.maxRelayRequests) return relayError(429, "too many relayed requests in flight");
  reg.relayInFlight++;
  let released = false;
  const release = () => {
    if (!released) {
      released = true;
      reg.relayInFlight--;
    }
  };
  try {
    const upstream = await send(target, body, signal, lookup, team);
    upstream.once("close", release);
    return answerOf(upstream, target.url);
  } catch (error) {
    release();
    return relayError(502, describeNetworkError(error, target.url, team));
  }
}

function send(
  target: RelayTarget,
  body: Uint8Array | undefined,
  signal: AbortSignal,
  lookup: Lookup,
  team: TeamPolicy | undefined,
): Promise<IncomingMessage> {
  const url = new URL(target.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const reason = relayAddressRefusal(team, host, host);
    if (reason) return Promise.reject(new BlockedAddressError(reason));
  }
  const headers: Record<string, string> = { "accept-encoding": "identity" };
  for (const [name, value] of Object.entries(target.headers)) {
    if (!DROP_REQUEST_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  if (body) headers["content-length"] = String(body.length);
  const doRequest = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = doRequest(
      url,
      { method: target.method, headers, signal, lookup: checkedLookup(lookup, team), timeout: 30_000 },
      resolve,
    );
    req.once("error", reject);
    req.once("timeout", () => req.destroy(new Error("ETIMEDOUT")));
    req.end(body);
  });
}

/**
 * DNS lookup that refuses blocked addresses (and, in team mode, loopback and private ones). It is
 * the connection's own lookup: the address checked is the address connected to, so a resolver that
 * changes its answer cannot slip past.
 */
const checkedLookup =
  (lookup: Lookup, team: TeamPolicy | undefined) =>
  (
    hostname: string,
    options: object,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const a of addresses) {
        const reason = relayAddressRefusal(team, hostname, a.address);
        if (reason) return callback(new BlockedAddressError(`${hostname} resolves to ${reason}`), []);
      }
      const all = (options as { all?: boolean }).all;
      if (all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };

class BlockedAddressError extends Error {
  readonly code = "EBLOCKED";
}

function answerOf(upstream: IncomingMessage, url: string): RelayAnswer {
  const headers: Array<[string, string]> = [
    [UPSTREAM_HEADERS_HEADER, encodeUpstreamHeaders(headerPairs(upstream.rawHeaders))],
  ];
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value === undefined || !FORWARDED_RESPONSE_HEADERS.has(name)) continue;
    headers.push([name, Array.isArray(value) ? value.join(", ") : value]);
  }
  const cacheControl = upstream.headers["cache-control"] ?? "no-cache";
  const status = upstream.statusCode ?? 502;
  if (status >= 300 && status < 400) {
    upstream.resume();
    const redirect: RelayRedirect = { status, location: resolveLocation(upstream.headers.location, url) };
    const own = headers.filter(([name]) => name === UPSTREAM_HEADERS_HEADER);
    own.push([RELAY_REDIRECT_HEADER, "1"], ["cache-control", "no-store"], ["content-type", "application/json"]);
    return { status: 200, headers: own, body: JSON.stringify({ redirect }) };
  }
  headers.push([
    "cache-control",
    cacheControl.includes("no-transform") ? cacheControl : `${cacheControl}, no-transform`,
  ]);
  if (NO_BODY_STATUS.has(status) || status < 200) {
    upstream.resume();
    return { status: status < 200 ? 502 : status, headers, body: null };
  }
  return { status, headers, body: upstream };
}

/** The HTTP route's Response of an answer (the upstream body streamed through). */
function toWebResponse(answer: RelayAnswer): Response {
  const body =
    answer.body === null || typeof answer.body === "string"
      ? answer.body
      : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/** `rawHeaders` (name, value, name, value …) as pairs with lower-case names, duplicates kept. */
function headerPairs(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return pairs;
}

function resolveLocation(location: string | undefined, base: string): string | null {
  if (!location) return null;
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

/** The relay's own failure as an answer (`RELAY_ERROR_HEADER` set: the page reports it, never the upstream). */
export function relayError(status: number, message: string): RelayAnswer {
  return {
    status,
    headers: [
      ["content-type", "application/json"],
      ["cache-control", "no-store"],
      [RELAY_ERROR_HEADER, "1"],
    ],
    body: JSON.stringify({ error: message }),
  };
}

function describeNetworkError(error: unknown, url: string, team: TeamPolicy | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const host = new URL(url).host;
  switch (code) {
    case "ECONNREFUSED":
      return `Connection refused by ${host}: nothing is listening there. Is the server running, and is the port right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The host name ${new URL(url).hostname} could not be resolved. Check the URL.`;
    case "ETIMEDOUT":
      return `${host} did not answer within 30 s.`;
    case "ECONNRESET":
      return `${host} closed the connection.`;
    case "EBLOCKED":
      return `Refused to connect: ${(error as Error).message}. Link-local and cloud-metadata addresses are never relayed${team ? "; in team mode, loopback and private ones neither unless allow-listed" : ""}.`;
    case "ABORT_ERR":
      return "The request was cancelled.";
    default:
      return `Could not reach ${host}: ${errorMessage(error)}`;
  }
}
