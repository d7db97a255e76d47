/**
 * Node's fetch (undici) sets Host from the URL and ignores one given in the headers, so a check
 * that must send a foreign Host (DNS-rebinding protection) could not run. This fetch sends a request
 * that names a Host through node:http instead; every other request goes through the global fetch.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import type { FetchLike } from "@modelcontextprotocol/client";

const NO_BODY = new Set([101, 204, 205, 304]);

export const hostHeaderFetch: FetchLike = async (input, init) => {
  const headers = new Headers(init?.headers);
  if (!headers.has("host")) return fetch(input, init);
  const url = new URL(String(input));
  const body = typeof init?.body === "string" ? init.body : init?.body ? await new Response(init.body).text() : "";
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = value));
  if (body) out["content-length"] = String(Buffer.byteLength(body));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const req = send(url, { method: init?.method ?? "GET", headers: out, signal: init?.signal ?? undefined }, (res) => {
      const status = res.statusCode ?? 502;
      resolve(
        new Response(NO_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
          status,
          headers: responseHeaders(res.headers),
        }),
      );
    });
    req.once("error", reject);
    req.end(body || undefined);
  });
};

function responseHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    try {
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    } catch {
      // a value a Headers object refuses: left out
    }
  }
  return headers;
}
