import { z } from "./zod";
import { ENV_NAME, invalidEnvNames } from "./stdioEnv";

/** What the page asks the stdio bridge to start. Shared by the route (parses it) and the transport (sends it). */
export const StdioLaunchSchema = z.object({
  command: z.string().min(1, "a command is required").max(4096),
  args: z.array(z.string().max(65536)).max(1000).default([]),
  env: z
    .record(
      z.string(),
      z.string().refine((v) => !v.includes("\0"), "an environment value must not contain a NUL character"),
    )
    .default({})
    .superRefine((env, ctx) => {
      const bad = invalidEnvNames(Object.keys(env));
      if (bad.length)
        ctx.addIssue({
          code: "custom",
          message: `environment variable names must match ${ENV_NAME.source}; refused: ${bad.join(", ")}`,
        });
    }),
  cwd: z.string().max(4096).optional(),
});
export type StdioLaunch = z.infer<typeof StdioLaunchSchema>;

/** Events the stdio bridge streams to the page, one JSON object per line. */
export type BridgeEvent =
  | { type: "spawned"; id: string; pid: number }
  | { type: "stdout"; line: string }
  | { type: "stderr"; line: string }
  | { type: "exit"; code: number | null; signal: string | null }
  /** `refusedLine`: the head of a stdout line refused as too long, its size in bytes (all of it when `complete`, else what was read) and the limit. */
  | { type: "error"; message: string; hint?: string; refusedLine?: RefusedLine };

export interface RefusedLine {
  head: string;
  seen: number;
  complete?: boolean;
  limit?: number;
}

export const TOKEN_HEADER = "x-mcp-lens-token";

/** Largest page → bridge message: an HTTP request body, or one WebSocket message (a stdin line). */
export const BRIDGE_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * The stdio bridge's WebSocket channel: one socket per live stdio connection (lib/server/bridge/stdioSocket.ts).
 * The page offers the subprotocols `[STDIO_SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + token]` (a browser's
 * WebSocket cannot send a custom header); the bridge echoes only `STDIO_SOCKET_PROTOCOL`.
 * Page → bridge: the first text message is the `StdioLaunch` JSON, every later one a line for stdin;
 * a binary message is an acknowledgement (`SOCKET_ACK_BYTES` bytes, big-endian: how many characters of
 * event text the page has handled), the flow control that pauses the server past the high-water mark;
 * an empty binary message asks the bridge to stop the server (it closes the socket once the process group is gone).
 * Bridge → page: stdout lines as `STDOUT_MESSAGE_PREFIX` + the lines themselves joined by newlines
 * (lines that came together in one message; no JSON envelope to build and take apart for the
 * commonest event), every other `BridgeEvent` (or a `BridgeSocketRefusal`) as its JSON object, which
 * starts with `{`.
 */
export const STDIO_SOCKET_PATH = "/api/bridge/stdio/ws";
export const STDIO_SOCKET_PROTOCOL = "mcp-lens.v1";
export const STDOUT_MESSAGE_PREFIX = "o";

/** One message of the stdio channel, bridge → page, as the events it carries. */
export function parseSocketEvents(text: string): Array<BridgeEvent | BridgeSocketRefusal> {
  if (!text.startsWith(STDOUT_MESSAGE_PREFIX)) return [JSON.parse(text) as BridgeEvent | BridgeSocketRefusal];
  return text
    .slice(STDOUT_MESSAGE_PREFIX.length)
    .split("\n")
    .map((line) => ({ type: "stdout", line }));
}
export const SOCKET_TOKEN_PREFIX = "token.";
export const SOCKET_ACK_BYTES = 4;
/** The page acknowledges once it has handled this many characters of events (well under the 1 MiB high-water mark). */
export const SOCKET_ACK_EVERY = 256 * 1024;
/** The launch request was refused after the upgrade: the status and message the HTTP route would have answered. */
export interface BridgeSocketRefusal {
  type: "refused";
  status: number;
  error: string;
}

/**
 * The relay's WebSocket channel: one socket per page, many relayed requests at once, with no HTTP
 * request between the page and the inspector per message (lib/server/bridge/relaySocket.ts). Offered
 * with `[RELAY_SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + token]`, behind the same upgrade gate as the stdio channel.
 * Page → relay: a request is one binary message, `u32 id · u32 n · n bytes of `RelayTarget` JSON ·
 * the body`; `{"t":"abort","id"}` (text) withdraws one. Relay → page: `{"t":"head",…}` (text: the
 * status and headers the relay route would have answered, its own error and redirect headers
 * included), then the body as binary messages `u32 id · bytes`, then `{"t":"end"}` or `{"t":"fail"}`.
 */
export const RELAY_SOCKET_PATH = "/api/relay/ws";
export const RELAY_SOCKET_PROTOCOL = "mcp-lens.relay.v1";
export type RelaySocketMessage =
  | { t: "head"; id: number; status: number; headers: [string, string][] }
  | { t: "end"; id: number }
  | { t: "fail"; id: number; error: string };

/** The relay's upstream request, URI-encoded JSON of `RelayTarget`. */
export const RELAY_TARGET_HEADER = "x-mcp-lens-target";
/** Set on relay responses that are the relay's own failure rather than the upstream's answer. Only the relay sets it. */
export const RELAY_ERROR_HEADER = "x-mcp-lens-relay-error";
/**
 * Set (by the relay only) when the upstream answered with a 3xx: the relay's own response is a 200
 * whose JSON body is `{ redirect: RelayRedirect }`, never a 3xx the browser would follow itself.
 */
export const RELAY_REDIRECT_HEADER = "x-mcp-lens-relay-redirect";
/** `location`: the upstream's Location resolved against the requested URL (null when absent or unusable). */
export interface RelayRedirect {
  status: number;
  location: string | null;
}
/**
 * Every header the upstream sent, as data (URI-encoded JSON of `[name, value]` pairs, names lower-case):
 * the browser never acts on them at the app's origin, the traffic log still shows them.
 */
export const UPSTREAM_HEADERS_HEADER = "x-mcp-lens-upstream-headers";

export function encodeUpstreamHeaders(pairs: Array<[string, string]>): string {
  return encodeURIComponent(JSON.stringify(pairs));
}

/** The pairs, or undefined when the header is absent or not what the relay writes. */
export function decodeUpstreamHeaders(value: string | null): Array<[string, string]> | undefined {
  if (value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    if (!Array.isArray(parsed)) return undefined;
    return parsed.filter(
      (p): p is [string, string] =>
        Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && typeof p[1] === "string",
    );
  } catch {
    return undefined;
  }
}

export const RelayTargetSchema = z.object({
  url: z.string().url(),
  method: z.enum(["GET", "POST", "DELETE"]),
  headers: z.record(z.string(), z.string()).default({}),
});
export type RelayTarget = z.infer<typeof RelayTargetSchema>;
