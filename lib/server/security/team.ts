import { accessSync, constants, statSync } from "node:fs";
import { delimiter, resolve } from "node:path";
import { blockedAddressReason, cidrContains, parseCidr, privateAddressReason, type Cidr } from "./addresses";
import { ENV_NAME, neverAllowedEnv, teamEnvAllowed } from "../../base";
import { tokensMatch } from "./token";

/**
 * Team mode (docs/security.md §S12 and §S19): authentication on every route, the stdio bridge off
 * unless a command is allow-listed, and no relaying to loopback or private addresses unless
 * allow-listed. See docs/team-mode.md.
 *
 * `scripts/start.ts` sets MCP_LENS_TEAM=1; the gate gets the `TeamAuth` directly, and the route
 * handlers (same process, bundled by Next) read the `TeamPolicy` from the environment.
 */
export const MIN_SECRET_LENGTH = 32;
export const ENV = {
  team: "MCP_LENS_TEAM",
  secret: "MCP_LENS_TEAM_SECRET",
  proxySecret: "MCP_LENS_PROXY_SECRET",
  stdioAllow: "MCP_LENS_STDIO_ALLOWLIST",
  relayAllow: "MCP_LENS_RELAY_ALLOW",
  stdioEnvAllow: "MCP_LENS_STDIO_ENV_ALLOW",
} as const;

/** The header in which the authenticating proxy proves it is the proxy (issue 19, item 5). */
export const PROXY_SECRET_HEADER = "x-mcp-lens-proxy-secret";

/** How a team-mode request proves who it is. When both are set, both are required. */
export interface TeamAuth {
  /** Shared secret: HTTP Basic password (any user name) or `Authorization: Bearer <secret>`. */
  secret?: string;
  /**
   * Behind an authenticating proxy: the lower-case header it sets (e.g. x-forwarded-user), and the
   * secret it sends in PROXY_SECRET_HEADER. Without the secret any local client could forge the
   * user header, so one is never accepted without the other.
   */
  proxy?: { header: string; secret: string };
}

/** What the route handlers enforce. */
export interface TeamPolicy {
  /** Absolute paths of the commands the stdio bridge may start. Empty: the bridge is off. */
  stdioAllow: string[];
  relayAllow: { hosts: string[]; cidrs: Cidr[] };
  /** Environment variable names the page may set for a stdio server. Absent or empty: none. */
  stdioEnvAllow?: string[];
}

/** Environment variables, as in `process.env`. */
export type Env = Record<string, string | undefined>;
type Headers = Record<string, string | string[] | undefined>;
export type AuthVerdict = { ok: true } | { ok: false; message: string; challenge?: string };

export function checkTeamAuth(auth: TeamAuth, headers: Headers): AuthVerdict {
  if (auth.proxy) {
    if (!tokensMatch(first(headers[PROXY_SECRET_HEADER]), auth.proxy.secret)) {
      return {
        ok: false,
        message: `unauthorized: not from the authenticating proxy (${PROXY_SECRET_HEADER} missing or wrong)`,
      };
    }
    const user = first(headers[auth.proxy.header])?.trim();
    if (!user)
      return { ok: false, message: `unauthorized: no ${auth.proxy.header} header from the authenticating proxy` };
  }
  if (auth.secret !== undefined && !tokensMatch(presentedSecret(first(headers.authorization)), auth.secret)) {
    return {
      ok: false,
      message: "unauthorized: team mode needs the shared secret (HTTP Basic password or Bearer)",
      challenge: 'Basic realm="MCP Lens", charset="UTF-8"',
    };
  }
  return { ok: true };
}

