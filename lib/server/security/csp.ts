import { randomBytes } from "node:crypto";

/**
 * The page's Content-Security-Policy (docs/security.md §S16): scripts only from this origin and by
 * the per-request nonce (Next.js reads it from the request's CSP header and stamps its scripts).
 * No 'unsafe-eval': schemas are validated by an interpreter (lib/schema/jsonSchema.ts), not by
 * generated code; no inline script runs without the nonce. Images only from this origin, data: and blob: URLs: a server's http(s) icon is
 * fetched through the relay on request (issue 19 item 11), never by the browser.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval' 'unsafe-inline'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** Headers every response carries. */
export const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * The policy of every response that is not a page (API JSON and streams, gate refusals): nothing
 * loads, nothing runs, and opened as a document it is a sandboxed unique origin that cannot be framed.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
