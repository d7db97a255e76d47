#!/usr/bin/env node
// The `mcp-lens` command: runs lib/cli/main.ts (TypeScript) through tsx, on the same code as the page.
import { register } from "tsx/esm/api";

register();
await import("../lib/cli/main.ts");
