/**
 * What counts as sensitive in an error a server sent, judged narrowly so a plain validation message
 * is never a failure: a stack trace (frames with file and line, in the forms of Node, Python, Java,
 * Go, Ruby, .NET, PHP; a zod or JSON Schema issue list is not one), an absolute path into the
 * server's machine that the client neither sent nor configured, a value of the server's
 * environment (one the connection gave it, an environment dump, a secret-named assignment), or a
 * token of a well-known format. Evidence is quoted briefly; secrets are masked.
 */
import { looksSecret, type ConnectionConfig } from "../../base";

export type LeakKind = "stack trace" | "absolute path" | "environment value" | "token";

export interface Leak {
  kind: LeakKind;
  evidence: string;
}

/** What the client already knows: the request that got the error (its raw JSON), and the connection's settings. */
export interface Known {
  sent: string;
  connection?: ConnectionConfig;
}

const STACK: RegExp[] = [
  /^[ \t]*at (?:async )?(?:new )?(?:\S+(?: \[as [^\]]+\])? \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\|webpack:|<anonymous>)[^\n]*:\d+:\d+\)?[ \t]*$/m,
  /Traceback \(most recent call last\):|^[ \t]*File "[^"\n]+", line \d+, in /m,
  /^[ \t]*at [\w$.<>]+\([\w$]+\.(?:java|kt|scala):\d+\)/m,
  /^goroutine \d+ \[[\w ]+\]:|\.go:\d+ \+0x[0-9a-f]+/m,
  /^[ \t]*(?:from )?\S+\.rb:\d+:in [`']/m,
  /^[ \t]*at [\w.`<>[\], ]+\(.*\) in .+:line \d+/m,
  /^#\d+ \S+\.php\(\d+\): /m,
];

