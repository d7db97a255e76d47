import { doctor } from "./doctor";
import { errorResponse } from "./limits";
import { relay } from "./relay";
import { spawnStdio, stopStdio, writeStdin } from "./stdioRoutes";

export const API = {
  stdio: "/api/bridge/stdio",
  relay: "/api/relay",
  doctor: "/api/doctor",
} as const;

/**
 * Dispatch an /api request to its handler. The Next routes call the handlers directly; this
 * router serves the same handlers in-process, for Node tests and the headless command line.
 * Requests reaching it have already passed the gate (host, origin, token).
 */
export async function handleApiRequest(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === API.relay && request.method === "POST") return relay(request);
  if (path === API.doctor && request.method === "POST") return doctor(request);
  if (path === API.stdio && request.method === "POST") return spawnStdio(request);
  if (path.startsWith(API.stdio + "/")) {
    const id = decodeURIComponent(path.slice(API.stdio.length + 1));
    if (request.method === "POST") return writeStdin(request, id);
    if (request.method === "DELETE") return stopStdio(id);
  }
  const known = path === API.relay || path === API.doctor || path === API.stdio || path.startsWith(API.stdio + "/");
  if (known) {
    const allow = path === API.relay || path === API.doctor || path === API.stdio ? "POST" : "POST, DELETE";
    return errorResponse(405, "method not allowed", { allow });
  }
  return errorResponse(404, "no such route");
}