/** The secret in `Basic base64(user:secret)` or `Bearer secret`. */
function presentedSecret(authorization: string | undefined): string | undefined {
  const m = /^(Basic|Bearer)\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m) return undefined;
  if (m[1]!.toLowerCase() === "bearer") return m[2];
  const decoded = Buffer.from(m[2]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** The policy the route handlers apply, or undefined outside team mode. */
export function teamPolicyFromEnv(env: Env = process.env): TeamPolicy | undefined {
  if (env[ENV.team] !== "1") return undefined;
  const key = `${env[ENV.stdioAllow] ?? ""}\n${env[ENV.relayAllow] ?? ""}\n${env[ENV.stdioEnvAllow] ?? ""}`;
  if (cached?.key !== key) {
    const stdioAllow = list(env[ENV.stdioAllow])
      .map((c) => resolveCommand(c))
      .filter((c): c is string => c !== undefined);
    const stdioEnvAllow = list(env[ENV.stdioEnvAllow]).filter((n) => ENV_NAME.test(n) && !neverAllowedEnv(n));
    cached = { key, policy: { stdioAllow, relayAllow: parseRelayAllow(env[ENV.relayAllow]), stdioEnvAllow } };
  }
  return cached.policy;
}
let cached: { key: string; policy: TeamPolicy } | undefined;

export function parseRelayAllow(text: string | undefined): TeamPolicy["relayAllow"] {
  const hosts: string[] = [];
  const cidrs: Cidr[] = [];
  for (const entry of list(text)) {
    const cidr = parseCidr(entry);
    if (cidr) cidrs.push(cidr);
    else hosts.push(entry.toLowerCase().replace(/^\[|\]$/g, ""));
  }
  return { hosts, cidrs };
}

/**
 * Why the relay must not connect to `address` (which `hostname` resolved to), or undefined.
 * Link-local and metadata addresses are refused in every mode; in team mode loopback and private
 * ranges too, unless the host name or the address is allow-listed.
 */
export function relayAddressRefusal(
  policy: TeamPolicy | undefined,
  hostname: string,
  address: string,
): string | undefined {
  const always = blockedAddressReason(address);
  if (always || !policy) return always;
  const reason = privateAddressReason(address);
  if (!reason) return undefined;
  const { hosts, cidrs } = policy.relayAllow;
  if (hosts.includes(hostname.toLowerCase().replace(/^\[|\]$/g, "")) || cidrs.some((c) => cidrContains(c, address)))
    return undefined;
  return `${reason}, which team mode refuses unless it is in ${ENV.relayAllow}`;
}

export const TEAM_STDIO_OFF = `team mode disables the stdio bridge unless an allowlist is configured (${ENV.stdioAllow})`;

export type StdioVerdict = { ok: true; command: string } | { ok: false; message: string };

/**
 * May the bridge start this command in team mode? The command is resolved to an absolute path
 * (PATH of the inspector, not of the request) and compared exactly with the allowlist; the caller
 * spawns that absolute path, without a shell, so neither args nor env can swap the program. The
 * environment may only name variables in MCP_LENS_STDIO_ENV_ALLOW, never loader or interpreter hooks.
 */
export function stdioAllowed(
  policy: TeamPolicy,
  launch: { command: string; cwd?: string; env?: Record<string, string> },
): StdioVerdict {
  if (policy.stdioAllow.length === 0) {
    return { ok: false, message: TEAM_STDIO_OFF };
  }
  const command = resolveCommand(launch.command, launch.cwd);
  if (!command || !policy.stdioAllow.includes(command)) {
    return { ok: false, message: `team mode: ${launch.command} is not in the stdio allowlist (${ENV.stdioAllow})` };
  }
  const env = teamEnvAllowed(policy.stdioEnvAllow ?? [], Object.keys(launch.env ?? {}), ENV.stdioEnvAllow);
  return env.ok ? { ok: true, command } : env;
}

/** `node` → `/usr/bin/node` through PATH; `./x` against cwd. Only existing executable files resolve. */
export function resolveCommand(
  command: string,
  cwd?: string,
  path: string = process.env.PATH ?? "",
): string | undefined {
  const candidates = command.includes("/")
    ? [resolve(cwd || process.cwd(), command)]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => resolve(dir, command));
  return candidates.find(isExecutableFile);
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function list(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
