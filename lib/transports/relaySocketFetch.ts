import type { FetchLike } from "@modelcontextprotocol/client";
import {
  BRIDGE_MAX_MESSAGE_BYTES,
  RELAY_SOCKET_PATH,
  RELAY_SOCKET_PROTOCOL,
  RELAY_TARGET_HEADER,
  type RelaySocketMessage,
  SOCKET_TOKEN_PREFIX,
} from "../base";
import type { SocketFactory, SocketLike } from "./stdioSocketChannel";

/** After the socket could not open, the HTTP route is used for this long before trying again. */
const RETRY_AFTER_MS = 30_000;
const OPEN = 1;
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** The relay channel's `ws:` / `wss:` URL at an origin such as `http://127.0.0.1:6274`. */
export function relaySocketUrl(origin: string): string {
  const url = new URL(RELAY_SOCKET_PATH, origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

interface Pending {
  resolve(response: Response): void;
  reject(error: unknown): void;
  /** The body's stream once the head came (none for a status without a body: its chunks are dropped). */
  stream?: ReadableStreamDefaultController<Uint8Array>;
}

/**
 * A fetch for the relay route that carries each request over one WebSocket per page
 * (lib/base/wire.ts `RELAY_SOCKET_PATH`) instead of an HTTP request to the inspector: the answer is
 * the same Response the route would give (the relay's status, headers, error and redirect reports,
 * the body streamed), so `relayedFetch` above it is unchanged, and so is the capture above that.
 * Whatever the socket cannot carry (no socket, a body over the limit or not text or bytes) goes to
 * `fallback`, the HTTP route. The socket opens on first use and again after it closes.
 */
export function relaySocketFetch(
  socket: { url: string; WebSocket?: SocketFactory },
  token: string,
  fallback: FetchLike,
): FetchLike {
  let ws: Promise<SocketLike | undefined> | undefined;
  let unavailableUntil = 0;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (message: string) => {
    for (const p of pending.values()) {
      const error = new TypeError(message);
      if (p.stream) p.stream.error(error);
      else p.reject(error);
    }
    pending.clear();
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== "string") {
      const bytes = data as ArrayBuffer;
      const id = new DataView(bytes).getUint32(0);
      pending.get(id)?.stream?.enqueue(new Uint8Array(bytes, 4));
      return;
    }
    const message = JSON.parse(data) as RelaySocketMessage;
    const p = pending.get(message.id);
    if (!p) return;
    if (message.t === "head") {
      const bodyless = NULL_BODY_STATUS.has(message.status);
      const body = bodyless
        ? null
        : new ReadableStream<Uint8Array>({
            start: (controller) => void (p.stream = controller),
            cancel: () => withdraw(message.id),
          });
      p.resolve(new Response(body, { status: message.status, headers: message.headers }));
    } else if (message.t === "end") {
      pending.delete(message.id);
      p.stream?.close();
    } else {
      pending.delete(message.id);
      const error = new TypeError(message.error);
      if (p.stream) p.stream.error(error);
      else p.reject(error);
    }
  };

  const withdraw = (id: number) => {
    if (!pending.delete(id)) return;
    void ws?.then((s) => {
      if (s?.readyState === OPEN) s.send(JSON.stringify({ t: "abort", id }));
    });
  };

  const open = (): Promise<SocketLike | undefined> => {
    const Socket = socket.WebSocket ?? (globalThis as { WebSocket?: SocketFactory }).WebSocket;
    if (!Socket) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let candidate: SocketLike;
      try {
        candidate = new Socket(socket.url, [RELAY_SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + token]);
      } catch {
        return resolve(undefined);
      }
      let isOpen = false;
      candidate.binaryType = "arraybuffer";
      candidate.onopen = () => {
        isOpen = true;
        resolve(candidate);
      };
      candidate.onmessage = (event) => onMessage(event.data);
      candidate.onerror = () => {};
      candidate.onclose = () => {
        ws = undefined;
        if (!isOpen) {
          unavailableUntil = Date.now() + RETRY_AFTER_MS;
          return resolve(undefined);
        }
        failAll("the relay's socket closed");
      };
    });
  };

  return async (input, init) => {
    const body = init?.body ?? null;
    const bytes =
      body === null ? new Uint8Array() : typeof body === "string" ? new TextEncoder().encode(body) : undefined;
    const targetHeader = new Headers(init?.headers).get(RELAY_TARGET_HEADER);
    if (!bytes || !targetHeader || bytes.length > BRIDGE_MAX_MESSAGE_BYTES || Date.now() < unavailableUntil)
      return fallback(input, init);
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    const s = await (ws ??= open());
    if (!s || s.readyState !== OPEN) return fallback(input, init);

    const target = new TextEncoder().encode(decodeURIComponent(targetHeader));
    const id = nextId++ >>> 0;
    const message = new Uint8Array(8 + target.length + bytes.length);
    const view = new DataView(message.buffer);
    view.setUint32(0, id);
    view.setUint32(4, target.length);
    message.set(target, 8);
    message.set(bytes, 8 + target.length);
    return new Promise<Response>((resolve, reject) => {
      const entry: Pending = { resolve, reject };
      pending.set(id, entry);
      signal?.addEventListener(
        "abort",
        () => {
          if (!pending.has(id)) return;
          const reason = signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
          if (entry.stream) entry.stream.error(reason);
          else reject(reason);
          withdraw(id);
        },
        { once: true },
      );
      s.send(message.buffer);
    });
  };
}
