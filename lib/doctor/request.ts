import type { ConnectionConfig, KeyValue } from "../base";
import { TOKEN_HEADER } from "../base";
import { DOCTOR_ROUTE, type DoctorReport, type DoctorRequest } from "./types";

const record = (pairs: KeyValue[]): Record<string, string> =>
  Object.fromEntries(pairs.filter((p) => p.name.trim()).map((p) => [p.name.trim(), p.value]));

/** What the doctor is asked for a connection: the URL with its transport and headers, or the stdio launch as the bridge would run it. */
export function doctorRequestOf(config: ConnectionConfig): DoctorRequest {
  if (config.transport === "stdio")
    return {
      kind: "stdio",
      launch: { command: config.command, args: config.args, env: record(config.env), cwd: config.cwd || undefined },
    };
  return { kind: "url", url: config.url, transport: config.transport, headers: record(config.headers) };
}

/**
 * Asks the inspector's doctor (`POST /api/doctor`, behind the token) to diagnose a connection.
 * Refuses an unconfirmed stdio command: the doctor runs only what the person has confirmed (docs/security.md, rule 6).
 */
export async function runDoctor(
  config: ConnectionConfig,
  api: { token: string; fetch?: typeof fetch; base?: string },
): Promise<DoctorReport> {
  if (config.transport === "stdio" && config.unconfirmed)
    throw new Error("Confirm the command first: the doctor runs only a command you have confirmed.");
  const response = await (api.fetch ?? fetch)(`${api.base ?? ""}${DOCTOR_ROUTE}`, {
    method: "POST",
    headers: { [TOKEN_HEADER]: api.token, "content-type": "application/json" },
    body: JSON.stringify(doctorRequestOf(config)),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<DoctorReport> & { error?: string };
  if (!response.ok || !Array.isArray(body.steps))
    throw new Error(body.error ?? `the doctor could not run (HTTP ${response.status})`);
  return body as DoctorReport;
}
