/**
 * The 2026-07-28 checks (stateless era): single-message probes, Streamable HTTP header probes and
 * session checks, in the order they run. Each names the official suite's check ids it judges too.
 */
import type { AnyProbe } from "./spotCheck";
import { MODERN_MESSAGE_PROBES } from "./modernProbes";
import { MODERN_HTTP_PROBES } from "./modernHttp";
import { MODERN_DISCOVER_PROBES } from "./modernDiscover";
import { MODERN_RESOURCE_PROBES } from "./modernResources";
import { MODERN_LISTEN_PROBES } from "./modernListen";

export const MODERN_PROBES: AnyProbe[] = [
  ...MODERN_MESSAGE_PROBES,
  ...MODERN_HTTP_PROBES,
  ...MODERN_DISCOVER_PROBES,
  ...MODERN_RESOURCE_PROBES,
  ...MODERN_LISTEN_PROBES,
];
