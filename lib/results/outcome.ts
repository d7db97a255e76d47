import type { CallToolResult } from "@modelcontextprotocol/client";

/**
 * What became of one `tools/call`: a result (possibly `isError`), a JSON-RPC error response,
 * no answer at all ("failed": transport failure, timeout, lost connection), or cancelled by the person.
 */
export type ToolOutcome =
  | { kind: "result"; result: CallToolResult; elapsedMs: number }
  | { kind: "protocol-error"; code: number; message: string; data?: unknown; elapsedMs: number }
  | { kind: "failed"; message: string; elapsedMs: number }
  /** The person cancelled it (notifications/cancelled was sent): not the server's failure. */
  | { kind: "cancelled"; message: string; elapsedMs: number };
