import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/**
 * Serves a fetch-style handler `(Request) => Response` straight from Node's HTTP server, without
 * Next.js's request pipeline in between: the inspector server answers the bridge's /api routes this
 * way (about 2 ms less per relayed message than through a Next route). The request body streams in,
 * the response body streams out chunk by chunk as it comes (long-lived streams stay open), and a
 * client that goes away aborts the handler's `request.signal`.
 */
export async function serveFetchHandler(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  handler: (request: Request) => Promise<Response>,
): Promise<void> {
  const abort = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal: abort.signal,
    // @ts-expect-error -- Node's fetch needs duplex for a streamed request body; lib.dom's RequestInit lacks it
    duplex: "half",
  });
  const response = await handler(request);
  const head: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") return;
    head[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) head["set-cookie"] = cookies;
  res.writeHead(response.status, head);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  if (abort.signal.aborted) {
    await reader.cancel().catch(() => {});
    return;
  }
  abort.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Each chunk goes out as it comes: an SSE event or a stdio event must not wait for the next.
      if (!res.write(value)) await new Promise<void>((resolve) => res.once("drain", resolve).once("close", resolve));
      if (res.destroyed) break;
    }
    res.end();
  } catch {
    res.destroy();
  }
}
