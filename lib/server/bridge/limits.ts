import { BRIDGE_MAX_MESSAGE_BYTES } from "../../base";

/** Size and count limits of the bridge (docs/security.md §S9). */
export const LIMITS = {
  /** Request bodies above this get 413. */
  maxBodyBytes: BRIDGE_MAX_MESSAGE_BYTES,
  /** A stdout line above this ends the connection with an error. */
  maxLineBytes: 16 * 1024 * 1024,
  /** Live stdio processes at once. */
  maxProcesses: 64,
  /** Upstream HTTP requests in flight at once through the relay. */
  maxRelayRequests: 256,
  /** Shutdown: wait this long after closing stdin before SIGTERM, then this long before SIGKILL. */
  stdinGraceMs: 1000,
  termGraceMs: 2000,
  /** Bytes of events waiting for a stdio connection's reader before the server's stdout and stderr are paused. */
  streamHighWaterBytes: 1024 * 1024,
  /**
   * Waiting bytes at which that connection is ended with an error. With the pause this is only reached by
   * one huge line whose JSON encoding grew past it: 3 × maxLineBytes (invalid UTF-8 triples) + the high-water mark.
   */
  maxQueuedBytes: 49 * 1024 * 1024,
} as const;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a request body as bytes, refusing more than `max` (by header first, then by counting). */
export async function readBodyLimited(request: Request, max: number = LIMITS.maxBodyBytes): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) throw new HttpError(413, `request body over ${max} bytes`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new HttpError(413, `request body over ${max} bytes`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.length;
  }
  return body;
}

/** A JSON error response with no stack trace (docs/security.md §S10). */
export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function toErrorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  if (error instanceof HttpError) return errorResponse(error.status, error.message, headers);
  return errorResponse(500, "internal error in the bridge", headers);
}
