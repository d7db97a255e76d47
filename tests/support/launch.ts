import { resolve } from "node:path";
import { launchUrl, mintLaunchKey } from "../../lib/server";
import { readState } from "../../lib/server";
import { rawRequest } from "./http";

/**
 * How tests get in (issue 19, item 1): mint a launch key from the inspector's state file, as
 * `npm start -- --print-url` does, and open or exchange it.
 */
const ROOT = resolve(import.meta.dirname, "../..");
export const PW_PORT = Number(process.env.MCP_LENS_PW_PORT ?? 6399);

/** The state directory of the Playwright web server (playwright.config.ts passes it as MCP_LENS_STATE_DIR). */
export function playwrightStateDir(port: number = PW_PORT): string {
  return resolve(ROOT, ".state", `playwright-${port}`);
}

/** A fresh one-time launch URL for the inspector on `port` whose state is in `stateDir`. */
export function mintLaunchUrl(port: number = PW_PORT, stateDir: string = playwrightStateDir(port)): string {
  const read = readState(stateDir, port);
  if (!read.ok) throw new Error(read.message);
  return launchUrl(read.state.url, mintLaunchKey(read.state.master));
}

/** The launch key of a launch URL. */
export function keyOf(url: string): string {
  return new URL(url).hash.replace(/^#k=/, "");
}

export interface Exchanged {
  status: number;
  token?: string;
  pairing?: string;
  /** `name=value` of the session cookie set, if any. */
  cookie?: string;
  body: string;
}

/** `POST /api/session` as a page would, with full control over the headers. */
export async function exchange(
  port: number,
  auth: string | undefined,
  headers: Record<string, string> = {},
): Promise<Exchanged> {
  const res = await rawRequest(port, {
    method: "POST",
    path: "/api/session",
    headers: { host: `127.0.0.1:${port}`, ...(auth === undefined ? {} : { "x-mcp-lens-auth": auth }), ...headers },
  });
  const body = safeJson(res.body) as { token?: string; pairing?: string };
  const setCookie = res.headers["set-cookie"]?.[0];
  return {
    status: res.status,
    token: body?.token,
    pairing: body?.pairing,
    cookie: setCookie?.split(";")[0],
    body: res.body,
  };
}

/** The session token of the inspector on `port`, obtained through a freshly minted launch key. */
export async function tokenFor(port: number, stateDir: string): Promise<string> {
  const got = await exchange(port, `launch ${keyOf(mintLaunchUrl(port, stateDir))}`);
  if (!got.token) throw new Error(`token exchange failed: ${got.status} ${got.body}`);
  return got.token;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
