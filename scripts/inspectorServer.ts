import { EventEmitter } from "node:events";
import type { ConnectionConfig } from "../lib/base";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { killAllNow, shutdownAll } from "../lib/server";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "../lib/server";
import { checkRequest, type GateConfig } from "../lib/server";
import { LaunchKeys } from "../lib/server";
import { SessionIssuer } from "../lib/server";
import type { TeamAuth } from "../lib/server";
import { createRelaySockets, createStdioSockets, createUpgradeHandler } from "../lib/server";
import { handleApiRequest, serveFetchHandler } from "../lib/server";
import { APP_SANDBOX_PATH, appSandboxPage } from "../lib/server";

export interface InspectorServerOptions {
  dir: string;
  host: string;
  port: number;
  token: string;
  /** The launch master key (lib/server/security/launch.ts); absent in team mode, where the team authentication lets people in. */
  launchMaster?: string;
  dev?: boolean;
  extraHosts?: string[];
  /** Team mode: authentication required on every route (docs/team-mode.md). */
  team?: TeamAuth;
  /**
   * The server the command line named (`mcp-lens <url>`, `-- <command>`, `--config … --server …`):
   * handed to the page at GET /api/pending, behind the token, to be selected there and started only
   * by the person (a stdio command after they confirm it). Never in a URL.
   */
  pending?: ConnectionConfig;
  /** Time limit of each stop step (closing connections, stopping stdio servers, closing Next). */
  stopStepMs?: number;
}

export interface InspectorServer {
  server: Server;
  url: string;
  port: number;
  /** Stops listening, every process the bridge started, and Next; each step bounded by `stopStepMs`. */
  stop: () => Promise<void>;
}

/**
 * The inspector's HTTP server: every request passes the gate (Host, Origin, method, canonical path,
 * token; docs/security.md §S2–§S4, §P7–§P10) before Next sees it; the token exchange
 * (`POST /api/session`) is answered here; stopping the server stops every process the bridge started.
 */
export async function startInspectorServer(options: InspectorServerOptions): Promise<InspectorServer> {
  const app = next({
    dev: options.dev ?? false,
    dir: options.dir,
    hostname: options.host,
    port: options.port,
    quiet: true,
    // Next.js adds its own 'upgrade' listener to this server at the first request; given a stand-in,
    // it never listens on the real one, where every upgrade passes the gate first (below).
    httpServer: new EventEmitter() as unknown as Server,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const gate: GateConfig = {
    token: options.token,
    port: options.port,
    extraHosts: options.extraHosts,
    team: options.team,
  };
  const sessions = new SessionIssuer({
    token: options.token,
    port: () => gate.port,
    launchKeys: options.launchMaster ? new LaunchKeys(options.launchMaster) : undefined,
    team: options.team !== undefined,
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // Not a page (API answers, refusals): the empty sandboxed policy. Pages and their files get the nonce policy below.
    res.setHeader("content-security-policy", API_CONTENT_SECURITY_POLICY);
    const verdict = checkRequest(gate, { method: req.method, url: req.url ?? "/", headers: req.headers });
    if (!verdict.ok) {
      // Refused before the body is read.
      sendJson(req, res, verdict.status, { error: verdict.message }, { connection: "close", ...verdict.headers });
      return;
    }
    if (verdict.route === "session") {
      const answer = sessions.exchange(req.headers);
      sendJson(req, res, answer.status, answer.body, answer.headers);
      return;
    }
    if (verdict.path === APP_SANDBOX_PATH && (req.method === "GET" || req.method === "HEAD")) {
      // An MCP App view's sandbox page (rule 20): its own policy, nothing of the app's.
      const page = appSandboxPage(req.url ?? "/", req.headers.host);
      res.writeHead(page.status, page.headers);
      res.end(req.method === "HEAD" ? undefined : page.body);
      return;
    }
    if (verdict.path === "/api/pending" && req.method === "GET") {
      sendJson(req, res, 200, { connection: options.pending ?? null }, {});
      return;
    }
    if (verdict.path === "/api" || verdict.path.startsWith("/api/")) {
      // A JSON answer or error is never cached; a route that streams keeps its own cache-control.
      defaultHeadersOnWrite(res, { "cache-control": "no-store" });
      res.setHeader("content-security-policy", API_CONTENT_SECURITY_POLICY);
      // The bridge's routes are answered here, past the gate, without Next's request pipeline (the
      // app/api route files serve the same handlers under `next dev`).
      serveFetchHandler(req, res, `http://${req.headers.host ?? "localhost"}`, handleApiRequest).catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ error: "internal error" }));
      });
      return;
    } else {
      // Next.js takes the nonce from the request's CSP header and puts it on its scripts.
      const csp = contentSecurityPolicy(newNonce(), options.dev);
      req.headers["content-security-policy"] = csp;
      res.setHeader("content-security-policy", csp);
    }
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  });
  // WebSocket upgrades: the same gate, then the stdio channel (lib/server/bridge/stdioSocket.ts);
  // in dev, Next.js's hot reload socket.
  const sockets = createStdioSockets();
  const relaySockets = createRelaySockets();
  const nextUpgrade = options.dev ? app.getUpgradeHandler() : undefined;
  server.on(
    "upgrade",
    createUpgradeHandler({
      gate,
      sockets,
      relaySockets,
      next: nextUpgrade && ((req, socket, head) => void nextUpgrade(req, socket, head).catch(() => socket.destroy())),
    }),
  );
  server.requestTimeout = 0; // long-lived streams (stdio events, SSE) are normal here
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  gate.port = port;
  const hostForUrl = options.host.includes(":") ? `[${options.host}]` : options.host;

  const stepMs = options.stopStepMs ?? 5000;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      server.close();
      server.closeAllConnections();
      relaySockets.close();
      sockets.close(); // upgraded sockets are no longer the server's connections
      await withinLimit(shutdownAll(), stepMs);
      killAllNow(); // whatever the graceful shutdown did not reach in time
      await withinLimit(app.close(), stepMs);
    })());
  process.once("exit", killAllNow);
  return { server, url: `http://${hostForUrl}:${port}`, port, stop };
}

function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-security-policy": API_CONTENT_SECURITY_POLICY,
    ...headers,
  });
  res.end(JSON.stringify(body));
  req.resume();
}

/** Sets each header the response has not set by the time its head is written. */
function defaultHeadersOnWrite(res: ServerResponse, defaults: Record<string, string>): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    for (const [name, value] of Object.entries(defaults)) if (!this.hasHeader(name)) this.setHeader(name, value);
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/** Resolves when `work` settles or after `ms`, whichever comes first; never rejects. */
export function withinLimit(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    work.then(
      () => (clearTimeout(timer), resolve()),
      () => (clearTimeout(timer), resolve()),
    );
  });
}
