/**
 * Browser-safe security parts: the page's way in (pageAccess), and safe URLs.
 * Node-only security (the gate, tokens, launch keys, team mode) is in lib/server.
 */
// zod's jitless mode (the page runs without 'unsafe-eval') is set by lib/base/zod.ts, which every schema is built with.

export * from "./pageAccess";
export * from "./urls";
export * from "./appViewCsp";
