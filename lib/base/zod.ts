/**
 * zod for every schema the project builds, in jitless mode. The page runs without 'unsafe-eval'
 * (issue 19 item 13): a zod object schema decides at construction whether to probe `new Function`
 * (a CSP violation without 'unsafe-eval') for its generated fast path. Setting jitless here, in
 * the module every schema file imports `z` from, makes it hold before the first schema is built,
 * whatever order a bundler evaluates modules in. The SDK's own schemas are built later, in the
 * session runtime, and see the same global setting.
 */
import { config, z } from "zod";

config({ jitless: true });

export { z };
