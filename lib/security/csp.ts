import { randomBytes } from "node:crypto";

/**
 * The page's Content-Security-Policy (SECURITY.md rule 16): scripts only from this origin and by
 * the per-request nonce (Next.js reads it from the request's CSP header and stamps its scripts).
 * 'unsafe-eval' stays because Ajv compiles validators with `new Function`; no inline script runs
 * without the nonce. Server images may come from http(s) and data: (rule 14), nothing else.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval'${dev ? " 'unsafe-inline'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http: https:",
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

/** For everything that is not the page (API answers, JSON errors): nothing in it may run or be framed, even when opened directly. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
