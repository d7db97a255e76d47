import type { FetchLike } from "@modelcontextprotocol/client";
import { createParser } from "eventsource-parser";
import { UPSTREAM_HEADERS_HEADER, decodeUpstreamHeaders } from "../bridge/protocol";
import type { FrameEntry } from "../traffic/entry";
import type { TrafficLog } from "../traffic/log";
import { INVALID_UTF8, addProblem } from "./frameProblems";

/** Response and request headers worth showing for MCP over HTTP. */
const SHOWN_HEADERS = ["content-type", "mcp-session-id", "mcp-protocol-version", "www-authenticate", "last-event-id", "location", "mcp-method", "mcp-name", "accept", "authorization", "retry-after", "origin"];
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
    log.append({ kind: "http", ts: started, exchange, phase: "request", method, url, headers: pickHeaders(new Headers(init?.headers)) });
    if (typeof init?.body === "string") log.recordFrame("outgoing", init.body, { transport: "http", exchange, stream: "request-body" });

    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      log.append({
        kind: "http", ts: log.now(), exchange, phase: "failed", method, url, headers: {},
        durationMs: log.now() - started,
        note: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
    const contentType = response.headers.get("content-type") ?? "";
    const entry = {
      kind: "http" as const, ts: log.now(), exchange, phase: "response" as const, method, url,
      status: response.status, headers: responseHeaders(response.headers), durationMs: log.now() - started,
    };
    if (!response.body) {
      log.append(entry);
      return response;
    }
    if (/text\/event-stream/i.test(contentType)) {
      log.append(entry);
      return withBody(response, tapped(response.body, sseTap(log, exchange), init?.signal));
    }
    if (/json/i.test(contentType)) {
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

/** Sees every chunk of a body before its consumer does, and how the body ended. */
interface Tap {
  chunk(bytes: Uint8Array): void;
  /** `error` is set when the body broke off (the connection dropped), not when the consumer cancelled it. */
  end(error?: unknown): void;
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

/**
 * Decodes leniently (the log must show what came, even when it is not UTF-8) and, beside it,
 * strictly, to know whether a U+FFFD in the text was really sent or stands for bad bytes.
 */
function utf8Decoder() {
  const lenient = new TextDecoder();
  let strict: TextDecoder | undefined = new TextDecoder("utf-8", { fatal: true });
  const check = (run: (d: TextDecoder) => void) => {
    try {
      if (strict) run(strict);
    } catch {
      strict = undefined;
    }
  };
  return {
    decode(bytes?: Uint8Array): string {
      if (bytes) {
        check((d) => d.decode(bytes, { stream: true }));
        return lenient.decode(bytes, { stream: true });
      }
      check((d) => d.decode());
      return lenient.decode();
    },
    /** True once bytes that are not UTF-8 have been seen. */
    get invalid(): boolean {
      return strict === undefined;
    },
  };
}

function flagInvalidUtf8(entry: FrameEntry, invalid: boolean): void {
  if (invalid && entry.raw.includes("\uFFFD")) addProblem(entry, INVALID_UTF8);
}

function sseTap(log: TrafficLog, exchange: number): Tap {
  const decoder = utf8Decoder();
  /** The text of the event being received, to show it if the stream stops before it ends. */
  let pending = "";
  const parser = createParser({
    onEvent(event) {
      if (event.event === undefined || event.event === "message") {
        flagInvalidUtf8(log.recordFrame("incoming", event.data, { transport: "http", exchange, stream: "sse" }).entry, decoder.invalid);
      } else {
        log.event("info", `SSE "${event.event}" event: ${event.data.slice(0, 300)}`);
      }
    },
    onRetry(ms) {
      log.event("info", `SSE retry interval set to ${ms} ms`);
    },
    onError(error) {
      log.event("warn", `malformed SSE: ${error.message}`);
    },
  });
  const feed = (text: string) => {
    const from = Math.max(0, pending.length - 3);
    pending += text;
    parser.feed(text);
    const end = lastBlankLineEnd(pending, from);
    if (end !== -1) pending = pending.slice(end);
  };
  return {
    chunk: (bytes) => feed(decoder.decode(bytes)),
    end(error) {
      feed(decoder.decode());
      // An event without its closing blank line is dropped by SSE parsers (the SDK's too); comments do not count.
      const fields = pending.split(/\r\n|\r|\n/).filter((l) => l !== "" && !l.startsWith(":"));
      const how = error === undefined ? "ended" : `broke off (${describeError(error)})`;
      if (!fields.length) {
        if (error !== undefined) log.event("warn", `the SSE stream ${how}`);
        return;
      }
      log.event("warn", `the SSE stream ${how} in the middle of an event: the client never received it`);
      const data = fields.filter((l) => l.startsWith("data:")).map((l) => l.slice(l.startsWith("data: ") ? 6 : 5));
      if (data.length) {
        const { entry } = log.recordFrame("incoming", data.join("\n"), { transport: "http", exchange, stream: "sse" });
        addProblem(entry, "cut: the SSE stream stopped before this event was complete (the client never received it)");
      }
    },
  };
}

/** Where the text after the last blank line (an event's end) starts, searching from `from`; -1 if none. */
function lastBlankLineEnd(text: string, from: number): number {
  const blank = /(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r(?!\n)|\n)/g;
  blank.lastIndex = from;
  let end = -1;
  for (let m = blank.exec(text); m; m = blank.exec(text)) end = m.index + m[0].length;
  return end;
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
        log.event("warn", `the response body broke off after ${text.length} characters (${describeError(error)})`);
        addProblem(entry, "cut: the response body broke off before it was complete");
      }
    },
  };
}

function describeError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
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
  const kind = /html/i.test(contentType) || /^\s*<(!doctype|html)/i.test(head) ? "an HTML page" : contentType ? `a ${contentType.split(";")[0]} body` : "a body without Content-Type";
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
  return out;
}
