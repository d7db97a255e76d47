import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { LaunchKeys } from "./launch";
import { AUTH_HEADER, parseProof, type SessionGrant } from "../../security";

/**
 * The token exchange, `POST /api/session` (issue 19, item 1; docs/security.md §P1–§P4).
 * The gate has already checked Host, Origin, fetch metadata and (in team mode) the team
 * authentication. Here:
 * - a valid, unused launch key gets the token, an `HttpOnly; SameSite=Strict` cookie holding a
 *   random browser id S, and in the body a pairing value P = HMAC(K, S) the page keeps in
 *   localStorage (K: random per start, never leaves the process);
 * - cookie S plus header P that belong together get the token again (reload, second tab);
 * - in team mode any well-formed request gets the token.
 * Neither half alone is enough: cookies are shared by every port of 127.0.0.1, so another local
 * program the browser visits receives S; localStorage is per origin (port included), so only
 * this inspector's pages can read P.
 */
export interface ExchangeAnswer {
  status: 200 | 400 | 401;
  body: SessionGrant | { error: string };
  headers: Record<string, string>;
}

export class SessionIssuer {
  private readonly pairingKey = randomBytes(32);

  constructor(
    private readonly options: {
      token: string;
      port: () => number;
      launchKeys?: LaunchKeys;
      team: boolean;
      now?: () => number;
    },
  ) {}

  /** The cookie name carries the port: cookies do not tell ports apart, so two inspectors must not overwrite each other's. */
  get cookieName(): string {
    return `mcp-lens-${this.options.port()}`;
  }

  exchange(headers: Record<string, string | string[] | undefined>): ExchangeAnswer {
    const proof = parseProof(first(headers[AUTH_HEADER]));
    if (!proof) return refuse(400, `bad request: the ${AUTH_HEADER} header is missing or malformed`);
    if (this.options.team) return grant({ token: this.options.token });
    if (proof.kind === "launch") {
      const verdict = this.options.launchKeys?.redeem(proof.key, this.options.now?.()) ?? {
        ok: false as const,
        reason: "forged" as const,
      };
      if (!verdict.ok) return refuse(401, LAUNCH_REFUSALS[verdict.reason]);
      const browserId = randomBytes(32).toString("base64url");
      const cookie = `${this.cookieName}=${browserId}; HttpOnly; SameSite=Strict; Path=/`;
      return grant({ token: this.options.token, pairing: this.pairing(browserId) }, { "set-cookie": cookie });
    }
    if (proof.kind === "pairing") {
      const ids = cookieValues(first(headers.cookie), this.cookieName);
      if (ids.length === 0) return refuse(401, `unauthorized: no session cookie in this browser; ${HOW_TO_GET_IN}`);
      const given = Buffer.from(proof.value);
      // Any of them (a cookie set by another port's program may sit beside ours); each compared in constant time.
      const matches = ids
        .map((id) => Buffer.from(this.pairing(id)))
        .filter((expected) => expected.length === given.length && timingSafeEqual(expected, given));
      if (matches.length === 0)
        return refuse(
          401,
          `unauthorized: this browser's session is not valid (MCP Lens was restarted?); ${HOW_TO_GET_IN}`,
        );
      return grant({ token: this.options.token });
    }
    return refuse(401, `unauthorized: ${HOW_TO_GET_IN}`);
  }

  private pairing(browserId: string): string {
    return createHmac("sha256", this.pairingKey).update(`mcp-lens-pairing:${browserId}`).digest("base64url");
  }
}

export const HOW_TO_GET_IN = "open the URL printed by `npm start`, or get a new one with `npm start -- --print-url`";

const LAUNCH_REFUSALS = {
  malformed: `unauthorized: this is not a launch link; ${HOW_TO_GET_IN}`,
  forged: `unauthorized: this launch link is not valid for this MCP Lens (each start makes new ones); ${HOW_TO_GET_IN}`,
  expired: `unauthorized: this launch link has expired; ${HOW_TO_GET_IN}`,
  used: `unauthorized: this launch link was already used (each works once); ${HOW_TO_GET_IN}`,
} as const;

const NO_STORE = { "content-type": "application/json", "cache-control": "no-store" };

function grant(body: SessionGrant, extra: Record<string, string> = {}): ExchangeAnswer {
  return { status: 200, body, headers: { ...NO_STORE, ...extra } };
}

function refuse(status: 400 | 401, error: string): ExchangeAnswer {
  return { status, body: { error }, headers: NO_STORE };
}

/** Every value of the cookie `name` in a Cookie header (there can be several, from different paths). */
export function cookieValues(header: string | undefined, name: string): string[] {
  const out: string[] = [];
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
