import {
  ConnectionConfigSchema,
  isRecord,
  type ClientFeatureSwitches,
  type ConnectionConfig,
  type KeyValue,
} from "../base";
import type { CliOptions } from "./args";

/** Nobody is there to answer a server's sampling or elicitation request, so none is declared. */
const NO_CLIENT_FEATURES: ClientFeatureSwitches = {
  sampling: false,
  elicitationForm: false,
  elicitationUrl: false,
  roots: false,
  tasks: false,
};

/**
 * The connection a run uses: from a URL, from the words after `--`, or from an entry of an
 * mcp.json-style file (Claude Desktop, Cursor and Claude Code use `mcpServers`; VS Code `servers`).
 * `readFile` is injected so this stays free of Node's file system.
 */
export function targetConfig(options: CliOptions, readFile: (path: string) => string): ConnectionConfig {
  const common = { id: "cli", protocol: options.version, clientFeatures: NO_CLIENT_FEATURES };
  if (options.stdio) {
    const [command, ...args] = options.stdio;
    return ConnectionConfigSchema.parse({
      ...common,
      name: command,
      transport: "stdio",
      command,
      args,
      env: options.env,
    });
  }
  if (options.url) {
    const transport = options.transport;
    return ConnectionConfigSchema.parse({
      ...common,
      name: options.url,
      transport,
      url: options.url,
      headers: options.headers,
    });
  }
  return fromConfigFile(options, readFile(options.config!));
}

function fromConfigFile(options: CliOptions, text: string): ConnectionConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${options.config} is not JSON: ${(error as Error).message}`);
  }
  const servers = isRecord(parsed) ? (parsed.mcpServers ?? parsed.servers) : undefined;
  if (!isRecord(servers)) throw new Error(`${options.config} has no "mcpServers" (or "servers") object`);
  const entry = servers[options.server!];
  if (!isRecord(entry)) {
    throw new Error(
      `${options.config} has no server "${options.server}" (it has: ${Object.keys(servers).join(", ") || "none"})`,
    );
  }
  const common = { id: "cli", name: options.server!, protocol: options.version, clientFeatures: NO_CLIENT_FEATURES };
  if (typeof entry.command === "string") {
    const args = Array.isArray(entry.args) ? entry.args.map(String) : [];
    const env = [...pairs(entry.env), ...options.env];
    const cwd = typeof entry.cwd === "string" ? entry.cwd : "";
    return ConnectionConfigSchema.parse({ ...common, transport: "stdio", command: entry.command, args, env, cwd });
  }
  const url =
    typeof entry.url === "string" ? entry.url : typeof entry.serverUrl === "string" ? entry.serverUrl : undefined;
  if (!url) throw new Error(`server "${options.server}" has neither a "command" nor a "url"`);
  const transport = entry.type === "sse" || entry.transport === "sse" ? "sse" : "streamable-http";
  const headers = [...pairs(entry.headers), ...options.headers];
  return ConnectionConfigSchema.parse({ ...common, transport, url, headers });
}

/** `{ NAME: "value" }` as key-value pairs, all treated as secret (never printed). */
function pairs(value: unknown): KeyValue[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).map(([name, v]) => ({ name, value: String(v), secret: true }));
}
