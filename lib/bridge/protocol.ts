import { z } from "zod";
import { ENV_NAME, invalidEnvNames } from "../security/stdioEnv";

/** What the page asks the stdio bridge to start. Shared by the route (parses it) and the transport (sends it). */
export const StdioLaunchSchema = z.object({
  command: z.string().min(1, "a command is required").max(4096),
  args: z.array(z.string().max(65536)).max(1000).default([]),
  env: z
    .record(z.string(), z.string().refine((v) => !v.includes("\0"), "an environment value must not contain a NUL character"))
    .default({})
    .superRefine((env, ctx) => {
      const bad = invalidEnvNames(Object.keys(env));
      if (bad.length) ctx.addIssue({ code: "custom", message: `environment variable names must match ${ENV_NAME.source}; refused: ${bad.join(", ")}` });
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
  /** `refusedLine`: the head of a stdout line refused as too long, and its bytes read when refused. */
  | { type: "error"; message: string; hint?: string; refusedLine?: { head: string; seen: number } };

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
