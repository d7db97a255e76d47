import { ProtocolError, SdkError, type StandardSchemaV1 } from "@modelcontextprotocol/client";
import { errorMessage } from "../base";

/**
 * A result schema that accepts whatever came back: an inspector shows an odd result (a missing
 * field, an unknown content type) rather than replacing it with a local validation error. The
 * classifiers in this folder read results defensively for the same reason.
 */
export function asSent<T>(): StandardSchemaV1<unknown, T> {
  return { "~standard": { version: 1, vendor: "mcp-lens", validate: (value) => ({ value: value as T }) } };
}

/** A failed request, as shown: a JSON-RPC error (with code and data) or a local failure. */
export interface RequestFailure {
  message: string;
  /** JSON-RPC error code when the server answered with an error. */
  code?: number;
  data?: unknown;
}

export function describeError(error: unknown): RequestFailure {
  if (error instanceof ProtocolError)
    return { message: error.message, code: error.code, ...(error.data !== undefined && { data: error.data }) };
  if (error instanceof SdkError) {
    if (error.code === "REQUEST_TIMEOUT") return { message: "Timed out waiting for the server's answer." };
    return { message: `${error.message} (${error.code})` };
  }
  return { message: errorMessage(error) };
}
