/** What must not leave the machine in a recording: secret header and env values, tokens in URLs and args. */
import { looksSecret, TOKEN_HEADER } from "../base";
import type { ConnectionConfig, KeyValue } from "../base";
import type { TrafficEntry } from "../traffic";

export const REDACTED = "[redacted]";

const ALWAYS_SECRET = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", TOKEN_HEADER]);

export function isSecretName(name: string): boolean {
  return ALWAYS_SECRET.has(name.toLowerCase()) || looksSecret(name);
}

function redactPair(pair: KeyValue): KeyValue {
  return pair.secret || isSecretName(pair.name) ? { ...pair, value: REDACTED } : pair;
}

/** A URL with its password and secret-looking query values replaced; other text unchanged. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  if (u.password) {
    u.password = "redacted";
    changed = true;
  }
  for (const name of [...u.searchParams.keys()]) {
    if (isSecretName(name)) {
      u.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? u.toString() : url;
}

/** `--token=abc` and `--api-key abc` keep the flag and lose the value. */
export function redactArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    const inline = /^(-{1,2}[\w.-]+)=/.exec(arg);
    if (inline && isSecretName(inline[1]!.replace(/^-+/, ""))) return `${inline[1]}=${REDACTED}`;
    const previous = i > 0 ? args[i - 1]! : "";
    if (/^-{1,2}[\w.-]+$/.test(previous) && isSecretName(previous.replace(/^-+/, "")) && !arg.startsWith("-"))
      return REDACTED;
    return arg;
  });
}

export function redactConnection(config: ConnectionConfig): ConnectionConfig {
  if (config.transport === "stdio")
    return { ...config, args: redactArgs(config.args), env: config.env.map(redactPair) };
  return {
    ...config,
    url: redactUrl(config.url),
    headers: config.headers.map(redactPair),
    // The OAuth client secret never leaves the page (client id, metadata URL and scopes are not secret).
    ...(config.oauth && {
      oauth: { ...config.oauth, clientSecret: config.oauth.clientSecret ? REDACTED : "" },
    }),
  };
}

/** OAuth credentials a captured discovery/registration/token exchange carries in its body. */
const OAUTH_SECRET_FIELDS = [
  "access_token",
  "refresh_token",
  "id_token",
  "client_secret",
  "code_verifier",
  "registration_access_token",
];
const OAUTH_JSON = new RegExp(`("(?:${OAUTH_SECRET_FIELDS.join("|")})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "g");
const OAUTH_FORM = new RegExp(`(^|&)((?:${[...OAUTH_SECRET_FIELDS, "code"].join("|")})=)[^&]*`, "g");

/** A captured body with OAuth tokens, client secrets, code verifiers (and, in a form body, codes) replaced. */
export function redactOAuthBody(raw: string): string {
  const json = raw.replace(OAUTH_JSON, `$1"${REDACTED}"`);
  if (json !== raw || /^\s*[[{]/.test(raw)) return json;
  return /^[\w.~%-]+=[^&]*(&[\w.~%-]+=[^&]*)*$/.test(raw.trim()) ? raw.replace(OAUTH_FORM, `$1$2${REDACTED}`) : raw;
}

/** HTTP entries are redacted at capture; this repeats it so no recording depends on that. Frames lose OAuth credentials. */
export function redactEntry(entry: TrafficEntry): TrafficEntry {
  if (entry.kind === "frame") {
    const raw = redactOAuthBody(entry.raw);
    return raw === entry.raw ? entry : { ...entry, raw };
  }
  if (entry.kind !== "http") return entry;
  const secret = Object.keys(entry.headers).filter((name) => isSecretName(name) && entry.headers[name] !== REDACTED);
  const url = redactUrl(entry.url);
  if (secret.length === 0 && url === entry.url) return entry;
  const headers = { ...entry.headers };
  for (const name of secret) headers[name] = REDACTED;
  return { ...entry, url, headers };
}
