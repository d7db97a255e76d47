import { TOKEN_HEADER } from "../../base";
import { SESSION_PATH } from "../../security";
import { canonicalPath } from "./requestTarget";
import { checkTeamAuth, type TeamAuth } from "./team";
import { tokensMatch } from "./token";

export interface GateConfig {
  token: string;
  /** The port the inspector listens on. */
  port: number;
  /** Extra `host:port` names accepted besides the loopback ones (only when a non-loopback bind was forced). */
  extraHosts?: string[];
  /** Team mode: every route, the page included, needs this authentication (docs/security.md §S19). */
  team?: TeamAuth;
}

/** `session`: the page's token exchange (`POST /api/session`), answered by the inspector server itself. */
export type GateVerdict =
  | { ok: true; route: "session" | "app"; path: string }
  | { ok: false; status: 400 | 401 | 403 | 405; message: string; headers?: Record<string, string> };

/** Every route of the app is served with these; anything else (OPTIONS, TRACE, PUT, …) gets 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "DELETE"] as const;

/**
 * The check every request passes before anything else runs (docs/security.md §S2–§S5, §P7–§P9):
 * the Host must be this inspector's loopback name (defeats DNS rebinding), a present Origin must be
 * this inspector's own, the method one the app serves, the path canonical (decided on decoded,
 * never normalised: see requestTarget.ts). Every /api route and every request that is not GET or
 * HEAD, whatever its path, needs the session token in its header; the token exchange
 * (`POST /api/session`) instead follows its own rules (lib/server/security/session.ts). In team mode every
 * route also needs the team authentication (the token still guards /api: a browser sends cached
 * Basic credentials on cross-site requests too).
 */
export function checkRequest(
  config: GateConfig,
  req: { method?: string; url: string; headers: Record<string, string | string[] | undefined> },
): GateVerdict {
  const hosts = allowedHosts(config);
  const host = header(req.headers, "host");
  if (!host || !hosts.has(host.toLowerCase())) {
    return { ok: false, status: 403, message: "forbidden: unexpected Host header" };
  }
  const origin = header(req.headers, "origin");
  if (origin !== undefined && !isOwnOrigin(origin, hosts, config.team !== undefined)) {
    return { ok: false, status: 403, message: "forbidden: cross-origin request" };
  }
  const method = (req.method ?? "GET").toUpperCase();
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    return {
      ok: false,
      status: 405,
      message: `method ${method.slice(0, 20)} not allowed`,
      headers: { allow: ALLOWED_METHODS.join(", ") },
    };
  }
  const target = canonicalPath(req.url);
  if (!target.ok) return { ok: false, status: 400, message: target.message };
  const path = target.path;
  if (config.team) {
    const auth = checkTeamAuth(config.team, req.headers);
    if (!auth.ok)
      return {
        ok: false,
        status: 401,
        message: auth.message,
        headers: auth.challenge ? { "www-authenticate": auth.challenge } : undefined,
      };
  }
  if (path === SESSION_PATH) {
    if (method !== "POST")
      return { ok: false, status: 405, message: `method ${method} not allowed`, headers: { allow: "POST" } };
    // Fetch metadata, where the browser sends it: the exchange is only ever same-origin.
    const site = header(req.headers, "sec-fetch-site");
    if (site !== undefined && site !== "same-origin")
      return { ok: false, status: 403, message: "forbidden: cross-site request" };
    return { ok: true, route: "session", path };
  }
  const api = path === "/api" || path.startsWith("/api/");
  if (
    (api || (method !== "GET" && method !== "HEAD")) &&
    !tokensMatch(header(req.headers, TOKEN_HEADER), config.token)
  ) {
    return { ok: false, status: 401, message: "unauthorized: missing or wrong session token" };
  }
  return { ok: true, route: "app", path };
}

export function allowedHosts(config: GateConfig): Set<string> {
  const p = config.port;
  return new Set([
    `127.0.0.1:${p}`,
    `localhost:${p}`,
    `[::1]:${p}`,
    ...(config.extraHosts ?? []).map((h) => h.toLowerCase()),
  ]);
}

function isOwnOrigin(origin: string, hosts: Set<string>, https: boolean): boolean {
  if (origin === "null") return false;
  try {
    const url = new URL(origin);
    // https: in team mode, a TLS-terminating proxy in front (the Host is still checked).
    return (url.protocol === "http:" || (https && url.protocol === "https:")) && hosts.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Loopback binds are the default; anything else needs an explicit, loudly named option (docs/security.md §S1). */
export function isLoopbackBind(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
