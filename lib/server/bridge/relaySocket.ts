import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { RELAY_SOCKET_PROTOCOL, type RelaySocketMessage, type RelayTarget } from "../../base";
import { offeredProtocols, refuseUpgrade } from "../security/upgrade";
import { HttpError, LIMITS } from "./limits";
import { parseTarget, relayError, relayTarget, type RelayAnswer } from "./relay";
import { CLOSE } from "./stdioSocket";

/** Room for a request's id, length and target beside the largest body the relay takes. */
const MAX_TARGET_BYTES = 64 * 1024;

export interface RelaySockets {
  /** Takes over an upgrade request that has passed the gate (`checkUpgrade`). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket: their relayed requests are aborted. */
  close(): void;
}

/**
 * The relay's WebSocket channel (lib/base/wire.ts `RELAY_SOCKET_PATH`): one socket per page carries
 * many relayed requests, each answered by the same `relayTarget()` as `POST /api/relay` (its checks,
 * blocked addresses, redirect report, header allowlist and limits unchanged), so only the hop
 * between the page and the inspector changes. A message that breaks the channel's format closes
 * that socket (1003 / 1008, 1009 when too large); closing a socket aborts its requests upstream.
 */
export function createRelaySockets(): RelaySockets {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.maxBodyBytes + MAX_TARGET_BYTES,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(RELAY_SOCKET_PROTOCOL) ? RELAY_SOCKET_PROTOCOL : false),
  });
  return {
    handleUpgrade(req, socket, head) {
      if (!offeredProtocols(req.headers).includes(RELAY_SOCKET_PROTOCOL))
        return refuseUpgrade(socket, 400, `the WebSocket subprotocol ${RELAY_SOCKET_PROTOCOL} is required`);
      wss.handleUpgrade(req, socket, head, serve);
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function serve(ws: WebSocket): void {
  const inFlight = new Map<number, AbortController>();
  const send = (message: RelaySocketMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  ws.on("error", () => {}); // a broken frame or an oversize message: ws closes the socket (1002, 1009)
  ws.on("close", () => {
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
  });
  ws.on("message", (data: RawData, isBinary: boolean) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (!isBinary) {
      const id = abortId(bytes.toString("utf8"));
      if (id === undefined) return ws.close(CLOSE.policy, 'a text message withdraws a request: {"t":"abort","id":N}');
      inFlight.get(id)?.abort();
      return;
    }
    const parsed = parseRequest(bytes);
    if (!parsed) return ws.close(CLOSE.unsupported, "a binary message is a relayed request: id, length, target, body");
    const { id, target, body } = parsed;
    if (inFlight.has(id)) return ws.close(CLOSE.policy, `request id ${id} is already in flight`);
    const controller = new AbortController();
    inFlight.set(id, controller);
    const answered =
      target instanceof HttpError
        ? Promise.resolve(relayError(target.status, target.message))
        : relayTarget(target, target.method === "POST" ? body : undefined, controller.signal);
    void answered
      .then((answer) => forward(ws, id, answer, controller.signal, send))
      .catch(() => send({ t: "fail", id, error: "the relay could not answer" }))
      .finally(() => inFlight.delete(id));
  });
}

/** An answer: its head, then its body chunk by chunk, the upstream paused while the socket's buffer is full. */
function forward(
  ws: WebSocket,
  id: number,
  answer: RelayAnswer,
  signal: AbortSignal,
  send: (message: RelaySocketMessage) => void,
): Promise<void> {
  send({ t: "head", id, status: answer.status, headers: answer.headers });
  const chunk = (bytes: Uint8Array, done?: () => void) => {
    const frame = Buffer.allocUnsafe(4 + bytes.length);
    frame.writeUInt32BE(id, 0);
    frame.set(bytes, 4);
    ws.send(frame, done);
  };
  const body = answer.body;
  if (body === null || typeof body === "string") {
    if (body) chunk(Buffer.from(body));
    send({ t: "end", id });
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const stop = () => {
      body.destroy();
      resolve();
    };
    if (signal.aborted || ws.readyState !== ws.OPEN) return stop();
    signal.addEventListener("abort", stop, { once: true });
    body.on("data", (bytes: Buffer) => {
      if (ws.readyState !== ws.OPEN) return stop();
      if (ws.bufferedAmount < LIMITS.streamHighWaterBytes) return chunk(bytes);
      body.pause();
      chunk(bytes, () => body.resume());
    });
    body.once("end", () => {
      send({ t: "end", id });
      resolve();
    });
    body.once("error", () => {
      if (!signal.aborted) send({ t: "fail", id, error: "the server's answer broke off" });
      resolve();
    });
    body.once("close", () => {
      if (!body.readableEnded && !signal.aborted) send({ t: "fail", id, error: "the server's answer broke off" });
      resolve();
    });
  });
}

/** A request message: its id, its target (or why the target is refused, as the route would say it) and its body; undefined when the message breaks the format. */
function parseRequest(bytes: Buffer): { id: number; target: RelayTarget | HttpError; body: Uint8Array } | undefined {
  if (bytes.length < 8) return undefined;
  const id = bytes.readUInt32BE(0);
  const length = bytes.readUInt32BE(4);
  if (length > MAX_TARGET_BYTES || 8 + length > bytes.length) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(8, 8 + length).toString("utf8"));
  } catch {
    return undefined;
  }
  let target: RelayTarget | HttpError;
  try {
    target = parseTarget(json);
  } catch (error) {
    target = error instanceof HttpError ? error : new HttpError(400, "invalid relay target");
  }
  return { id, target, body: bytes.subarray(8 + length) };
}

function abortId(text: string): number | undefined {
  try {
    const message = JSON.parse(text) as { t?: unknown; id?: unknown };
    return message.t === "abort" && isId(message.id) ? message.id : undefined;
  } catch {
    return undefined;
  }
}

const isId = (id: unknown): id is number =>
  typeof id === "number" && Number.isInteger(id) && id >= 0 && id <= 0xffffffff;
