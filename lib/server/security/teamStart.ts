import { isLoopbackBind } from "./gate";
import { ENV_NAME, neverAllowedEnv } from "../../base";
import { ENV, MIN_SECRET_LENGTH, PROXY_SECRET_HEADER, list, resolveCommand, type Env, type TeamAuth } from "./team";

/** The bind and team options of `npm start`. */
export interface StartFlags {
  host: string;
  port: string;
  team: boolean;
  trustProxyHeader?: string;
  publicHost: string[];
}

export type StartPlan =
  { ok: false; message: string } | { ok: true; team?: { auth: TeamAuth; publicHosts: string[] }; extraHosts: string[] };

const HOST_NAME = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const HEADER_NAME = /^[a-z0-9-]+$/i;
const RESERVED_HEADERS = new Set([
  "authorization",
  "host",
  "origin",
  "cookie",
  "content-type",
  "content-length",
  "x-mcp-lens-token",
  "x-mcp-lens-auth",
  PROXY_SECRET_HEADER,
]);

/**
 * Decide whether and how the inspector may start (docs/security.md §S1 and §S19): a non-loopback bind
 * only in team mode (authentication on every route), secrets of at least 32 characters, a proxy
 * header only together with the secret only the proxy sends (issue 19, item 5).
 */
export function planStart(flags: StartFlags, env: Env): StartPlan {
  const team = flags.team || env[ENV.team] === "1";
  const remote = !isLoopbackBind(flags.host);
  if (!team) {
    if (remote) {
      return fail(
        `Refusing to listen on ${flags.host}: MCP Lens can start programs on this machine, so it binds 127.0.0.1 only.\n` +
          `To let other people reach it, use team mode: --team with ${ENV.secret} (authentication on every route; see docs/team-mode.md).\n` +
          `--dangerously-allow-remote-bind alone is not enough: local mode's one-time launch URL lets in one browser, not the people of a network.`,
      );
    }
    if (flags.trustProxyHeader || flags.publicHost.length > 0)
      return fail("--trust-proxy-header and --public-host only apply with --team.");
    if (env[ENV.proxySecret]) return fail(`${ENV.proxySecret} only applies with --team --trust-proxy-header.`);
    return { ok: true, extraHosts: [] };
  }

  const secret = env[ENV.secret] || undefined;
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    return fail(
      `Team mode: ${ENV.secret} is ${secret.length} characters long; it must have at least ${MIN_SECRET_LENGTH} (try: openssl rand -hex 32).`,
    );
  }
  const proxyHeader = flags.trustProxyHeader?.trim().toLowerCase() || undefined;
  if (proxyHeader !== undefined && (!HEADER_NAME.test(proxyHeader) || RESERVED_HEADERS.has(proxyHeader))) {
    return fail(
      `Team mode: --trust-proxy-header ${flags.trustProxyHeader} is not a usable header name (e.g. X-Forwarded-User).`,
    );
  }
  const proxySecret = env[ENV.proxySecret] || undefined;
  if (proxyHeader !== undefined && proxySecret === undefined) {
    return fail(
      `Team mode: --trust-proxy-header needs ${ENV.proxySecret} too (at least ${MIN_SECRET_LENGTH} characters, e.g. openssl rand -hex 32), sent by the proxy in the ${PROXY_SECRET_HEADER} header.\n` +
        `Without it any program that can reach the port could send ${flags.trustProxyHeader} itself.`,
    );
  }
  if (proxySecret !== undefined && proxyHeader === undefined)
    return fail(`${ENV.proxySecret} only applies with --trust-proxy-header.`);
  if (proxySecret !== undefined && proxySecret.length < MIN_SECRET_LENGTH) {
    return fail(
      `Team mode: ${ENV.proxySecret} is ${proxySecret.length} characters long; it must have at least ${MIN_SECRET_LENGTH} (try: openssl rand -hex 32).`,
    );
  }
  if (proxySecret !== undefined && proxySecret === secret)
    return fail(
      `Team mode: ${ENV.proxySecret} must differ from ${ENV.secret} (people know the one, only the proxy the other).`,
    );
  if (!secret && !proxyHeader) {
    return fail(
      `Team mode needs authentication: set ${ENV.secret} (at least ${MIN_SECRET_LENGTH} characters, e.g. openssl rand -hex 32) or pass --trust-proxy-header <Header-Name> with ${ENV.proxySecret}.`,
    );
  }
  const publicHosts = flags.publicHost.map((h) => h.trim().toLowerCase());
  const badHost = publicHosts.find((h) => !HOST_NAME.test(h));
  if (badHost !== undefined)
    return fail(
      `--public-host ${badHost}: give the name (and port) people use, as in the Host header, e.g. lens.example.com or 10.0.0.5:6274.`,
    );
  const wildcard = ["0.0.0.0", "::", "[::]"].includes(flags.host);
  if (wildcard && publicHosts.length === 0) {
    return fail(
      `Team mode on ${flags.host}: say which name people use to reach MCP Lens with --public-host <name[:port]> (it is checked against the Host header).`,
    );
  }
  const missing = list(env[ENV.stdioAllow]).filter((c) => !resolveCommand(c));
  if (missing.length > 0) return fail(`${ENV.stdioAllow}: no executable file found for ${missing.join(", ")}.`);
  const envAllow = list(env[ENV.stdioEnvAllow]);
  const badNames = envAllow.filter((n) => !ENV_NAME.test(n));
  if (badNames.length > 0)
    return fail(
      `${ENV.stdioEnvAllow}: ${badNames.join(", ")} is not an environment variable name (${ENV_NAME.source}).`,
    );
  const never = envAllow.filter(neverAllowedEnv);
  if (never.length > 0)
    return fail(
      `${ENV.stdioEnvAllow}: ${never.join(", ")} can make an allowed program run other code; team mode never lets the page set it (see docs/team-mode.md).`,
    );

  const self =
    remote && !wildcard ? [`${flags.host.includes(":") ? `[${flags.host}]` : flags.host}:${flags.port}`] : [];
  const auth: TeamAuth = {
    secret,
    proxy: proxyHeader && proxySecret ? { header: proxyHeader, secret: proxySecret } : undefined,
  };
  return { ok: true, team: { auth, publicHosts }, extraHosts: [...self, ...publicHosts] };
}

function fail(message: string): StartPlan {
  return { ok: false, message };
}
