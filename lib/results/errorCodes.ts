import { ProtocolErrorCode } from "@modelcontextprotocol/client";

const NAMES = new Map<number, string>([
  [ProtocolErrorCode.ParseError, "Parse error"],
  [ProtocolErrorCode.InvalidRequest, "Invalid request"],
  [ProtocolErrorCode.MethodNotFound, "Method not found"],
  [ProtocolErrorCode.InvalidParams, "Invalid params"],
  [ProtocolErrorCode.InternalError, "Internal error"],
  [ProtocolErrorCode.ResourceNotFound, "Resource not found"],
  [ProtocolErrorCode.MissingRequiredClientCapability, "Missing required client capability"],
  [ProtocolErrorCode.UnsupportedProtocolVersion, "Unsupported protocol version"],
  [ProtocolErrorCode.UrlElicitationRequired, "URL elicitation required"],
]);

/** A human name for a JSON-RPC error code: the standard and MCP codes, then the reserved ranges. */
export function errorCodeName(code: number): string | undefined {
  const known = NAMES.get(code);
  if (known) return known;
  if (!Number.isInteger(code)) return undefined;
  if (code <= -32000 && code >= -32099) return "Server error";
  if (code <= -32100 && code >= -32768) return "Reserved JSON-RPC error";
  return undefined;
}
