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

/** Read `_meta.ui.csp` (any shape) into clean domain lists. */
export function appViewDomains(csp: unknown): Required<AppViewCspDomains> {
  const record = typeof csp === "object" && csp !== null ? (csp as Record<string, unknown>) : {};
  return {
    connectDomains: cleanSources(record.connectDomains).sources,
    resourceDomains: cleanSources(record.resourceDomains).sources,
    frameDomains: cleanSources(record.frameDomains).sources,
    baseUriDomains: cleanSources(record.baseUriDomains).sources,
  };
}

const list = (sources: string[], fallback: string): string => (sources.length ? sources.join(" ") : fallback);

/**
 * The policy of the sandbox page that runs a view: inline script and style (a view is one HTML
 * document), resources only from `resourceDomains`, connections only to `connectDomains`, frames
 * only from `frameDomains`; no forms, no plugins; `sandbox allow-scripts` even when opened alone.
 */
export function appViewCsp(declared: unknown): string {
  const d = appViewDomains(declared);
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
