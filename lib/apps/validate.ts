import * as ui from "@modelcontextprotocol/ext-apps/app-bridge";

/**
 * A view↔host message checked against the MCP Apps extension's own schemas (the ext-apps zod
 * schemas, generated from its schema.json): requests and notifications of the `ui/` methods.
 * MCP methods forwarded to the server are checked by the server's side; answers are not checked here.
 */
type Check = { safeParse: (value: unknown) => { success: boolean; error?: { issues: Issue[] } } };
type Issue = { path: PropertyKey[]; message: string };

const SCHEMAS: Record<string, Check> = {
  "ui/initialize": ui.McpUiInitializeRequestSchema,
  "ui/notifications/initialized": ui.McpUiInitializedNotificationSchema,
  "ui/open-link": ui.McpUiOpenLinkRequestSchema,
  "ui/download-file": ui.McpUiDownloadFileRequestSchema,
  "ui/message": ui.McpUiMessageRequestSchema,
  "ui/update-model-context": ui.McpUiUpdateModelContextRequestSchema,
  "ui/request-display-mode": ui.McpUiRequestDisplayModeRequestSchema,
  "ui/resource-teardown": ui.McpUiResourceTeardownRequestSchema,
  "ui/notifications/size-changed": ui.McpUiSizeChangedNotificationSchema,
  "ui/notifications/request-teardown": ui.McpUiRequestTeardownNotificationSchema,
  "ui/notifications/sandbox-proxy-ready": ui.McpUiSandboxProxyReadyNotificationSchema,
  "ui/notifications/sandbox-resource-ready": ui.McpUiSandboxResourceReadyNotificationSchema,
  "ui/notifications/tool-input": ui.McpUiToolInputNotificationSchema,
  "ui/notifications/tool-input-partial": ui.McpUiToolInputPartialNotificationSchema,
  "ui/notifications/tool-result": ui.McpUiToolResultNotificationSchema,
  "ui/notifications/tool-cancelled": ui.McpUiToolCancelledNotificationSchema,
  "ui/notifications/host-context-changed": ui.McpUiHostContextChangedNotificationSchema,
};

/** What is wrong with a parsed view↔host message under the extension's schema, or undefined. */
export function appMessageProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const method = (value as { method?: unknown }).method;
  if (typeof method !== "string") return undefined;
  const schema = SCHEMAS[method];
  if (!schema) return method.startsWith("ui/") ? `${method} is not an MCP Apps method` : undefined;
  const { method: m, params } = value as { method: string; params?: unknown };
  const parsed = schema.safeParse(params === undefined ? { method: m } : { method: m, params });
  if (parsed.success) return undefined;
  const issues = (parsed.error?.issues ?? []).slice(0, 3);
  return `not valid MCP Apps ${method}: ${issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ")}`;
}
