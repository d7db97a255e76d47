import { ConnectionConfigSchema, type ClientFeatureSwitches, type ConnectionConfig } from "../base";
import { configEntry } from "../connections";
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
 * config file of any shape lib/connections/configs reads (Claude Desktop, Cursor, Claude Code, VS Code, server.json).
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

/** The entry of any config shape lib/connections/configs reads (the page's import reads the same way). */
function fromConfigFile(options: CliOptions, text: string): ConnectionConfig {
  const found = configEntry(text, options.server!, () => "cli");
  if (!found.ok) throw new Error(`${options.config}: ${found.error}`);
  const config = found.entry.config;
  const common = { protocol: options.version, clientFeatures: NO_CLIENT_FEATURES };
  return config.transport === "stdio"
    ? { ...config, ...common, env: [...config.env, ...options.env] }
    : { ...config, ...common, headers: [...config.headers, ...options.headers] };
}
