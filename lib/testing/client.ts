import { resolve } from "node:path";
import type { ConnectionConfig } from "../base";
import type { InspectorSession } from "../session";
import { openItems, type ServerRequestItem, type ServerRequests } from "../client";

/** Test helpers for the client features (Node only). */

export const EVERYTHING = resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");

export function everythingConfig(extra: Partial<ConnectionConfig> = {}): ConnectionConfig {
  return {
    id: "everything",
    name: "everything",
    transport: "stdio",
    protocol: "2025-11-25",
    command: process.execPath,
    args: [EVERYTHING, "stdio"],
    env: [],
    cwd: "",
    ...extra,
  } as ConnectionConfig;
}

export function demoConfig(extra: Partial<ConnectionConfig> = {}): ConnectionConfig {
  return {
    id: "demo",
    name: "demo",
    transport: "stdio",
    protocol: "2025-11-25",
    command: process.execPath,
    args: ["--import", "tsx", "servers/demo/stdio.ts"],
    env: [],
    cwd: "",
    ...extra,
  } as ConnectionConfig;
}

/** The next open request (of a method), as soon as it arrives. */
export function nextRequest(
  requests: ServerRequests,
  method?: ServerRequestItem["method"],
  timeoutMs = 10_000,
): Promise<ServerRequestItem> {
  return new Promise((resolvePromise, reject) => {
    let unsubscribe = (): void => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no ${method ?? "server"} request within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (): boolean => {
      const item = openItems(requests.get()).find((i) => !method || i.method === method);
      if (!item) return false;
      clearTimeout(timer);
      unsubscribe();
      resolvePromise(item);
      return true;
    };
    if (!check()) unsubscribe = requests.subscribe(() => void check());
  });
}

export function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] })?.content ?? [];
  return content.map((b) => b.text ?? "").join("\n");
}

/** Call a tool through the session's SDK client, as the tool runner would. */
export function callTool(
  session: InspectorSession,
  name: string,
  args: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<unknown> {
  if (!session.client) throw new Error("not connected");
  return session.client.callTool({ name, arguments: args }, { signal, timeout: 20_000 });
}

/** The outgoing frames of a method (request or notification) in the session's log. */
export function outgoing(session: InspectorSession, method: string): Record<string, unknown>[] {
  return session.log.entries
    .filter(
      (e) =>
        e.kind === "frame" &&
        e.direction === "outgoing" &&
        (e.rpc.type === "request" || e.rpc.type === "notification") &&
        e.rpc.method === method,
    )
    .map((e) => JSON.parse((e as { raw: string }).raw) as Record<string, unknown>);
}

/** Outgoing JSON-RPC error responses (what the client refused). */
export function outgoingErrors(session: InspectorSession): { code: number; message: string }[] {
  return session.log.entries
    .filter((e) => e.kind === "frame" && e.direction === "outgoing" && e.rpc.type === "error")
    .map((e) => (JSON.parse((e as { raw: string }).raw) as { error: { code: number; message: string } }).error);
}

/** Outgoing JSON-RPC results (what the client answered the server with). */
export function outgoingResults(session: InspectorSession): unknown[] {
  return session.log.entries
    .filter((e) => e.kind === "frame" && e.direction === "outgoing" && e.rpc.type === "result")
    .map((e) => (JSON.parse((e as { raw: string }).raw) as { result: unknown }).result);
}

/** The MCP Apps example server `@modelcontextprotocol/server-basic-vanillajs` over stdio (tool `get-time` with a view). */
export const BASIC_APP = resolve("node_modules/@modelcontextprotocol/server-basic-vanillajs/dist/index.js");

export function basicAppConfig(extra: Partial<ConnectionConfig> = {}): ConnectionConfig {
  return {
    id: "basic-app",
    name: "basic-app",
    transport: "stdio",
    protocol: "2025-11-25",
    command: process.execPath,
    args: [BASIC_APP, "--stdio"],
    env: [],
    cwd: "",
    ...extra,
  } as ConnectionConfig;
}
