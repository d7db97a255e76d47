import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { RELAY_SOCKET_PROTOCOL, RELAY_TARGET_HEADER, RelayTargetSchema, type RelaySocketMessage } from "../../base";
import { offeredProtocols, refuseUpgrade } from "../security/upgrade";
import { LIMITS } from "./limits";
import { relay } from "./relay";
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
 * many relayed requests, each answered by the same `relay()` as `POST /api/relay` (its checks,
 * blocked addresses, redirect report, header allowlist and limits unchanged), so only the hop
 * between the page and the inspector changes. A message that breaks the channel's format closes
 * that socket (1003 / 1008, 1009 when too large); closing a socket aborts its requests upstream.
 */
export function createRelaySockets(handler: (request: Request) => Promise<Response> = relay): RelaySockets {
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
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, handler));
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function serve(ws: WebSocket, handler: (request: Request) => Promise<Response>): void {
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
    const request = new Request("http://inspector.invalid/api/relay", {
      method: "POST",
      headers: { [RELAY_TARGET_HEADER]: encodeURIComponent(JSON.stringify(target)) },
      body: target.method === "POST" ? body : undefined,
      signal: controller.signal,
    });
    void handler(request)
      .then((response) => forward(ws, id, response, controller.signal, send))
      .catch(() => send({ t: "fail", id, error: "the relay could not answer" }))
      .finally(() => inFlight.delete(id));
  });
}

/** The relay's answer to one request: its head, then its body chunk by chunk, paused while the socket's buffer is full. */
async function forward(
  ws: WebSocket,
  id: number,
  response: Response,
  signal: AbortSignal,
  send: (message: RelaySocketMessage) => void,
): Promise<void> {
  send({ t: "head", id, status: response.status, headers: [...response.headers] });
  if (!response.body) return send({ t: "end", id });
  const reader = response.body.getReader();
  signal.addEventListener("abort", () => void reader.cancel().catch(() => {}), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (ws.readyState !== ws.OPEN) return void reader.cancel().catch(() => {});
      const frame = Buffer.allocUnsafe(4 + value.length);
      frame.writeUInt32BE(id, 0);
      frame.set(value, 4);
      if (ws.bufferedAmount < LIMITS.streamHighWaterBytes) ws.send(frame);
      else await new Promise<void>((resolve) => ws.send(frame, () => resolve()));
    }
    send({ t: "end", id });
  } catch {
    if (!signal.aborted) send({ t: "fail", id, error: "the server's answer broke off" });
  }
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

function parseRequest(bytes: Buffer) {
  if (bytes.length < 8) return undefined;
  const id = bytes.readUInt32BE(0);
  const length = bytes.readUInt32BE(4);
  if (length > MAX_TARGET_BYTES || 8 + length > bytes.length) return undefined;
  try {
    const target = RelayTargetSchema.safeParse(JSON.parse(bytes.subarray(8, 8 + length).toString("utf8")));
    if (!target.success) return undefined;
    return { id, target: target.data, body: new Uint8Array(bytes.subarray(8 + length)) };
  } catch {
    return undefined;
  }
}
