import type { CallToolResult } from "@modelcontextprotocol/client";

/**
 * What became of one `tools/call`: a result (possibly `isError`), a JSON-RPC error response,
 * or no answer at all ("failed": transport failure, timeout, cancelled).
 */
export type ToolOutcome =
  | { kind: "result"; result: CallToolResult; elapsedMs: number }
  | { kind: "protocol-error"; code: number; message: string; data?: unknown; elapsedMs: number }
  | { kind: "failed"; message: string; elapsedMs: number };
