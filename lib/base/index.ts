/**
 * The ground floor: what every other lib/ folder shares. Imports nothing of the project.
 * The Store, connection config and session state, the bridge's wire constants and schemas, and
 * small helpers (errors, records, formatters, media types, secrets, pacing).
 */
export { z } from "./zod";
export * from "./config";
export * from "./errors";
export * from "./featureSwitches";
export * from "./format";
export * from "./migrate";
export * from "./mediaType";
export * from "./pacing";
export * from "./record";
export * from "./secrets";
export * from "./serverUrl";
export * from "./state";
export * from "./stdioEnv";
export * from "./store";
export * from "./violations";
export * from "./wire";
