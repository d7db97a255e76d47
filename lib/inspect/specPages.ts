/**
 * The specification's revisions and where each page lives in them, for the links the teaching view
 * gives. Page paths follow the published site (docs.json): 2026-07-28 moved transports, progress and
 * cancellation under basic/transports/ and basic/patterns/, and has no lifecycle or ping page.
 */
export const SPEC_VERSIONS = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"] as const;
export const MODERN = "2026-07-28";
export const LAST_LEGACY = "2025-11-25";
/** Used when no version is known: the newest revision whose pages cover the handshake every legacy server starts with. */
export const DEFAULT_SPEC_VERSION = LAST_LEGACY;
const SITE = "https://modelcontextprotocol.io/specification";

export type SpecPage =
  | "basic"
  | "lifecycle"
  | "versioning"
  | "http"
  | "stdio"
  | "authorization"
  | "ping"
  | "progress"
  | "cancellation"
  | "tasks"
  | "mrtr"
  | "subscriptions"
  | "discover"
  | "tools"
  | "resources"
  | "prompts"
  | "completion"
  | "logging"
  | "pagination"
  | "sampling"
  | "elicitation"
  | "roots"
  | "schema"
  | "security";

const SHARED: Partial<Record<SpecPage, string>> = {
  basic: "basic/index",
  tools: "server/tools",
  resources: "server/resources",
  prompts: "server/prompts",
  completion: "server/utilities/completion",
  logging: "server/utilities/logging",
  pagination: "server/utilities/pagination",
  sampling: "client/sampling",
  elicitation: "client/elicitation",
  roots: "client/roots",
  schema: "schema",
  security: "basic/security_best_practices",
};
const LEGACY_PATHS: Partial<Record<SpecPage, string>> = {
  ...SHARED,
  lifecycle: "basic/lifecycle",
  http: "basic/transports",
  stdio: "basic/transports",
  authorization: "basic/authorization",
  ping: "basic/utilities/ping",
  progress: "basic/utilities/progress",
  cancellation: "basic/utilities/cancellation",
  tasks: "basic/utilities/tasks",
};
const MODERN_PATHS: Partial<Record<SpecPage, string>> = {
  ...SHARED,
  versioning: "basic/versioning",
  http: "basic/transports/streamable-http",
  stdio: "basic/transports/stdio",
  authorization: "basic/authorization/index",
  progress: "basic/patterns/progress",
  cancellation: "basic/patterns/cancellation",
  mrtr: "basic/patterns/mrtr",
  subscriptions: "basic/patterns/subscriptions",
  discover: "server/discover",
};
/** Pages that first appear in a later legacy revision. */
const SINCE: Partial<Record<SpecPage, string>> = {
  authorization: "2025-03-26",
  elicitation: "2025-06-18",
  security: "2025-06-18",
  tasks: LAST_LEGACY,
};

/** The published revision to link for a negotiated version string (the nearest earlier one for an unknown date). */
export function specVersion(version?: string): string {
  if (!version || !/^\d{4}-\d{2}-\d{2}$/.test(version)) return DEFAULT_SPEC_VERSION;
  return [...SPEC_VERSIONS].reverse().find((v) => v <= version) ?? SPEC_VERSIONS[0];
}

/** The URL of a page in the given revision, or in the nearest revision that has it. */
export function specUrl(page: SpecPage, version?: string): string {
  const v = specVersion(version);
  if (v === MODERN) {
    if (page === "tasks") return "https://modelcontextprotocol.io/extensions/tasks/overview";
    const path = MODERN_PATHS[page];
    return path ? `${SITE}/${MODERN}/${path}` : `${SITE}/${LAST_LEGACY}/${LEGACY_PATHS[page]}`;
  }
  const path = LEGACY_PATHS[page];
  if (!path) return `${SITE}/${MODERN}/${MODERN_PATHS[page]}`;
  const since = SINCE[page];
  return `${SITE}/${since && since > v ? since : v}/${path}`;
}
