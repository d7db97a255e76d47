import { config } from "zod";

/**
 * The page runs without 'unsafe-eval' (issue 19 item 13). zod (under the MCP SDK) probes for
 * `new Function` before its first object parse, which a CSP without 'unsafe-eval' reports as a
 * violation; jitless mode skips the probe and the generated fast path. Import this first.
 */
config({ jitless: true });
