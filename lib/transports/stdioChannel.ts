import type { FetchLike } from "@modelcontextprotocol/client";
import { type BridgeEvent, type StdioLaunch, TOKEN_HEADER } from "../base";
import { readNdjson } from "./ndjson";

export interface BridgeRoute {
  /** The stdio bridge route, e.g. `/api/bridge/stdio`. */
  url: string;
  token: string;
  fetch: FetchLike;
}

/**
 * How the stdio transport reaches the bridge: over HTTP (`httpChannel`: a POST whose response streams
 * the events, a POST per frame sent) or over one WebSocket (`socketChannel`, stdioSocketChannel.ts).
 * Either way the transport sees the same events; what it records and delivers does not depend on it.
 */
export interface StdioChannel {
  readonly kind: "http" | "socket";
  /** Asks the bridge to start the server; resolves with its events (`spawned` first when it started). Throws the bridge's refusal. */
  open(launch: StdioLaunch): Promise<AsyncGenerator<BridgeEvent>>;
  /** One line for the server's stdin; rejects with the bridge's reason when it cannot be written. */
  write(id: string, raw: string): Promise<void>;
  /** Stops the server (when it started) and ends the events. */
  close(id: string | undefined): Promise<void>;
}

/** "The stdio bridge refused to start the server (HTTP 403): …": the same words whichever channel refused. */
export function refusedToStart(status: number, detail: string): Error {
  return new Error(`The stdio bridge refused to start the server (HTTP ${status}): ${detail}`);
}

/** The HTTP channel: `POST /api/bridge/stdio` streams NDJSON events, `POST …/:id` writes a line, `DELETE …/:id` stops. */
export function httpChannel(route: BridgeRoute): StdioChannel {
  const abort = new AbortController();
  return {
    kind: "http",
    async open(launch) {
      const response = await route.fetch(route.url, {
        method: "POST",
        headers: { [TOKEN_HEADER]: route.token, "content-type": "application/json" },
        body: JSON.stringify(launch),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const detail = (await response.json().catch(() => ({}))) as { error?: string };
        throw refusedToStart(response.status, detail.error ?? response.statusText);
      }
      return readNdjson<BridgeEvent>(response.body);
    },
    async write(id, raw) {
      const response = await route.fetch(`${route.url}/${encodeURIComponent(id)}`, {
        method: "POST",
        headers: { [TOKEN_HEADER]: route.token, "content-type": "text/plain" },
        body: raw,
      });
      if (!response.ok) {
        const detail = (await response.json().catch(() => ({}))) as { error?: string };
        throw new Error(detail.error ?? `could not write to the server (HTTP ${response.status})`);
      }
    },
    async close(id) {
      if (id) {
        await route
          .fetch(`${route.url}/${encodeURIComponent(id)}`, {
            method: "DELETE",
            headers: { [TOKEN_HEADER]: route.token },
          })
          .catch(() => {});
      }
      abort.abort();
    },
  };
}