const ROOTS = [
  "home",
  "Users",
  "usr",
  "opt",
  "var",
  "tmp",
  "etc",
  "srv",
  "app",
  "apps",
  "root",
  "private",
  "mnt",
  "media",
  "Volumes",
  "workspace",
  "workspaces",
  "work",
  "proc",
  "lib",
  "lib64",
  "bin",
  "sbin",
  "data",
  "run",
  "snap",
  "nix",
  "code",
  "src",
  "System",
  "Library",
  "Applications",
].join("|");
const POSIX_PATH = new RegExp(`(?<![\\w.~:/\\\\-])/(?:${ROOTS})(?:/[^\\s'"\`()<>,;:*?|]+)+`, "g");
/** A source file's path under any root, as stack frames show it: `/builds/acme/src/index.js:12:5`. */
const SOURCE_PATH =
  /(?<![\w.~:/\\-])(?:\/[^\s'"`()<>,;:*?|/]+){2,}\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|php|cs|rs)(?=:\d+|[\s'"`()<>,;]|$)/g;
const WINDOWS_PATH = /(?<![\w\\])[A-Za-z]:\\(?:[^\s'"<>|*?:\\]+\\?)+/g;
const FILE_URL = /file:\/\/(\/[^\s'"`()<>]+)/g;

const TOKENS: [string, RegExp][] = [
  ["an OpenAI-style key", /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/],
  ["a GitHub token", /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/],
  ["a Slack token", /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ["an AWS access key id", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["a Google API key", /\bAIza[0-9A-Za-z_-]{35}/],
  ["a JWT", /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/],
  ["a private key", /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/],
  ["a bearer token", /\bBearer [A-Za-z0-9._~+/-]{20,}=*/],
];
const ENV_NAMES = /\b(PATH|HOME|PWD|SHELL|USER|LOGNAME|HOSTNAME|NODE_ENV|LANG)["']?\s*[=:]\s*["']?[^\s"',;}]+/g;
const SECRET_ASSIGNMENT =
  /\b([A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?))["']?\s*[=:]\s*["']?([^\s"',;}]{8,})/;
const PLACEHOLDER = /^(?:undefined|null|\[?redacted\]?|\*+|x+|<[^>]*>|\$\{?\w+\}?)$/i;

/** First four characters, then an ellipsis: enough to find it, not enough to use it. */
export const mask = (secret: string) => `${secret.slice(0, 4)}…`;
const cut = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function findLeaks(text: string, known: Known): Leak[] {
  const leaks: Leak[] = [];
  const own = withoutSent(text, known.sent);
  for (const pattern of STACK) {
    const m = pattern.exec(own);
    if (m) {
      leaks.push({ kind: "stack trace", evidence: JSON.stringify(cut(m[0].trim())) });
      break;
    }
  }
  const path = unknownPath(own, known);
  if (path) leaks.push({ kind: "absolute path", evidence: JSON.stringify(cut(path, 120)) });
  const env = environmentValue(own, known.connection);
  if (env) leaks.push({ kind: "environment value", evidence: env });
  for (const [name, pattern] of TOKENS) {
    const m = pattern.exec(own);
    if (m) {
      leaks.push({ kind: "token", evidence: `${name} (${mask(m[0])})` });
      break;
    }
  }
  return leaks;
}

const SENT = "\u2039sent\u203a";

/**
 * The text with every string of the request replaced by a mark (and, for a `../`-path, what is left
 * of it without the `../`): an echo of the client's input is not a leak, and neither is a path the
 * server resolved from it (`/etc/passwd` for `../../etc/passwd`, `<its directory>/<the input>`).
 */
function withoutSent(text: string, sent: string): string {
  const strings = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (typeof v === "string") {
      strings.add(v);
      const rest = v.replace(/^(?:\.\.?[/\\])+/, "");
      if (rest !== v) strings.add(rest);
    } else if (depth < 8 && v && typeof v === "object") for (const x of Object.values(v)) visit(x, depth + 1);
  };
  try {
    visit(JSON.parse(sent), 0);
  } catch {
    // Not JSON: nothing to take out.
  }
  let out = text;
  for (const s of [...strings].filter((x) => x.length >= 3).sort((a, b) => b.length - a.length))
    out = out.split(s).join(SENT);
  return out;
}

function pathsIn(text: string): string[] {
  const found = [POSIX_PATH, SOURCE_PATH, WINDOWS_PATH].flatMap((re) => [...text.matchAll(re)]);
  const out = found.sort((a, b) => a.index - b.index).map((m) => m[0]);
  for (const m of text.matchAll(FILE_URL)) out.push(safeDecode(m[1]!));
  return out.map((p) => p.replace(/[.,:;!?'")\]]+$/, ""));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Absolute paths the person gave the connection: the command, its arguments, its working directory. */
function knownRoots(known: Known): string[] {
  const c = known.connection;
  const given = c?.transport === "stdio" ? [c.command, ...c.args, c.cwd] : [];
  return given
    .filter((p): p is string => typeof p === "string" && /^(?:\/|[A-Za-z]:\\)/.test(p))
    .map((r) => r.replace(/[/\\]+$/, ""))
    .filter(Boolean);
}

/** The first absolute path not built from the request and not under one the connection names. */
function unknownPath(text: string, known: Known): string | undefined {
  const roots = knownRoots(known);
  return pathsIn(text).find(
    (p) => !p.includes(SENT) && !roots.some((r) => p === r || p.startsWith(`${r}/`) || p.startsWith(`${r}\\`)),
  );
}

function environmentValue(text: string, connection: ConnectionConfig | undefined): string | undefined {
  const given = connection?.transport === "stdio" ? connection.env : (connection?.headers ?? []);
  for (const { name, value } of given) {
    const bare = value.replace(/^Bearer\s+/i, "");
    if (looksSecret(name) && bare.length >= 6 && text.includes(bare))
      return `the value of ${name}, given to the server (${mask(bare)})`;
  }
  const names = new Set([...text.matchAll(ENV_NAMES)].map((m) => m[1]));
  if (names.size >= 2) return `an environment dump (${[...names].slice(0, 4).join(", ")})`;
  const secret = SECRET_ASSIGNMENT.exec(text);
  if (secret && !PLACEHOLDER.test(secret[2]!)) return `${secret[1]} with a value (${mask(secret[2]!)})`;
  return undefined;
}
