/**
 * Browser-safe security parts: the page's way in (pageAccess), safe URLs, and zod's jitless mode.
 * Node-only security (the gate, tokens, launch keys, team mode) is in lib/server.
 */
// First: before any zod schema parses (the page runs without 'unsafe-eval').
import "./noEval";

export * from "./pageAccess";
export * from "./urls";
