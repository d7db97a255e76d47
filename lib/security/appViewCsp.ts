/**
 * The Content-Security-Policy of an MCP App view (docs/security.md rule 20): built only from the
 * domains its `ui://` resource declares in `_meta.ui.csp`; nothing declared, nothing reachable.
 * Never `'self'`: the sandbox page's URL is on the inspector's origin, and a view must not reach it.
 */

/** What a resource may declare (the MCP Apps `McpUiResourceCsp`). */
export interface AppViewCspDomains {
  connectDomains?: string[];
  resourceDomains?: string[];
  frameDomains?: string[];
  baseUriDomains?: string[];
}

const MAX_DOMAINS = 32;
/** A scheme and host (a leading `*.` allowed), an optional port: no paths, quotes, spaces or `;`. */
const SOURCE = /^(https?|wss?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?$/i;

/** The declared sources that are plain origins; anything else (a keyword, a path, `*`) is dropped. */
export function cleanSources(list: unknown): { sources: string[]; dropped: string[] } {
  const sources: string[] = [];
  const dropped: string[] = [];
  if (!Array.isArray(list)) return { sources, dropped };
  for (const item of list) {
    if (typeof item === "string" && SOURCE.test(item) && sources.length < MAX_DOMAINS) sources.push(item);
    else dropped.push(String(item).slice(0, 200));
  }
  return { sources, dropped };
}

/** Read `_meta.ui.csp` (any shape) into clean domain lists, without any source that is `inspector`'s own origin. */
export function appViewDomains(csp: unknown, inspector?: string): Required<AppViewCspDomains> {
  const record = typeof csp === "object" && csp !== null ? (csp as Record<string, unknown>) : {};
  const clean = (list: unknown) => cleanSources(list).sources.filter((s) => !inspector || !reaches(s, inspector));
  return {
    connectDomains: clean(record.connectDomains),
    resourceDomains: clean(record.resourceDomains),
    frameDomains: clean(record.frameDomains),
    baseUriDomains: clean(record.baseUriDomains),
  };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|\[::ffff:127(\.\d{1,3}){3}\]|0\.0\.0\.0)$/i;

/**
 * Whether a declared source could name the inspector itself (`host`: its Host header, `name:port`):
 * its port (or `*`) on the inspector's host name or on any loopback name. A view that declares the
 * inspector's origin gets nothing of it (its API wants the session token as well: defence in depth).
 */
function reaches(source: string, host: string): boolean {
  const own = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  const declared = /^(?:https?|wss?):\/\/(?:\*\.)?([^:/]+|\[[^\]]+\])(?::(\d+|\*))?$/i.exec(source);
  if (!own || !declared) return false;
  const [, ownName, ownPort = "80"] = own;
  const [, name, port] = declared;
  const sameHost = name!.toLowerCase() === ownName || LOOPBACK.test(name!) || source.includes("*.");
  const defaultPort = /^(https|wss):/i.test(source) ? "443" : "80";
  return sameHost && (port === "*" || (port ?? defaultPort) === ownPort);
}

const list = (sources: string[], fallback: string): string => (sources.length ? sources.join(" ") : fallback);

/**
 * The policy of the sandbox page that runs a view: inline script and style (a view is one HTML
 * document), resources only from `resourceDomains`, connections only to `connectDomains`, frames
 * only from `frameDomains`; no forms, no plugins; `sandbox allow-scripts` even when opened alone.
 */
export function appViewCsp(declared: unknown, inspector?: string): string {
  const d = appViewDomains(declared, inspector);
  const res = d.resourceDomains.join(" ");
  const withRes = (base: string) => (res ? `${base} ${res}` : base);
  return [
    "default-src 'none'",
    withRes("script-src 'unsafe-inline'"),
    withRes("style-src 'unsafe-inline'"),
    withRes("img-src data: blob:"),
    withRes("font-src data:"),
    withRes("media-src data: blob:"),
    `connect-src ${list(d.connectDomains, "'none'")}`,
    `frame-src ${list(d.frameDomains, "'none'")}`,
    `base-uri ${list(d.baseUriDomains, "'none'")}`,
    "worker-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    "sandbox allow-scripts",
  ].join("; ");
}
