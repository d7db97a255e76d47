import { TEAM_STDIO_OFF, stdioAllowed, teamPolicyFromEnv } from "../security/team";
import { StdioLaunchSchema, type StdioLaunch } from "../../base";
import { LIMITS } from "./limits";
import { registry } from "./registry";

/** What the bridge answers a launch request: the launch to run, or the status and message of its refusal. */
export type LaunchCheck = { ok: true; launch: StdioLaunch } | { ok: false; status: 400 | 403 | 429; message: string };

/**
 * Team mode with no command allow-listed: the stdio bridge is off. Checked before any launch request
 * is read (HTTP body or WebSocket upgrade); the message says why.
 */
export function stdioBridgeOff(): string | undefined {
  const team = teamPolicyFromEnv();
  return team && team.stdioAllow.length === 0 ? TEAM_STDIO_OFF : undefined;
}

/**
 * The launch request's checks, the same for the NDJSON route and the WebSocket channel: JSON, the
 * wire schema, the team allowlist (the command resolved to its absolute path, docs/security.md §S19),
 * and the number of live processes (§S9).
 */
export function checkLaunch(text: string): LaunchCheck {
  const off = stdioBridgeOff();
  if (off) return { ok: false, status: 403, message: off };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: "the launch request is not JSON" };
  }
  const parsed = StdioLaunchSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      message: `invalid launch request: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    };
  let launch = parsed.data;
  const team = teamPolicyFromEnv();
  if (team) {
    const allowed = stdioAllowed(team, launch);
    if (!allowed.ok) return { ok: false, status: 403, message: allowed.message };
    launch = { ...launch, command: allowed.command };
  }
  if (registry().processes.size >= LIMITS.maxProcesses)
    return {
      ok: false,
      status: 429,
      message: `too many live stdio servers (limit ${LIMITS.maxProcesses}); disconnect some first`,
    };
  return { ok: true, launch };
}
