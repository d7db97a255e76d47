import type { FetchLike } from "@modelcontextprotocol/client";
import {
  decodeUpstreamHeaders,
  errorMessage,
  essence,
  isEventStream,
  isHtmlType,
  isJsonType,
  UPSTREAM_HEADERS_HEADER,
} from "../base";
import type { TrafficLog } from "../traffic";
import { addProblem } from "./frameProblems";
import { describeError, flagInvalidUtf8, utf8Decoder, type Tap } from "./bodyDecoding";
import { sseTap } from "./sseTap";

/** Response and request headers worth showing for MCP over HTTP. */
const SHOWN_HEADERS = [
  "content-type",
  "mcp-session-id",
  "mcp-protocol-version",
  "www-authenticate",
  "last-event-id",
  "location",
  "mcp-method",
  "mcp-name",
  "accept",
  "authorization",
  "retry-after",
  "origin",
  "host",
];
const SECRET_HEADERS = new Set(["authorization", "cookie", "set-cookie", "x-mcp-lens-token", "proxy-authorization"]);
const NOTE_LIMIT = 2048;

/**
 * The HTTP capture point: wraps the fetch the SDK transports use, so every request body and every
 * response (JSON body or SSE event) is recorded as raw text before the SDK parses it, together with
 * the HTTP method, status and the headers that matter.
 */
export function capturingFetch(log: TrafficLog, inner: FetchLike): FetchLike {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input.href;
    const method = (init?.method ?? "GET").toUpperCase();
    const exchange = log.newExchange();
    const started = log.now();
    log.append({
      kind: "http",
      ts: started,
      exchange,
      phase: "request",
      method,
      url,
      headers: pickHeaders(new Headers(init?.headers)),
    });
    if (typeof init?.body === "string")
      log.recordFrame("outgoing", init.body, { transport: "http", exchange, stream: "request-body" });

    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      log.append({
        kind: "http",
        ts: log.now(),
        exchange,
        phase: "failed",
        method,
        url,
        headers: {},
        durationMs: log.now() - started,
        note: errorMessage(error),
      });
      throw error;
    }
    const contentType = response.headers.get("content-type") ?? "";
    const entry = {
      kind: "http" as const,
      ts: log.now(),
      exchange,
      phase: "response" as const,
      method,
      url,
      status: response.status,
      headers: responseHeaders(response.headers),
      durationMs: log.now() - started,
    };
    if (!response.body) {
      log.append(entry);
      return response;
    }
    if (isEventStream(contentType)) {
      log.append(entry);
      return withBody(response, tapped(response.body, sseTap(log, exchange), init?.signal));
    }
    if (isJsonType(contentType)) {
      log.append(entry);
      return withBody(response, tapped(response.body, jsonTap(log, exchange), init?.signal));
    }
    // Not MCP content (an HTML page, an error text): keep a short note of what came back.
    const [mine, theirs] = response.body.tee();
    const note = await readHead(mine, NOTE_LIMIT);
    log.append({ ...entry, note: describeBody(contentType, note) });
    return withBody(response, theirs);
  };
}

function withBody(response: Response, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Passes a body through unchanged while the tap records it. Unlike `pipeThrough`, it learns when
 * the body breaks off mid-way, so a cut stream still leaves what arrived (flagged) in the log.
 */
function tapped(body: ReadableStream<Uint8Array>, tap: Tap, signal?: AbortSignal | null): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        // An abort we asked for (disconnect, cancel) is not the server's fault.
        if (!signal?.aborted) tap.end(error);
        controller.error(error);
        return;
      }
      if (result.done) {
        tap.end();
        controller.close();
        return;
      }
      tap.chunk(result.value);
      controller.enqueue(result.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function jsonTap(log: TrafficLog, exchange: number): Tap {
  const decoder = utf8Decoder();
  let text = "";
  return {
    chunk(bytes) {
      text += decoder.decode(bytes);
    },
    end(error) {
      text += decoder.decode();
      const { entry } = log.recordFrame("incoming", text, { transport: "http", exchange, stream: "json-body" });
      flagInvalidUtf8(entry, decoder.invalid);
      if (error !== undefined) {
        log.event(
          "body-cut-off",
          "warn",
          `the response body broke off after ${text.length} characters (${describeError(error)})`,
        );
        addProblem(entry, "cut: the response body broke off before it was complete");
      }
    },
  };
}

async function readHead(stream: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    /* the body failed; what we have is the note */
  } finally {
    void reader.cancel().catch(() => {});
  }
  return text.slice(0, limit);
}

function describeBody(contentType: string, head: string): string {
  const kind =
    isHtmlType(contentType) || /^\s*<(!doctype|html)/i.test(head)
      ? "an HTML page"
      : contentType
        ? `a ${essence(contentType) ?? contentType} body`
        : "a body without Content-Type";
  const text = head.replace(/\s+/g, " ").trim().slice(0, 300);
  return text ? `${kind}: ${text}` : kind;
}

/**
 * Through the relay: every header the server sent (the relay's data header lists them; most never
 * reached the browser as real headers), secrets redacted. Otherwise the headers that matter.
 */
function responseHeaders(headers: Headers): Record<string, string> {
  const upstream = decodeUpstreamHeaders(headers.get(UPSTREAM_HEADERS_HEADER));
  if (!upstream) return pickHeaders(headers);
  const out: Record<string, string> = {};
  for (const [name, raw] of upstream) {
    const value = SECRET_HEADERS.has(name) ? "[redacted]" : raw;
    out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
  }
  return out;
}

export function pickHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SHOWN_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = SECRET_HEADERS.has(name) ? "[redacted]" : value;
  }
  // SEP-2243 custom headers mirrored from tool arguments (Mcp-Param-*), whatever their name.
  for (const [name, value] of headers) if (name.startsWith("mcp-param-")) out[name] = value;
  return out;
}
