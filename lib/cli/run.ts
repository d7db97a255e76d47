import type { CallToolResult } from "@modelcontextprotocol/client";
import { errorMessage, type ConnectionConfig, type SessionState } from "../base";
import { checksJson, checksJunit, checksMarkdown, SpotCheck } from "../checks";
import { InspectorSession, type SessionDeps } from "../session";
import { USAGE, parseArgs, type CliOptions } from "./args";
import { runConformanceClient } from "./conformanceClient";
import { callsJunit, callsText, judgeCall, parseSavedCalls, type SavedCall } from "./savedCalls";
import { targetConfig } from "./target";

/** What a run may touch outside itself; injected so tests capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  deps(): SessionDeps;
  /** The environment (the conformance suite passes its scenario there). */
  env?(): Record<string, string | undefined>;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** `mcp-lens <command> …`: parse, connect, do the command, disconnect. Resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.out(USAGE);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === "conformance-client") return runConformanceClient(argv[1], io.env?.() ?? {}, io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(`mcp-lens: ${parsed.error}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const options = parsed.options;
  let config: ConnectionConfig;
  let saved: SavedCall[] = [];
  try {
    if (options.file) saved = parseSavedCalls(io.readFile(options.file));
    config = targetConfig(options, io.readFile);
  } catch (error) {
    io.err(`mcp-lens: ${errorMessage(error)}`);
    return EXIT.usage;
  }
  const session = new InspectorSession(config, io.deps());
  try {
    await session.connect();
    const failure = session.state.failure;
    if (session.state.status !== "connected" || failure) {
      io.err(
        `mcp-lens: ${[failure?.title ?? "could not connect", failure?.detail, failure?.hint].filter(Boolean).join("\n")}`,
      );
      return EXIT.usage;
    }
    if (options.command === "list") return list(session.state, options, io);
    if (options.command === "call") return await call(session, options, io);
    if (options.command === "calls") return await runSaved(session, saved, options, io);
    return await check(session, options, io);
  } finally {
    await session.disconnect();
  }
}

function list(state: SessionState, options: CliOptions, io: CliIo): number {
  const { tools, resources, resourceTemplates, prompts } = state.lists;
  if (options.json) {
    const items = (l: { status: string; items: unknown[] }) => (l.status === "unsupported" ? null : l.items);
    io.out(
      JSON.stringify(
        {
          server: state.serverInfo,
          protocolVersion: state.protocolVersion,
          tools: items(tools),
          resources: items(resources),
          resourceTemplates: items(resourceTemplates),
          prompts: items(prompts),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const lines = [
    `${state.serverInfo?.name ?? "server"} ${state.serverInfo?.version ?? ""} · protocol ${state.protocolVersion ?? "?"}`,
  ];
  const section = (
    title: string,
    l: {
      status: string;
      items: { name?: string; uri?: string; uriTemplate?: string; description?: string }[];
      invalid?: unknown[];
      error?: string;
    },
  ) => {
    if (l.status === "unsupported" || l.status === "error") {
      lines.push("", l.status === "error" ? `${title}: could not load: ${l.error}` : `${title}: not offered`);
      return;
    }
    lines.push(
      "",
      `${title} (${l.items.length}${l.invalid?.length ? `, ${l.invalid.length} invalid set aside` : ""}):`,
    );
    for (const item of l.items) {
      const name = item.name ?? item.uri ?? item.uriTemplate ?? "?";
      const where = item.uri ?? item.uriTemplate;
      const description = item.description?.split("\n", 1)[0];
      lines.push(`  ${name}${where && where !== name ? `  ${where}` : ""}${description ? `  — ${description}` : ""}`);
    }
  };
  section("Tools", tools);
  section("Resources", resources);
  section("Resource templates", resourceTemplates);
  section("Prompts", prompts);
  io.out(lines.join("\n"));
  return EXIT.ok;
}

async function call(session: InspectorSession, options: CliOptions, io: CliIo): Promise<number> {
  let args: unknown = {};
  if (options.args !== undefined) {
    try {
      args = JSON.parse(options.args);
    } catch (error) {
      io.err(`mcp-lens: --args is not JSON: ${errorMessage(error)}`);
      return EXIT.usage;
    }
  }
  const tools = session.state.lists.tools.items;
  if (tools.length && !tools.some((t) => t.name === options.tool)) {
    io.err(
      `mcp-lens: the server lists no tool "${options.tool}" (it has: ${tools.map((t) => t.name).join(", ")}); calling it anyway`,
    );
  }
  const outcome = await session.tools.call(session.client!, options.tool!, args, {
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  if (options.json) io.out(JSON.stringify(outcome.kind === "result" ? outcome.result : outcome, null, 2));
  else if (outcome.kind === "result") io.out(resultText(outcome.result));
  else if (outcome.kind === "protocol-error") io.out(`error ${outcome.code}: ${outcome.message}`);
  else io.out(`failed: ${outcome.message}`);
  return outcome.kind === "result" && !outcome.result.isError ? EXIT.ok : EXIT.failed;
}

function resultText(result: CallToolResult): string {
  const parts = (result.content ?? []).map((block) => {
    if (block.type === "text") return block.text;
    if (block.type === "resource_link") return `[resource link] ${block.uri}`;
    if (block.type === "resource") return `[resource] ${block.resource.uri}`;
    return `[${block.type}${"mimeType" in block ? ` ${block.mimeType}` : ""}]`;
  });
  if (result.structuredContent !== undefined)
    parts.push(`structuredContent: ${JSON.stringify(result.structuredContent, null, 2)}`);
  return `${result.isError ? "isError: true\n" : ""}${parts.join("\n")}`;
}

async function check(session: InspectorSession, options: CliOptions, io: CliIo): Promise<number> {
  const results = await new SpotCheck({ timeoutMs: options.timeoutMs ?? 10_000 }).run(session, {
    allowCalls: options.allowCalls,
    allTools: options.allTools,
  });
  const state = session.state;
  const config = state.config;
  const ctx = {
    server: state.serverInfo ? { name: state.serverInfo.name, version: state.serverInfo.version } : undefined,
    protocolVersion: state.protocolVersion,
    transport: config.transport === "stdio" ? "stdio" : config.transport === "sse" ? "HTTP+SSE" : "Streamable HTTP",
    at: new Date().toISOString(),
  };
  if (options.junit)
    io.writeFile(options.junit, checksJunit(results, `mcp-lens check ${ctx.server?.name ?? config.name}`));
  io.out(options.json ? checksJson(results, ctx) : checksMarkdown(results, ctx));
  return results.some((r) => r.verdict === "fail") ? EXIT.failed : EXIT.ok;
}

/** Every saved call on the one connection, in order, each judged by its assertions. */
async function runSaved(
  session: InspectorSession,
  saved: SavedCall[],
  options: CliOptions,
  io: CliIo,
): Promise<number> {
  const reports = [];
  for (const c of saved) {
    const outcome = await session.tools.call(session.client!, c.tool, c.args, {
      timeoutMs: options.timeoutMs ?? 60_000,
    });
    reports.push(judgeCall(c, outcome));
  }
  if (options.junit) io.writeFile(options.junit, callsJunit(reports, `mcp-lens calls ${options.file}`));
  io.out(options.json ? JSON.stringify({ calls: reports }, null, 2) : callsText(reports));
  return reports.some((r) => r.assertions.some((a) => !a.ok)) ? EXIT.failed : EXIT.ok;
}
