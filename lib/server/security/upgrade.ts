import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { SOCKET_TOKEN_PREFIX, TOKEN_HEADER } from "../../base";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./csp";
import { checkRequest, type GateConfig, type GateVerdict } from "./gate";

type Headers = Record<string, string | string[] | undefined>;

/** The subprotocols a WebSocket upgrade offers (`Sec-WebSocket-Protocol`, comma-separated). */
export function offeredProtocols(headers: Headers): string[] {
  const value = headers["sec-websocket-protocol"];
  return (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The gate for a WebSocket upgrade (docs/security.md §S2–§S4): the same `checkRequest` as every
 * request (Host, Origin, canonical path, team authentication, the token on /api), with the token
 * taken from the offered subprotocol `token.<T>` (a browser's WebSocket cannot send a header; a
 * token header on an upgrade is ignored). An upgrade is a GET, and where the browser sends fetch
 * metadata it must be same-origin (no cross-site WebSocket hijacking, even by a same-site page).
 */
export function checkUpgrade(config: GateConfig, req: { method?: string; url: string; headers: Headers }): GateVerdict {
  const headers: Headers = { ...req.headers };
  delete headers[TOKEN_HEADER];
  const token = offeredProtocols(req.headers).find((p) => p.startsWith(SOCKET_TOKEN_PREFIX));
  if (token !== undefined) headers[TOKEN_HEADER] = token.slice(SOCKET_TOKEN_PREFIX.length);
  const verdict = checkRequest(config, { method: req.method, url: req.url, headers });
  if (!verdict.ok) return verdict;
  if ((req.method ?? "GET").toUpperCase() !== "GET")
    return { ok: false, status: 405, message: "a WebSocket upgrade is a GET", headers: { allow: "GET" } };
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin")
    return { ok: false, status: 403, message: "forbidden: cross-site request" };
  return verdict;
}

/** Answers an upgrade request with a plain HTTP error (before any upgrade) and closes the connection. */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ error: message });
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    "connection: close",
    "content-type: application/json",
    "cache-control: no-store",
    `content-length: ${Buffer.byteLength(body)}`,
    `content-security-policy: ${API_CONTENT_SECURITY_POLICY}`,
    ...Object.entries({ ...SECURITY_HEADERS, ...headers }).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.on("error", () => {});
  if (socket.writable) socket.end(`${lines.join("\r\n")}\r\n\r\n${body}`);
  else socket.destroy();
}
