import {
  BRIDGE_MAX_MESSAGE_BYTES,
  type BridgeEvent,
  SOCKET_ACK_BYTES,
  SOCKET_ACK_EVERY,
  SOCKET_TOKEN_PREFIX,
  STDIO_SOCKET_PATH,
  STDIO_SOCKET_PROTOCOL,
  parseSocketEvents,
  utf8Length,
} from "../base";
import { refusedToStart, type StdioChannel } from "./stdioChannel";

/** The WebSocket API this channel uses: the browser's, or a Node implementation with the same shape (tests). */
export interface SocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = new (url: string, protocols: string[]) => SocketLike;

export interface BridgeSocket {
  /** The channel's `ws:` / `wss:` URL (`socketUrl`). */
  url: string;
  /** The WebSocket class; the global one when absent. */
  WebSocket?: SocketFactory;
}

/** How long closing waits for the bridge to stop the server (stdin grace, SIGTERM grace, then SIGKILL). */
const STOP_WAIT_MS = 5000;
const CONNECTING = 0;
const OPEN = 1;

/** The channel's URL at an origin such as `http://127.0.0.1:6274`. */
export function socketUrl(origin: string): string {
  const url = new URL(STDIO_SOCKET_PATH, origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

/** The socket could not open (no custom server, a refused upgrade, no WebSocket at all): the HTTP channel is used instead. */
export class ChannelUnavailable extends Error {}

/**
 * The WebSocket channel (lib/base/wire.ts): the launch request as the first message, then one message
 * per frame sent and one per event received, with no HTTP request per message. Flow control: once the
 * transport has handled `SOCKET_ACK_EVERY` characters of events it acknowledges them (a binary
 * message), so the bridge pauses the server while the page lags, as the HTTP stream's reader does.
 * Closing sends an empty binary message: the bridge stops the server and closes the socket once it is gone.
 */
export function socketChannel(socket: BridgeSocket, token: string): StdioChannel {
  let ws: SocketLike | undefined;
  const messages: string[] = [];
  let head = 0;
  let ended: { error?: Error } | undefined;
  let wake: (() => void) | undefined;
  let closed: Promise<void> | undefined;

  const next = async (): Promise<string | undefined> => {
    while (head === messages.length && !ended) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    if (head < messages.length) {
      const message = messages[head++]!;
      if (head === messages.length) messages.length = head = 0;
      return message;
    }
    if (ended?.error) throw ended.error;
    return undefined;
  };

  async function* events(...first: BridgeEvent[]): AsyncGenerator<BridgeEvent> {
    yield* first;
    let handled = 0;
    for (let text = await next(); text !== undefined; text = await next()) {
      for (const event of parseSocketEvents(text)) yield event as BridgeEvent;
      // The event before this point has been handled (the transport asks for the next one only then).
      handled += text.length;
      if (handled >= SOCKET_ACK_EVERY && ws?.readyState === OPEN) {
        const ack = new ArrayBuffer(SOCKET_ACK_BYTES);
        new DataView(ack).setUint32(0, handled);
        ws.send(ack);
        handled = 0;
      }
    }
  }

  return {
    kind: "socket",
    async open(launch) {
      const Socket = socket.WebSocket ?? (globalThis as { WebSocket?: SocketFactory }).WebSocket;
      if (!Socket) throw new ChannelUnavailable("no WebSocket in this environment");
      let resolveClosed!: () => void;
      closed = new Promise<void>((resolve) => (resolveClosed = resolve));
      const opened = await new Promise<SocketLike>((resolve, reject) => {
        let candidate: SocketLike;
        try {
          candidate = new Socket(socket.url, [STDIO_SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX + token]);
        } catch (error) {
          reject(new ChannelUnavailable(String(error)));
          return;
        }
        ws = candidate; // closable while it opens
        let isOpen = false;
        candidate.binaryType = "arraybuffer";
        candidate.onopen = () => {
          isOpen = true;
          resolve(candidate);
        };
        candidate.onmessage = (event) => {
          if (typeof event.data === "string") messages.push(event.data);
          wake?.();
        };
        candidate.onerror = () => {
          if (!isOpen) reject(new ChannelUnavailable("the WebSocket did not open"));
        };
        candidate.onclose = (event) => {
          resolveClosed();
          if (!isOpen) return reject(new ChannelUnavailable("the WebSocket did not open"));
          // 1000: the bridge ended the events (the server exited) or the page closed the socket.
          ended =
            event.code === 1000 ? {} : { error: new Error(event.reason || `the socket closed (code ${event.code})`) };
          wake?.();
        };
      });
      opened.send(JSON.stringify(launch));
      const text = await next();
      if (text === undefined)
        return events({ type: "error", message: "the stdio bridge closed before the server started" });
      const [first, ...more] = parseSocketEvents(text);
      if (!first) throw new Error("the stdio bridge sent an empty message");
      if (first.type === "refused") throw refusedToStart(first.status, first.error);
      return events(first, ...(more as BridgeEvent[]));
    },
    async write(_id, raw) {
      // The bridge's own rules, checked here so that a refused frame fails its send alone (as over HTTP).
      if (raw.includes("\n")) throw new Error("one frame per request: the body must not contain a newline");
      if (raw.length > BRIDGE_MAX_MESSAGE_BYTES / 3 && utf8Length(raw) > BRIDGE_MAX_MESSAGE_BYTES)
        throw new Error(`request body over ${BRIDGE_MAX_MESSAGE_BYTES} bytes`);
      if (ws?.readyState !== OPEN) throw new Error("the server is no longer running");
      ws.send(raw);
    },
    async close(id) {
      if (!ws) return;
      if (id && ws.readyState === OPEN) {
        // Stop the server and wait until its process group is gone (the bridge closes the socket then), as DELETE does.
        ws.send(new ArrayBuffer(0));
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
      }
      if (ws.readyState === CONNECTING || ws.readyState === OPEN) ws.close(1000);
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
    },
  };
}
