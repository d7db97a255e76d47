import { isJSONRPCRequest, PROTOCOL_VERSION_META_KEY, type Transport } from "@modelcontextprotocol/client";
import { mcpParamHeaders, scanHeaderDeclarations } from "./mcpParamHeaders";

/**
 * Gives every `tools/call` of the 2026-07-28 era sent over `transport` its SEP-2243 `Mcp-Param-*`
 * headers, whoever sends it (the tool panel, the command line, a raw message from the composer):
 * the headers go down as the transport's per-request headers, so the HTTP capture logs them like
 * any other. `inputSchema(name)` is the listed tool's schema (undefined when not listed: the call
 * then goes without custom headers, as the spec says a client without the definition does).
 * Headers the caller set itself win.
 */
export function withToolParamHeaders<T extends Transport>(transport: T, inputSchema: (toolName: string) => unknown): T {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    if (!isJSONRPCRequest(message) || message.method !== "tools/call") return send(message, options);
    const params = message.params as
      { name?: unknown; arguments?: unknown; _meta?: Record<string, unknown> } | undefined;
    // Only a modern-era request carries the protocol version in its _meta (the SDK's own test for 2026 headers).
    if (typeof params?._meta?.[PROTOCOL_VERSION_META_KEY] !== "string" || typeof params.name !== "string")
      return send(message, options);
    const scan = scanHeaderDeclarations(inputSchema(params.name));
    if (!scan.valid || scan.declarations.length === 0) return send(message, options);
    const headers = mcpParamHeaders(scan.declarations, params.arguments);
    if (Object.keys(headers).length === 0) return send(message, options);
    return send(message, { ...options, headers: { ...headers, ...options?.headers } });
  };
  return transport;
}
