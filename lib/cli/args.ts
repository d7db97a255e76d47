import { PROTOCOL_CHOICES, type KeyValue, type ProtocolChoice } from "../base";

export const USAGE = `mcp-lens: inspect an MCP server from the command line (no browser).

Usage:
  mcp-lens check <target> [--json] [--junit file]        the spot check; exit 1 when a "must" fails
                [--allow-calls [--all-tools]]            also the security checks that call tools and send
                                                         a burst (read-only tools only, unless --all-tools)
  mcp-lens list <target> [--json]                          tools, resources, templates and prompts
  mcp-lens call <target> <tool> [--args '{...}'] [--json]  one tools/call; exit 1 on an error result
  mcp-lens calls <file> <target> [--json] [--junit file]   saved calls with assertions (see README);
                                                           exit 1 when an assertion fails

A target is one of:
  <url>                              a Streamable HTTP server (--transport sse for legacy HTTP+SSE)
  --config <file> --server <name>    an entry of an mcp.json-style file (mcpServers or servers)
  -- <command> [args...]             a stdio server, started for the run and stopped after it
                                     (with call, the tool comes before the --)

Options:
  --version <auto|${PROTOCOL_CHOICES.filter((v) => v !== "auto").join("|")}>   protocol (default auto)
  --transport <streamable-http|sse>  for a URL target (default streamable-http)
  --header 'Name: value'             an HTTP header for the server (repeatable)
  --env NAME=value                   an environment variable for a stdio server (repeatable)
  --timeout <seconds>                per request (default 10 for checks, 60 for calls)

Exit status: 0 done, 1 a failed "must" check or an error result, 2 a usage or connection failure.`;

export type Command = "check" | "list" | "call" | "calls";

export interface CliOptions {
  command: Command;
  /** A URL target. */
  url?: string;
  /** A stdio target: the words after `--`. */
  stdio?: string[];
  config?: string;
  server?: string;
  tool?: string;
  /** The saved-calls file (`calls`). */
  file?: string;
  /** The tool's arguments as JSON text. */
  args?: string;
  version: ProtocolChoice;
  transport: "streamable-http" | "sse";
  headers: KeyValue[];
  env: KeyValue[];
  /** JSON on stdout instead of text. */
  json?: boolean;
  junit?: string;
  timeoutMs?: number;
  /** check: run the security checks that call tools (read-only ones) and send a burst. */
  allowCalls?: boolean;
  /** check, with allowCalls: also call tools not annotated read-only. */
  allTools?: boolean;
}

export type Parsed = { ok: true; options: CliOptions } | { ok: false; error: string };

const COMMANDS: readonly string[] = ["check", "list", "call", "calls"];
const VALUE_FLAGS = new Set([
  "--config",
  "--server",
  "--args",
  "--version",
  "--transport",
  "--header",
  "--env",
  "--junit",
  "--timeout",
]);

/** Reads `mcp-lens <command> …` (the words after the program name). Never throws. */
export function parseArgs(argv: readonly string[]): Parsed {
  const dash = argv.indexOf("--");
  const words = dash === -1 ? [...argv] : argv.slice(0, dash);
  const stdio = dash === -1 ? undefined : argv.slice(dash + 1);
  const [command, ...rest] = words;
  if (!command || !COMMANDS.includes(command)) return fail(command ? `unknown command "${command}"` : "no command");
  const options: CliOptions = {
    command: command as Command,
    version: "auto",
    transport: "streamable-http",
    headers: [],
    env: [],
  };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]!;
    if (!word.startsWith("--")) {
      positional.push(word);
      continue;
    }
    if (word === "--json" || word === "--allow-calls" || word === "--all-tools") {
      options[word === "--json" ? "json" : word === "--allow-calls" ? "allowCalls" : "allTools"] = true;
      continue;
    }
    if (!VALUE_FLAGS.has(word)) return fail(`unknown option ${word}`);
    const value = rest[++i];
    if (value === undefined) return fail(`${word} needs a value`);
    const problem = setOption(options, word, value);
    if (problem) return fail(problem);
  }
  if (command === "calls") {
    options.file = positional.shift();
    if (!options.file) return fail("calls needs a file of saved calls");
  }
  if (stdio !== undefined) {
    if (stdio.length === 0) return fail("no command after --");
    options.stdio = stdio;
  } else if (!options.config) {
    const url = positional.shift();
    if (!url) return fail("no target: give a URL, --config <file> --server <name>, or -- <command>");
    options.url = url;
  }
  if (options.config && !options.server) return fail("--config needs --server <name>");
  if (options.allTools && !options.allowCalls) return fail("--all-tools widens --allow-calls: give both");
  if (command === "call") {
    options.tool = positional.shift();
    if (!options.tool) return fail("call needs a tool name");
  }
  if (positional.length) return fail(`unexpected ${positional.map((p) => `"${p}"`).join(", ")}`);
  if (options.url && !/^https?:\/\//i.test(options.url)) return fail(`not an http(s) URL: ${options.url}`);
  return { ok: true, options };
}

function setOption(o: CliOptions, flag: string, value: string): string | undefined {
  switch (flag) {
    case "--config":
      o.config = value;
      return;
    case "--server":
      o.server = value;
      return;
    case "--args":
      o.args = value;
      return;
    case "--junit":
      o.junit = value;
      return;
    case "--version":
      if (!(PROTOCOL_CHOICES as readonly string[]).includes(value))
        return `--version must be one of ${PROTOCOL_CHOICES.join(", ")}`;
      o.version = value as ProtocolChoice;
      return;
    case "--transport":
      if (value !== "streamable-http" && value !== "sse") return "--transport must be streamable-http or sse";
      o.transport = value;
      return;
    case "--header": {
      const colon = value.indexOf(":");
      if (colon <= 0) return `--header needs "Name: value", got "${value}"`;
      o.headers.push({ name: value.slice(0, colon).trim(), value: value.slice(colon + 1).trim(), secret: true });
      return;
    }
    case "--env": {
      const eq = value.indexOf("=");
      if (eq <= 0) return `--env needs NAME=value, got "${value}"`;
      o.env.push({ name: value.slice(0, eq), value: value.slice(eq + 1), secret: true });
      return;
    }
    case "--timeout": {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0)
        return `--timeout needs a positive number of seconds, got "${value}"`;
      o.timeoutMs = seconds * 1000;
      return;
    }
  }
  return `unknown option ${flag}`;
}

const fail = (error: string): Parsed => ({ ok: false, error });
