import { ConnectionConfigSchema, type ConnectionConfig, type KeyValue } from "../base";
import { configEntry } from "../connections";
import { USAGE } from "./args";

/** The subcommands that run without a browser (lib/cli/run.ts); any other start opens the inspector. */
export const CLI_COMMANDS: readonly string[] = ["check", "list", "call", "calls", "conformance-client"];

export const OPEN_USAGE = `mcp-lens: a web inspector for MCP servers.

Usage:
  mcp-lens [options]                                  start the inspector and open the browser
  mcp-lens [options] <url>                            ... with that Streamable HTTP server selected
  mcp-lens [options] --config <file> --server <name>  ... with that entry of a config file selected
                                                      (Claude Desktop, Cursor, Claude Code, VS Code, server.json)
  mcp-lens [options] -- <command> [args...]           ... with that stdio server selected
The server is selected, not started: press Connect in the page (a stdio command is shown whole and
runs only when you confirm it).

Options:
  --port <n>                         the inspector's port (default 6274, or $PORT)
  --host <address>                   the address to listen on (default 127.0.0.1)
  --no-open                          do not open a browser (the launch URL is printed)
  --no-build                         do not build first (use the existing production build)
  --no-demo                          do not start the demo server
  --dev                              Next.js development mode
  --print-url                        a fresh launch URL for the inspector running on --port
  --team, --trust-proxy-header <h>, --public-host <name>, --dangerously-allow-remote-bind
                                     team mode (docs/team-mode.md)
  --transport <streamable-http|sse>  for a <url> (default streamable-http)
  --header 'Name: value'             an HTTP header for the <url> server (repeatable; kept in memory only)
  --env NAME=value                   an environment variable for the stdio server (repeatable)
  --help                             this text

Without a browser:
${USAGE.split("\n").slice(2).join("\n")}`;

/** What the command line asks the page to select: the words after `--`, a URL, or a config entry. */
export interface OpenTarget {
  stdio?: string[];
  url?: string;
  config?: string;
  server?: string;
  transport: "streamable-http" | "sse";
  headers: string[];
  env: string[];
}

/**
 * The connection the inspector hands to the page (GET /api/pending, with the token), selected there
 * and never started by itself: a stdio command waits for the person's confirmation.
 */
export function pendingConnection(
  target: OpenTarget,
  readFile: (path: string) => string,
): ConnectionConfig | undefined {
  const headers = target.headers.map((h) => pair(h, ":", "--header", "Name: value"));
  const env = target.env.map((e) => pair(e, "=", "--env", "NAME=value"));
  const id = "cli-pending";
  if (target.stdio) {
    const [command, ...args] = target.stdio;
    if (!command) throw new Error("no command after --");
    return ConnectionConfigSchema.parse({
      id,
      name: `${command.split(/[\\/]/).pop()} (command line)`,
      transport: "stdio",
      command,
      args,
      env,
      unconfirmed: true,
    });
  }
  if (target.url) {
    if (!/^https?:\/\//i.test(target.url)) throw new Error(`not an http(s) URL: ${target.url}`);
    return ConnectionConfigSchema.parse({
      id,
      name: target.url,
      transport: target.transport,
      url: target.url,
      headers,
    });
  }
  if (target.config) {
    if (!target.server) throw new Error("--config needs --server <name>");
    const found = configEntry(readFile(target.config), target.server, () => id);
    if (!found.ok) throw new Error(`${target.config}: ${found.error}`);
    const c = found.entry.config;
    return c.transport === "stdio"
      ? { ...c, env: [...c.env, ...env], unconfirmed: true }
      : { ...c, headers: [...c.headers, ...headers] };
  }
  if (target.server) throw new Error("--server needs --config <file>");
  return undefined;
}

function pair(text: string, separator: string, flag: string, form: string): KeyValue {
  const at = text.indexOf(separator);
  if (at <= 0) throw new Error(`${flag} needs ${form}, got "${text}"`);
  return { name: text.slice(0, at).trim(), value: text.slice(at + 1).trim(), secret: true };
}
