/**
 * The 2025-11-25 checks that cover the official suite's server rules for any server (not those that
 * need the suite's own reference tools). The era-independent "every frame valid" (./wireValid.ts)
 * is not here: spotCheck.ts runs it after every other check, so it also judges what they got back.
 */
import type { AnyProbe } from "./spotCheck";
import { LEGACY_HTTP_PROBES } from "./legacyHttp";
import { LEGACY_LIST_PROBES } from "./legacyLists";
import { LEGACY_SESSION_PROBES } from "./legacySession";

export const LEGACY_PROBES: AnyProbe[] = [...LEGACY_SESSION_PROBES, ...LEGACY_LIST_PROBES, ...LEGACY_HTTP_PROBES];
