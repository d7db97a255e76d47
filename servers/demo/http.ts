/**
 * MCP Lens Demo over Streamable HTTP on 127.0.0.1, path /mcp, both eras:
 * - 2026-07-28 (enveloped requests, `server/discover`): `createMcpHandler` in strict modern
 *   mode, a fresh instance per request, `subscriptions/listen` served by the handler.
 * - 2025 era: routed with `isLegacyRequest` to sessionful `WebStandardStreamableHTTPServerTransport`s
 *   (Mcp-Session-Id, GET stream, DELETE), so server→client requests (sampling,
 *   elicitation via the legacy shim) can be answered on the same session.
 * Prints `MCP_LENS_DEMO_URL=<url>` once listening. PORT env (default 0 = random).
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import {
  createMcpHandler,
  hostHeaderValidationResponse,
  isInitializeRequest,
  isLegacyRequest,
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  originValidationResponse,
  WebStandardStreamableHTTPServerTransport,
  type McpServer,
} from "@modelcontextprotocol/server";
import { toNodeListener } from "./nodeHttp.js";
import { createDemoServer, createDemoState, syncDemoServer } from "./server.js";

const HOST = "127.0.0.1";
const PATH = "/mcp";

interface LegacySession {
  server: McpServer;
  transport: WebStandardStreamableHTTPServerTransport;
}

const log = (message: string): void => console.error(`[mcp-lens-demo http] ${message}`);
const state = createDemoState();
const sessions = new Map<string, LegacySession>();

const onToolsChanged = (): void => {
  for (const session of sessions.values()) syncDemoServer(session.server);
  modern.notify.toolsChanged();
};

const modern = createMcpHandler(() => createDemoServer({ state, onToolsChanged }), {
  legacy: "reject",
  onerror: (error) => log(error.message),
});

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: "2.0", id: null, error: { code, message } }, { status });
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.clone().json();
  } catch {
    return undefined;
  }
}

async function handleLegacy(request: Request): Promise<Response> {
  const sessionId = request.headers.get("mcp-session-id");
  if (sessionId !== null) {
    const session = sessions.get(sessionId);
    if (!session) return jsonRpcError(404, -32001, "Session not found");
    return session.transport.handleRequest(request);
  }
  if (request.method === "POST" && isInitializeRequest(await readJson(request))) {
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, { server, transport }),
      onsessionclosed: (id) => void sessions.delete(id),
    });
    const server = createDemoServer({ state, onToolsChanged });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    return transport.handleRequest(request);
  }
  if (request.method === "POST" || request.method === "GET" || request.method === "DELETE") {
    return jsonRpcError(400, -32000, "Bad Request: no valid session ID provided");
  }
  return new Response(null, { status: 405, headers: { allow: "GET, POST, DELETE" } });
}

async function handle(request: Request): Promise<Response> {
  if (new URL(request.url).pathname !== PATH) return new Response("Not Found", { status: 404 });
  const rejected =
    hostHeaderValidationResponse(request, localhostAllowedHostnames()) ??
    originValidationResponse(request, localhostAllowedOrigins());
  if (rejected) return rejected;
  if (await isLegacyRequest(request)) return handleLegacy(request);
  return modern.fetch(request);
}

const httpServer = createServer(toNodeListener(handle, (error) => log(String(error))));

httpServer.listen(Number(process.env.PORT ?? 0), HOST, () => {
  const address = httpServer.address();
  if (address === null || typeof address === "string") throw new Error("unexpected listen address");
  process.stdout.write(`MCP_LENS_DEMO_URL=http://${HOST}:${address.port}${PATH}\n`);
});

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  httpServer.close();
  httpServer.closeAllConnections();
  await Promise.allSettled([modern.close(), ...[...sessions.values()].map((s) => s.server.close())]);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
