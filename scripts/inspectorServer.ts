import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { killAllNow, shutdownAll } from "../lib/bridge/registry";
import { API_CSP, contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "../lib/security/csp";
import { checkRequest, type GateConfig } from "../lib/security/gate";
import type { TeamAuth } from "../lib/security/team";

export interface InspectorServerOptions {
  dir: string;
  host: string;
  port: number;
  token: string;
  dev?: boolean;
  extraHosts?: string[];
  /** Team mode: authentication required on every route (docs/team-mode.md). */
  team?: TeamAuth;
}

/**
 * The inspector's HTTP server: every request passes the gate (Host, Origin, token; SECURITY.md
 * rules 2-4) before Next sees it, and stopping the server stops every process the bridge started.
 */
export async function startInspectorServer(options: InspectorServerOptions): Promise<{ server: Server; url: string; stop: () => Promise<void> }> {
  const app = next({ dev: options.dev ?? false, dir: options.dir, hostname: options.host, port: options.port, quiet: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  const gate: GateConfig = { token: options.token, port: options.port, extraHosts: options.extraHosts, team: options.team };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // Not a page (API answers, refusals): the empty sandboxed policy. Pages and their files get the nonce policy below.
    res.setHeader("content-security-policy", API_CSP);
    const verdict = checkRequest(gate, { url: req.url ?? "/", headers: req.headers });
    if (!verdict.ok) {
      // Refused before the body is read.
      res.writeHead(verdict.status, { "content-type": "application/json", "cache-control": "no-store", connection: "close", ...verdict.headers });
      res.end(JSON.stringify({ error: verdict.message }));
      req.resume();
      return;
    }
    if (!req.url?.startsWith("/api/")) {
      // Next.js takes the nonce from the request's CSP header and puts it on its scripts.
      const csp = contentSecurityPolicy(newNonce(), options.dev);
      req.headers["content-security-policy"] = csp;
      res.setHeader("content-security-policy", csp);
    }
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  });
  server.requestTimeout = 0; // long-lived streams (stdio events, SSE) are normal here
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  gate.port = port;
  const hostForUrl = options.host.includes(":") ? `[${options.host}]` : options.host;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      server.close();
      server.closeAllConnections();
      await shutdownAll();
      await app.close().catch(() => {});
    })());
  process.once("exit", killAllNow);
  return { server, url: `http://${hostForUrl}:${port}`, stop };
}
