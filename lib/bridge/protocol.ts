import { z } from "zod";

/** What the page asks the stdio bridge to start. Shared by the route (parses it) and the transport (sends it). */
export const StdioLaunchSchema = z.object({
  command: z.string().min(1, "a command is required").max(4096),
  args: z.array(z.string().max(65536)).max(1000).default([]),
  env: z.record(z.string(), z.string()).default({}),
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
/** The relay's upstream request, URI-encoded JSON of `RelayTarget`. */
export const RELAY_TARGET_HEADER = "x-mcp-lens-target";
/** Set on relay responses that are the relay's own failure rather than the upstream's answer. */
export const RELAY_ERROR_HEADER = "x-mcp-lens-relay-error";

export const RelayTargetSchema = z.object({
  url: z.string().url(),
  method: z.enum(["GET", "POST", "DELETE"]),
  headers: z.record(z.string(), z.string()).default({}),
});
export type RelayTarget = z.infer<typeof RelayTargetSchema>;
