import type { Client } from "@modelcontextprotocol/client";
import { errorMessage } from "../base";

export type PingOutcome = { ok: true; ms: number } | { ok: false; ms: number; error: string };

/**
 * Send `ping` and time the round trip. The server's pings to us are answered by the SDK itself.
 * 2026-07-28 removed ping, so there it is not sent.
 */
export async function pingServer(
  client: Client,
  options: { now?: () => number; timeoutMs?: number } = {},
): Promise<PingOutcome> {
  const now = options.now ?? (() => performance.now());
  if (client.getProtocolEra() === "modern")
    return { ok: false, ms: 0, error: "2026-07-28 removed ping: there is nothing to send." };
  const started = now();
  try {
    await client.ping({ timeout: options.timeoutMs ?? 10_000 });
    return { ok: true, ms: now() - started };
  } catch (error) {
    return { ok: false, ms: now() - started, error: errorMessage(error) };
  }
}
