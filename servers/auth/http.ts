/**
 * Starts the OAuth-protected fixture (see fixture.ts) and prints `MCP_LENS_AUTH_URL=<url>`.
 * Env: PORT (default 0), ACCESS_TOKEN_TTL (seconds), MISCONFIGURATION (one of MISCONFIGURATIONS),
 * PRE_REGISTERED (JSON array of { clientId, clientSecret?, redirectUris }). Exits on SIGTERM/SIGINT.
 */
import { MISCONFIGURATIONS, startAuthFixture, type AuthMisconfiguration, type PreRegisteredClient } from "./fixture.js";

const misconfiguration = process.env.MISCONFIGURATION as AuthMisconfiguration | undefined;
if (misconfiguration && !MISCONFIGURATIONS.includes(misconfiguration)) {
  console.error(`unknown MISCONFIGURATION ${misconfiguration}; one of ${MISCONFIGURATIONS.join(", ")}`);
  process.exit(2);
}
const fixture = await startAuthFixture({
  port: Number(process.env.PORT ?? 0),
  accessTokenTtl: process.env.ACCESS_TOKEN_TTL ? Number(process.env.ACCESS_TOKEN_TTL) : undefined,
  misconfiguration,
  preRegistered: process.env.PRE_REGISTERED ? (JSON.parse(process.env.PRE_REGISTERED) as PreRegisteredClient[]) : [],
});
console.log(`MCP_LENS_AUTH_URL=${fixture.url}`);
const stop = (): void => void fixture.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
