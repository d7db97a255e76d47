/**
 * The 2025-11-25 checks that cover the official suite's server rules for any server (not those that
 * need the suite's own reference tools), plus the era-independent "every frame valid", which runs
 * last so it also judges what the other checks got back.
 */
import type { AnyProbe } from "./spotCheck";
import { LEGACY_HTTP_PROBES } from "./legacyHttp";
import { LEGACY_LIST_PROBES } from "./legacyLists";
import { LEGACY_SESSION_PROBES } from "./legacySession";
import { wireValid } from "./wireValid";

export const LEGACY_PROBES: AnyProbe[] = [
  ...LEGACY_SESSION_PROBES,
  ...LEGACY_LIST_PROBES,
  ...LEGACY_HTTP_PROBES,
  wireValid,
];
