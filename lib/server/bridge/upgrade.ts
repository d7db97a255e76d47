import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { RELAY_SOCKET_PATH, STDIO_SOCKET_PATH } from "../../base";
import type { GateConfig } from "../security/gate";
import { checkUpgrade, refuseUpgrade } from "../security/upgrade";
import type { RelaySockets } from "./relaySocket";
import type { StdioSockets } from "./stdioSocket";

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * The inspector server's 'upgrade' listener: every WebSocket upgrade passes the gate (`checkUpgrade`,
 * the same rules as a request) before anything else; the stdio and relay channels take their paths, `next`
 * (Next.js's own handler, for the dev server's hot reload) any other non-API path, the rest is 404.
 */
export function createUpgradeHandler(options: {
  gate: GateConfig;
  sockets: StdioSockets;
  relaySockets?: RelaySockets;
  next?: UpgradeHandler;
}): UpgradeHandler {
  return (req, socket, head) => {
    socket.on("error", () => {});
    const verdict = checkUpgrade(options.gate, { method: req.method, url: req.url ?? "/", headers: req.headers });
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.message, verdict.headers);
    if (verdict.path === STDIO_SOCKET_PATH) return options.sockets.handleUpgrade(req, socket, head);
    if (verdict.path === RELAY_SOCKET_PATH && options.relaySockets)
      return options.relaySockets.handleUpgrade(req, socket, head);
    const api = verdict.path === "/api" || verdict.path.startsWith("/api/");
    if (options.next && verdict.route === "app" && !api) return options.next(req, socket, head);
    refuseUpgrade(socket, 404, "no such WebSocket endpoint");
  };
}
