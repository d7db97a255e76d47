/**
 * How the page obtains the session token (issue 19, item 1; docs/security.md). The HTML carries
 * no token: the page proves it may have one by `POST /api/session` with one of
 * - the launch key from the printed URL's fragment (`#k=…`, one-time; removed from the address bar at once),
 * - the pairing value kept in localStorage by an earlier exchange (the server checks it against its HttpOnly cookie),
 * - nothing, which only succeeds in team mode (the team authentication already identified the person).
 * Browser-safe: no Node imports; location, storage and fetch are passed in.
 */
export const SESSION_PATH = "/api/session";
/** A custom header, so a cross-site request needs a preflight (which the inspector refuses). */
export const AUTH_HEADER = "x-mcp-lens-auth";
export const PAIRING_STORAGE_KEY = "mcp-lens.pairing";

export type AuthProof = { kind: "launch"; key: string } | { kind: "pairing"; value: string } | { kind: "none" };

export function formatProof(proof: AuthProof): string {
  return proof.kind === "launch" ? `launch ${proof.key}` : proof.kind === "pairing" ? `pairing ${proof.value}` : "none";
}

export function parseProof(header: string | undefined): AuthProof | undefined {
  const m = /^(launch|pairing|none)(?: ([A-Za-z0-9._-]{1,200}))?$/.exec(header ?? "");
  if (!m) return undefined;
  if (m[1] === "none") return m[2] === undefined ? { kind: "none" } : undefined;
  if (m[2] === undefined) return undefined;
  return m[1] === "launch" ? { kind: "launch", key: m[2] } : { kind: "pairing", value: m[2] };
}

/** The answer to a successful exchange; `pairing` only when a launch key was redeemed. */
export interface SessionGrant {
  token: string;
  pairing?: string;
}

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;
export interface PageAccessDeps {
  href: string;
  /** Replaces the current history entry's URL (history.replaceState). */
  replaceUrl: (url: string) => void;
  storage: KeyValueStorage | undefined;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

export type AccessResult = { ok: true; token: string } | { ok: false; message: string };

/** The launch key in `#k=…`, removed from the address bar (and so from history) before anything else. */
export function takeLaunchKey(deps: Pick<PageAccessDeps, "href" | "replaceUrl">): string | undefined {
  const url = new URL(deps.href);
  const key = new URLSearchParams(url.hash.slice(1)).get("k");
  if (url.hash) {
    url.hash = "";
    deps.replaceUrl(url.href.replace(/#$/, ""));
  }
  return key || undefined;
}

/** Tries the launch key, then the stored pairing, then nothing (team mode); the first grant wins. */
export async function obtainToken(deps: PageAccessDeps): Promise<AccessResult> {
  const key = takeLaunchKey(deps);
  let last = "no launch key in the address and no earlier session in this browser";
  if (key) {
    const result = await exchange(deps, { kind: "launch", key });
    if (result.ok) {
      if (result.grant.pairing) store(deps.storage, result.grant.pairing);
      return { ok: true, token: result.grant.token };
    }
    last = result.message;
  }
  const pairing = read(deps.storage);
  if (pairing) {
    const result = await exchange(deps, { kind: "pairing", value: pairing });
    if (result.ok) return { ok: true, token: result.grant.token };
    if (result.status === 401) remove(deps.storage);
    if (!key) last = result.message;
  }
  const result = await exchange(deps, { kind: "none" });
  if (result.ok) return { ok: true, token: result.grant.token };
  return { ok: false, message: result.status === 401 ? last : result.message };
}

type Exchanged = { ok: true; grant: SessionGrant } | { ok: false; status: number; message: string };

async function exchange(deps: PageAccessDeps, proof: AuthProof): Promise<Exchanged> {
  let response: Response;
  try {
    response = await deps.fetch(SESSION_PATH, {
      method: "POST",
      headers: { [AUTH_HEADER]: formatProof(proof) },
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, message: "MCP Lens is not reachable (has it stopped?)" };
  }
  const body = (await response.json().catch(() => ({}))) as { token?: unknown; pairing?: unknown; error?: unknown };
  if (response.ok && typeof body.token === "string") {
    return {
      ok: true,
      grant: { token: body.token, pairing: typeof body.pairing === "string" ? body.pairing : undefined },
    };
  }
  return {
    ok: false,
    status: response.status,
    message: typeof body.error === "string" ? body.error : `HTTP ${response.status}`,
  };
}

function read(storage: KeyValueStorage | undefined): string | undefined {
  try {
    return storage?.getItem(PAIRING_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function store(storage: KeyValueStorage | undefined, value: string): void {
  try {
    storage?.setItem(PAIRING_STORAGE_KEY, value);
  } catch {
    // Storage off: this tab works; a reload will need a new launch URL.
  }
}

function remove(storage: KeyValueStorage | undefined): void {
  try {
    storage?.removeItem(PAIRING_STORAGE_KEY);
  } catch {
    // nothing to clean
  }
}
