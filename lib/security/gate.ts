import { TOKEN_HEADER } from "../bridge/protocol";
import { checkTeamAuth, type TeamAuth } from "./team";
import { tokensMatch } from "./token";

export interface GateConfig {
  token: string;
  /** The port the inspector listens on. */
  port: number;
  /** Extra `host:port` names accepted besides the loopback ones (only when a non-loopback bind was forced). */
  extraHosts?: string[];
  /** Team mode: every route, the page included, needs this authentication (rule 19). */
  team?: TeamAuth;
}

export type GateVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string; headers?: Record<string, string> };

/**
 * The check every request passes before anything else runs (SECURITY.md rules 2-4):
 * the Host must be this inspector's loopback name (defeats DNS rebinding), a present Origin must be
 * this inspector's own, and every /api route needs the session token in its header. In team mode
 * every route also needs the team authentication (the token still guards /api: a browser sends
 * cached Basic credentials on cross-site requests too).
 */
export function checkRequest(config: GateConfig, req: { url: string; headers: Record<string, string | string[] | undefined> }): GateVerdict {
  const hosts = allowedHosts(config);
  const host = header(req.headers, "host");
  if (!host || !hosts.has(host.toLowerCase())) {
    return { ok: false, status: 403, message: "forbidden: unexpected Host header" };
  }
  const origin = header(req.headers, "origin");
  if (origin !== undefined && !isOwnOrigin(origin, hosts, config.team !== undefined)) {
    return { ok: false, status: 403, message: "forbidden: cross-origin request" };
  }
  if (config.team) {
    const auth = checkTeamAuth(config.team, req.headers);
    if (!auth.ok) return { ok: false, status: 401, message: auth.message, headers: auth.challenge ? { "www-authenticate": auth.challenge } : undefined };
  }
  const path = req.url.split("?")[0] ?? "";
  if (path === "/api" || path.startsWith("/api/")) {
    if (!tokensMatch(header(req.headers, TOKEN_HEADER), config.token)) {
      return { ok: false, status: 401, message: "unauthorized: missing or wrong session token" };
    }
  }
  return { ok: true };
}

export function allowedHosts(config: GateConfig): Set<string> {
  const p = config.port;
  return new Set([`127.0.0.1:${p}`, `localhost:${p}`, `[::1]:${p}`, ...(config.extraHosts ?? []).map((h) => h.toLowerCase())]);
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

/** Loopback binds are the default; anything else needs an explicit, loudly named option (rule 1). */
export function isLoopbackBind(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
