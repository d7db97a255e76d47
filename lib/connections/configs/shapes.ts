import { isRecord } from "../../base";

/**
 * The config files people keep MCP servers in. Claude Desktop, Cursor and Claude Code all use
 * `mcpServers`; they differ in what a remote entry looks like (Claude Code writes `type`).
 */
export const CONFIG_SHAPES = ["claude-desktop", "cursor", "claude-code", "vscode", "server-json"] as const;
export type ConfigShape = (typeof CONFIG_SHAPES)[number];

export const SHAPE_LABELS: Record<ConfigShape, string> = {
  "claude-desktop": "Claude Desktop (claude_desktop_config.json)",
  cursor: "Cursor (mcp.json)",
  "claude-code": "Claude Code (.mcp.json)",
  vscode: "VS Code (.vscode/mcp.json)",
  "server-json": "MCP registry (server.json)",
};

export const SHAPE_FILE_NAMES: Record<ConfigShape, string> = {
  "claude-desktop": "claude_desktop_config.json",
  cursor: "mcp.json",
  "claude-code": ".mcp.json",
  vscode: "mcp.json",
  "server-json": "server.json",
};

export function isConfigShape(value: unknown): value is ConfigShape {
  return typeof value === "string" && (CONFIG_SHAPES as readonly string[]).includes(value);
}

/** The map of servers a document holds, and the shape it reads as; undefined when none. */
export function detectShape(doc: unknown): ConfigShape | undefined {
  if (!isRecord(doc)) return undefined;
  if (Array.isArray(doc.packages) || Array.isArray(doc.remotes) || isServerSchema(doc.$schema)) return "server-json";
  if (isRecord(doc.mcpServers)) return mcpServersShape(doc.mcpServers);
  if (isRecord(doc.servers) || (isRecord(doc.mcp) && isRecord(doc.mcp.servers))) return "vscode";
  // A pasted snippet: the body of `mcpServers` alone ({ "name": { "command": … } }).
  const values = Object.values(doc);
  if (values.length > 0 && values.every((v) => isRecord(v) && ("command" in v || "url" in v))) {
    return mcpServersShape(doc);
  }
  return undefined;
}

function isServerSchema(value: unknown): boolean {
  return typeof value === "string" && /server\.schema\.json/.test(value);
}

/** Claude Code writes `type` on every entry; Cursor has remote entries with a bare `url`; Claude Desktop neither. */
function mcpServersShape(servers: Record<string, unknown>): ConfigShape {
  const entries = Object.values(servers).filter(isRecord);
  if (entries.some((e) => typeof e.type === "string")) return "claude-code";
  if (entries.some((e) => typeof e.url === "string" || typeof e.serverUrl === "string")) return "cursor";
  return "claude-desktop";
}
