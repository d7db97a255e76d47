import type { FetchLike } from "@modelcontextprotocol/client";
import { handleApiRequest } from "../server";
import { createHttpFetch, createTransport } from "../transports";
import { hostHeaderFetch } from "./hostFetch";
import type { SessionDeps } from "../session";

/** A fetch that serves /api routes in-process, as the inspector's server would (minus the gate). */
export const inProcessFetch: FetchLike = (url, init) =>
  handleApiRequest(new Request(new URL(String(url), "http://127.0.0.1"), init));

/** Session deps for Node: stdio through the real bridge handlers, HTTP straight to the server. */
export function nodeSessionDeps(options: { direct?: boolean } = {}): SessionDeps {
  const endpoints = {
    base: "",
    token: "in-process",
    fetch: options.direct ? hostHeaderFetch : inProcessFetch,
    direct: options.direct,
  };
  return {
    createTransport: (config, log, transportOptions) =>
      createTransport(
        config.transport === "stdio" ? { ...endpoints, fetch: inProcessFetch } : endpoints,
        config,
        log,
        transportOptions,
      ),
    createFetch: (log) => createHttpFetch(endpoints, log),
    // Straight to the server, a foreign Host can be sent (hostHeaderFetch); through the relay it cannot.
    sendsHostHeader: options.direct === true,
  };
}
