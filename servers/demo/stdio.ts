/**
 * MCP Lens Demo over stdio, both eras: `serveStdio` picks the era from the opening
 * message (`initialize` → 2025 era, `server/discover` or an enveloped request → 2026-07-28).
 * stdout carries only JSON-RPC; diagnostics go to stderr. When stdin ends the SDK closes the
 * transport and the process exits on its own (after stdout has drained).
 */
import { serveStdio, StdioServerTransport } from "@modelcontextprotocol/server/stdio";
import { createDemoServer, createDemoState } from "./server.js";

const state = createDemoState();
const handle = serveStdio(() => createDemoServer({ state }), {
  transport: new StdioServerTransport(),
  onerror: (error) => console.error(`[mcp-lens-demo] ${error.message}`),
});

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void handle.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
console.error("[mcp-lens-demo] serving on stdio");
