import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * One-time launch keys (issue 19, item 1). The printed URL is `http://127.0.0.1:<port>/#k=<key>`:
 * the key sits in the fragment, so no request, proxy log or Referer ever carries it. A key is
 * `<issued>-<random>.<mac>` with `mac = HMAC-SHA256(master, issued-random)`: anyone holding the
 * master key (the inspector, and `npm start -- --print-url` reading the user-only state file) can
 * mint one without talking to the inspector; the inspector accepts each key once, within its TTL.
 */
export const LAUNCH_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A key issued a little "in the future" is accepted (clocks of two processes, rounding). */
const CLOCK_SKEW_MS = 60 * 1000;
const KEY_SHAPE = /^([0-9]{1,15})-([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

/** A fresh master key: 256 random bits, hex. */
export function newMasterKey(): string {
  return randomBytes(32).toString("hex");
}

export function mintLaunchKey(master: string, now: number = Date.now()): string {
  const nonce = `${Math.floor(now / 1000)}-${randomBytes(16).toString("hex")}`;
  return `${nonce}.${mac(master, nonce)}`;
}

export function launchUrl(baseUrl: string, key: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/#k=${key}`;
}

/**
 * The page `npm start` opens the browser on (a user-only file): it redirects to the launch URL.
 * A URL given to the opener on its command line would be readable by every local user in the
 * process list, long enough to race the browser to the one-time key (Jupyter does the same).
 */
export function openerHtml(url: string): string {
  const safe = url.replace(/[^A-Za-z0-9:/.#=_\[\]-]/g, "");
  return `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${safe}"><title>MCP Lens</title><a href="${safe}">Open MCP Lens</a>\n`;
}

export type RedeemVerdict = { ok: true } | { ok: false; reason: "malformed" | "forged" | "expired" | "used" };

/** The inspector's side: verifies keys and remembers the ones used until they would have expired. */
export class LaunchKeys {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly master: string,
    private readonly ttlMs: number = LAUNCH_KEY_TTL_MS,
  ) {}

  redeem(key: string | undefined, now: number = Date.now()): RedeemVerdict {
    const m = KEY_SHAPE.exec(key ?? "");
    if (!m) return { ok: false, reason: "malformed" };
    const nonce = `${m[1]}-${m[2]}`;
    const given = Buffer.from(m[3]!, "base64url");
    const expected = Buffer.from(mac(this.master, nonce), "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
    const issued = Number(m[1]) * 1000;
    if (issued > now + CLOCK_SKEW_MS || now - issued > this.ttlMs) return { ok: false, reason: "expired" };
    this.forgetExpired(now);
    if (this.used.has(nonce)) return { ok: false, reason: "used" };
    this.used.set(nonce, issued + this.ttlMs);
    return { ok: true };
  }

  private forgetExpired(now: number): void {
    for (const [nonce, expires] of this.used) if (expires < now) this.used.delete(nonce);
  }
}

function mac(master: string, nonce: string): string {
  return createHmac("sha256", Buffer.from(master, "hex")).update(`mcp-lens-launch:${nonce}`).digest("base64url");
}
