/** Starting points for the raw composer: one per method of the negotiated era, plus broken ones. */

const LEGACY: Record<string, unknown> = {
  ping: {},
  "tools/list": {},
  "tools/call": { name: "echo", arguments: { message: "hi" } },
  "resources/list": {},
  "resources/read": { uri: "demo://docs/readme.md" },
  "resources/templates/list": {},
  "prompts/list": {},
  "prompts/get": { name: "welcome", arguments: {} },
  "completion/complete": {
    ref: { type: "ref/prompt", name: "code_review" },
    argument: { name: "language", value: "py" },
  },
  "logging/setLevel": { level: "debug" },
  "resources/subscribe": { uri: "demo://docs/readme.md" },
};
const MODERN_ONLY: Record<string, unknown> = {
  "server/discover": {},
  "subscriptions/listen": { filter: { toolsListChanged: true } },
};
const REMOVED_IN_MODERN = new Set(["ping", "logging/setLevel", "resources/subscribe"]);
const NOTIFICATIONS: Record<string, unknown> = {
  "notifications/cancelled": { requestId: 1, reason: "changed my mind" },
  "notifications/roots/list_changed": {},
};

/** What the connected server lists, so templates name its real tool, resource and prompt (not the demo's). */
export interface TemplateTargets {
  tool?: { name: string; arguments: unknown };
  resourceUri?: string;
  prompt?: { name: string; arguments: Record<string, string> };
}

/** The demo's names, replaced by the server's own where it lists any. */
function withTargets(requests: Record<string, unknown>, t: TemplateTargets): Record<string, unknown> {
  const out = { ...requests };
  if (t.tool && "tools/call" in out) out["tools/call"] = { name: t.tool.name, arguments: t.tool.arguments };
  if (t.resourceUri) {
    if ("resources/read" in out) out["resources/read"] = { uri: t.resourceUri };
    if ("resources/subscribe" in out) out["resources/subscribe"] = { uri: t.resourceUri };
  }
  if (t.prompt) {
    if ("prompts/get" in out) out["prompts/get"] = { name: t.prompt.name, arguments: t.prompt.arguments };
    const [argument] = Object.keys(t.prompt.arguments);
    out["completion/complete"] = argument
      ? { ref: { type: "ref/prompt", name: t.prompt.name }, argument: { name: argument, value: "" } }
      : out["completion/complete"];
  }
  return out;
}

export interface Template {
  label: string;
  text: string;
}

let counter = 0;

/** The `_meta` a 2026-07-28 request carries in its params: version, client identity, capabilities. */
export function requestMeta(
  protocolVersion: string,
  clientInfo: { name: string; version: string },
): { _meta: Record<string, unknown> } {
  return {
    _meta: {
      "io.modelcontextprotocol/protocolVersion": protocolVersion,
      "io.modelcontextprotocol/clientInfo": clientInfo,
      "io.modelcontextprotocol/clientCapabilities": {},
    },
  };
}

/** Templates for the era; modern requests carry the per-request `_meta` the 2026-07-28 spec requires. */
export function composerTemplates(
  protocolVersion: string | undefined,
  clientInfo: { name: string; version: string },
  targets: TemplateTargets = {},
): Template[] {
  const modern = protocolVersion === "2026-07-28";
  const meta = modern ? requestMeta(protocolVersion, clientInfo) : {};
  const requests = withTargets(
    {
      ...Object.fromEntries(Object.entries(LEGACY).filter(([m]) => !modern || !REMOVED_IN_MODERN.has(m))),
      ...(modern ? MODERN_ONLY : {}),
    },
    targets,
  );
  const out: Template[] = Object.entries(requests).map(([method, params]) => ({
    label: `request ${method}`,
    text: JSON.stringify(
      { jsonrpc: "2.0", id: `composer-${++counter}`, method, params: { ...(params as object), ...meta } },
      null,
      2,
    ),
  }));
  for (const [method, params] of Object.entries(NOTIFICATIONS))
    out.push({ label: `notification ${method}`, text: JSON.stringify({ jsonrpc: "2.0", method, params }, null, 2) });
  out.push({
    label: "response to a server request",
    text: JSON.stringify({ jsonrpc: "2.0", id: 0, result: {} }, null, 2),
  });
  out.push({
    label: "batch (rejected since 2025-06-18)",
    text: JSON.stringify(
      [
        { jsonrpc: "2.0", id: `composer-${++counter}`, method: "tools/list", params: meta },
        { jsonrpc: "2.0", method: "notifications/roots/list_changed" },
      ],
      null,
      2,
    ),
  });
  out.push({
    label: "unknown method (expect -32601)",
    text: JSON.stringify(
      { jsonrpc: "2.0", id: `composer-${++counter}`, method: "no/such/method", params: meta },
      null,
      2,
    ),
  });
  out.push({ label: "malformed JSON (expect -32700)", text: '{"jsonrpc": "2.0", "id": 1, "method": "tools/list"' });
  return out;
}
