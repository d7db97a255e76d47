/** A bare server with the inspector's upgrade handler (gate + the stdio and relay WebSocket channels), for Node tests. */
import { createServer, type Server } from "node:http";
import { WebSocket } from "ws";
import { RELAY_SOCKET_PATH, STDIO_SOCKET_PATH, STDIO_SOCKET_PROTOCOL, SOCKET_TOKEN_PREFIX } from "../base";
import {
  createRelaySockets,
  createStdioSockets,
  createUpgradeHandler,
  newToken,
  type GateConfig,
  type TeamAuth,
} from "../server";
import type { SessionDeps } from "../session";
import { createHttpFetch, createTransport, type SocketFactory } from "../transports";
import { inProcessFetch } from "./inProcess";

export interface SocketBridge {
  server: Server;
  port: number;
  /** `http://127.0.0.1:<port>`: the Origin a page of this inspector sends. */
  origin: string;
  /** The stdio channel's `ws://` URL. */
  url: string;
  /** The relay channel's `ws://` URL. */
  relayUrl: string;
  token: string;
  gate: GateConfig;
  /** The path of every upgrade request the server got, in order. */
  upgrades: string[];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:0; plain requests get 404 (the HTTP routes are reached in-process). */
export async function startSocketBridge(options: { team?: TeamAuth } = {}): Promise<SocketBridge> {
  const token = newToken();
  const gate: GateConfig = { token, port: 0, team: options.team };
  const sockets = createStdioSockets();
  const relaySockets = createRelaySockets();
  const server = createServer((_req, res) => res.writeHead(404).end());
  const upgrades: string[] = [];
  server.on("upgrade", (req: { url?: string }) => void upgrades.push(req.url ?? ""));
  server.on("upgrade", createUpgradeHandler({ gate, sockets, relaySockets }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  gate.port = typeof address === "object" && address ? address.port : 0;
  const origin = `http://127.0.0.1:${gate.port}`;
  return {
    server,
    port: gate.port,
    origin,
    url: `ws://127.0.0.1:${gate.port}${STDIO_SOCKET_PATH}`,
    relayUrl: `ws://127.0.0.1:${gate.port}${RELAY_SOCKET_PATH}`,
    token,
    gate,
    upgrades,
    close: async () => {
      sockets.close();
      relaySockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Opens a raw socket to the channel as a page of this inspector would (its Origin, the token in the subprotocol). */
export function openChannel(
  bridge: SocketBridge,
  options: { token?: string | null; origin?: string | null; headers?: Record<string, string>; path?: string } = {},
): WebSocket {
  const token = options.token === undefined ? bridge.token : options.token;
  const protocols = [STDIO_SOCKET_PROTOCOL, ...(token === null ? [] : [SOCKET_TOKEN_PREFIX + token])];
  const origin = options.origin === undefined ? bridge.origin : options.origin;
  const url = options.path ? `ws://127.0.0.1:${bridge.port}${options.path}` : bridge.url;
  return new WebSocket(url, protocols, { ...(origin === null ? {} : { origin }), headers: options.headers });
}

/** Session deps whose stdio connections and relayed HTTP requests use the WebSocket channels of `bridge` (HTTP routes in-process as the fallback). */
export function socketSessionDeps(bridge: SocketBridge): SessionDeps {
  // The page's Origin, as a browser sends it.
  const PageSocket = class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin: bridge.origin });
    }
  } as unknown as SocketFactory;
  const endpoints = {
    base: "",
    token: bridge.token,
    fetch: inProcessFetch,
    socket: { url: bridge.url, WebSocket: PageSocket },
    relaySocket: { url: bridge.relayUrl, WebSocket: PageSocket },
  };
  return {
    createTransport: (config, log) => createTransport(endpoints, config, log),
    createFetch: (log) => createHttpFetch(endpoints, log),
    sendsHostHeader: false,
  };
}
