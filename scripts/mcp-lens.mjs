#!/usr/bin/env node
// The `mcp-lens` command. `mcp-lens check|list|call|calls …` runs lib/cli/main.ts (no browser);
// anything else starts the inspector (scripts/start.ts: `mcp-lens`, `mcp-lens <url>`,
// `mcp-lens -- <command> <args>`, `mcp-lens --config <file> --server <name>`, `--help`).
// TypeScript through tsx, on the same code as the page.
import { register } from "tsx/esm/api";

register();
const { CLI_COMMANDS } = await import("../lib/cli/open.ts");
const first = process.argv[2];
if (first !== undefined && (CLI_COMMANDS.includes(first) || first === "help")) await import("../lib/cli/main.ts");
else await import("./start.ts");
