import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import {
  SOCKET_ACK_BYTES,
  STDIO_SOCKET_PROTOCOL,
  STDOUT_MESSAGE_PREFIX,
  type BridgeEvent,
  type BridgeSocketRefusal,
} from "../../base";
import { offeredProtocols, refuseUpgrade } from "../security/upgrade";
import { LIMITS } from "./limits";
import { checkLaunch, stdioBridgeOff } from "./stdioLaunch";
import { StdioConnection } from "./stdioConnection";

/** A socket that has not sent its launch request within this time is closed. */
export const LAUNCH_TIMEOUT_MS = 10_000;

/** A batch of stdout lines is sent once it reaches this many characters, without waiting for the rest of the read. */
const STDOUT_BATCH_CHARS = 256 * 1024;

/** Close codes the bridge uses (RFC 6455 §7.4.1). */
export const CLOSE = { normal: 1000, unsupported: 1003, policy: 1008 } as const;

export interface StdioSockets {
  /** Takes over an upgrade request that has passed the gate (`checkUpgrade`). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket: their servers are stopped. */
  close(): void;
}

/**
 * The stdio bridge's WebSocket channel (lib/base/wire.ts `STDIO_SOCKET_PATH`): one socket per live
 * stdio connection, with no HTTP request per message. The first text message is the launch request
 * (the same checks as `POST /api/bridge/stdio`: stdioLaunch.ts); each later text message is one line
 * for stdin; each event is one text message (stdout lines as themselves after a one-letter prefix, several at once joined by newlines). An empty binary message asks for the server to be
 * stopped: the socket closes once its process group is gone. A page → bridge message over `LIMITS.maxBodyBytes`
 * closes that socket (1009), and so does anything else that breaks the protocol: only that
 * connection's server is stopped.
 */
export function createStdioSockets(): StdioSockets {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.maxBodyBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(STDIO_SOCKET_PROTOCOL) ? STDIO_SOCKET_PROTOCOL : false),
  });
  return {
    handleUpgrade(req, socket, head) {
      const off = stdioBridgeOff();
      if (off) return refuseUpgrade(socket, 403, off); // refused before any launch request is read
      if (!offeredProtocols(req.headers).includes(STDIO_SOCKET_PROTOCOL))
        return refuseUpgrade(socket, 400, `the WebSocket subprotocol ${STDIO_SOCKET_PROTOCOL} is required`);
      wss.handleUpgrade(req, socket, head, serve);
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/** One socket: launch, then stdin lines one way and events the other, with flow control. */
function serve(ws: WebSocket): void {
  let connection: StdioConnection | undefined;
  let refused = false;
  /** Characters of events sent and not yet acknowledged by the page as handled. */
  let unacked = 0;
  const waiting = () => Math.max(unacked, ws.bufferedAmount);
  // Backpressure: the server's pipes stay paused until both the socket's buffer and the page's
  // unhandled events are below the high-water mark.
  const flowed = () => {
    if (waiting() < LIMITS.streamHighWaterBytes) connection?.resume();
  };
  const fail = (code: number, reason: string) => ws.close(code, reason);
  const launchTimer = setTimeout(() => fail(CLOSE.policy, "no launch request"), LAUNCH_TIMEOUT_MS);

  ws.on("error", () => {}); // a broken frame or an oversize message: ws closes the socket (1002, 1009)
  ws.on("close", () => {
    clearTimeout(launchTimer);
    void connection?.stop();
  });
  ws.on("message", (data: RawData, isBinary: boolean) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (isBinary && bytes.length === 0 && connection) {
      // The page disconnects: stop the process group, then close, so the page knows it is gone (as DELETE answers).
      void connection.stop().then(() => ws.close(CLOSE.normal));
      return;
    }
    if (isBinary) {
      const handled = bytes.length === SOCKET_ACK_BYTES ? bytes.readUInt32BE(0) : -1;
      if (!connection || handled <= 0 || handled > unacked)
        return fail(CLOSE.unsupported, "a binary message is an acknowledgement of events sent");
      unacked -= handled;
      return flowed();
    }
    const text = bytes.toString("utf8");
    if (refused) return;
    if (!connection) {
      clearTimeout(launchTimer);
      const checked = checkLaunch(text);
      if (!checked.ok) {
        refused = true;
        const refusal: BridgeSocketRefusal = { type: "refused", status: checked.status, error: checked.message };
        ws.send(JSON.stringify(refusal));
        return ws.close(CLOSE.normal);
      }
      // stdout lines that come together (one read of the pipe) go out as one message, joined by
      // newlines (a line never holds one): a burst of small notifications costs a message per batch,
      // not one each. Any other event sends the batch first, so the order stays.
      let batch: string[] = [];
      let batchLength = 0;
      const flush = () => {
        if (batch.length === 0) return;
        const message = STDOUT_MESSAGE_PREFIX + batch.join("\n");
        batch = [];
        batchLength = 0;
        unacked += message.length;
        ws.send(message, flowed);
      };
      connection = StdioConnection.start(checked.launch, {
        send(event: BridgeEvent) {
          if (event.type === "stdout") {
            if (batch.length === 0) queueMicrotask(flush);
            batch.push(event.line);
            batchLength += event.line.length + 1;
            if (batchLength >= STDOUT_BATCH_CHARS) flush();
            return waiting() + batchLength;
          }
          flush();
          const message = JSON.stringify(event);
          unacked += message.length;
          ws.send(message, flowed);
          return waiting();
        },
        end() {
          flush();
          ws.close(CLOSE.normal);
        },
      });
      return;
    }
    if (text.includes("\n")) return fail(CLOSE.policy, "one frame per message: a message must not contain a newline");
    connection.write(text); // false once the server has exited: its `exit` event is on its way
  });
}
