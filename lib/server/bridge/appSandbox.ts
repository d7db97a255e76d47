import { appViewCsp } from "../../security";

/**
 * The sandbox page an MCP App view runs in (docs/security.md rule 20), `GET /app-sandbox?csp=…`.
 * It holds nothing: no token, no app script. The page frames it with `sandbox="allow-scripts"` (no
 * `allow-same-origin`), so it runs in an opaque origin; its CSP header is built from the domains
 * the view's resource declares (the `csp` query, JSON) and also sandboxes it when opened alone.
 * Its script is a relay: it announces itself to the host, puts the view's HTML into an inner
 * frame (`srcdoc`, which keeps this policy and sandbox) and passes messages both ways unchanged.
 */
export const APP_SANDBOX_PATH = "/app-sandbox";

const RELAY = `
(() => {
  const host = window.parent;
  if (host === window) return;
  const FEATURES = { camera: "camera", microphone: "microphone", geolocation: "geolocation", clipboardWrite: "clipboard-write" };
  const inner = document.createElement("iframe");
  inner.setAttribute("sandbox", "allow-scripts");
  inner.setAttribute("title", "MCP App view");
  document.body.appendChild(inner);
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.source === host) {
      if (data && data.method === "ui/notifications/sandbox-resource-ready") {
        const params = data.params || {};
        const asked = params.permissions || {};
        const allow = Object.keys(FEATURES).filter((k) => asked[k]).map((k) => FEATURES[k]);
        if (allow.length) inner.setAttribute("allow", allow.join("; "));
        if (typeof params.html === "string") inner.srcdoc = params.html;
        return;
      }
      if (inner.contentWindow) inner.contentWindow.postMessage(data, "*");
    } else if (event.source === inner.contentWindow) {
      host.postMessage(data, "*");
    }
  });
  host.postMessage({ jsonrpc: "2.0", method: "ui/notifications/sandbox-proxy-ready", params: {} }, "*");
})();
`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%;overflow:hidden;background:transparent}iframe{border:0;width:100%;height:100%;display:block}</style></head><body><script>${RELAY}</script></body></html>`;

/** The page and its headers for a request URL (path and query) and the inspector's Host (its own origin is never declared). */
export function appSandboxPage(
  url: string,
  host?: string,
): { status: number; headers: Record<string, string>; body: string } {
  let declared: unknown;
  try {
    const raw = new URL(url, "http://x").searchParams.get("csp");
    declared = raw && raw.length < 16_384 ? JSON.parse(raw) : undefined;
  } catch {
    declared = undefined;
  }
  return {
    status: 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": appViewCsp(declared, host),
    },
    body: PAGE,
  };
}
