import type { FetchLike } from "@modelcontextprotocol/client";
import { inertMediaType, isSvgType, mediaEssence, sniffRasterImage } from "./mediaTypes";
import { errorMessage } from "../base";

/**
 * Server-chosen icons (`icons` on server info, tools, resources, prompts; 2025-11-25), issue 19
 * item 11. A `data:` raster image is shown at once as an <img> (it loads nothing); a `data:` SVG
 * only in the sandboxed frame; an http(s) icon is fetched only when the person asks, and then
 * through the inspector's relay (its address rules apply; no browser cookies, no Referer), and its
 * bytes are shown only if they are an inert raster image (or an SVG, sandboxed). Anything else is dropped.
 */
export type IconSource =
  { kind: "inline"; src: string } | { kind: "inline-svg"; base64: string } | { kind: "remote"; url: string };

export type LoadedIcon =
  | { kind: "raster"; mimeType: string; bytes: Uint8Array<ArrayBuffer> }
  | { kind: "svg"; base64: string }
  | { kind: "refused"; reason: string };

/** Sent upstream with each icon request, so a server's log shows who asked. */
export const ICON_USER_AGENT = "MCP-Lens-icon-fetch (via the inspector's relay)";
/** Icons larger than this are not shown. */
export const MAX_ICON_BYTES = 512 * 1024;

const DATA_URL = /^data:([^;,]*)(;[^,]*)?,/i;

/** The icons worth showing, at most `max`: data: images and http(s) URLs; `javascript:`, `file:`, `data:text/html`… are dropped. */
export function iconSources(icons: unknown, max = 3): IconSource[] {
  if (!Array.isArray(icons)) return [];
  const out: IconSource[] = [];
  for (const icon of icons) {
    const src = typeof icon === "object" && icon !== null ? (icon as { src?: unknown }).src : undefined;
    const source = typeof src === "string" ? classify(src.trim()) : undefined;
    if (source) out.push(source);
    if (out.length >= max) break;
  }
  return out;
}

function classify(src: string): IconSource | undefined {
  const data = DATA_URL.exec(src);
  if (data) {
    const base64 = /;base64$/i.test(data[2] ?? "");
    const type = data[1];
    if (inertMediaType("image", type) && base64 && !(data[2] ?? "").slice(0, -7).includes(";"))
      return { kind: "inline", src: `data:${mediaEssence(type)};base64,${src.slice(data[0].length)}` };
    if (isSvgType(type))
      return {
        kind: "inline-svg",
        base64: base64 ? src.slice(data[0].length) : utf8Base64(safeDecode(src.slice(data[0].length))),
      };
    return undefined;
  }
  try {
    const url = new URL(src);
    return url.protocol === "http:" || url.protocol === "https:" ? { kind: "remote", url: url.href } : undefined;
  } catch {
    return undefined;
  }
}

/** Fetch one remote icon through `relayFetch` (the relay) and keep it only if it is an inert image. */
export async function loadIcon(relayFetch: FetchLike, url: string, signal?: AbortSignal): Promise<LoadedIcon> {
  let response: Response;
  try {
    response = await relayFetch(url, {
      method: "GET",
      headers: { accept: "image/avif,image/webp,image/png,image/*;q=0.8", "user-agent": ICON_USER_AGENT },
      signal,
    });
  } catch (error) {
    return { kind: "refused", reason: errorMessage(error) };
  }
  if (!response.ok) {
    void response.body?.cancel();
    return { kind: "refused", reason: `HTTP ${response.status}` };
  }
  const bytes = await readLimited(response, MAX_ICON_BYTES);
  if (!bytes) return { kind: "refused", reason: `larger than ${MAX_ICON_BYTES / 1024} KiB` };
  const raster = sniffRasterImage(bytes);
  if (raster) return { kind: "raster", mimeType: raster, bytes };
  const declared = response.headers.get("content-type");
  if (isSvgType(declared ?? undefined) || looksLikeSvg(bytes)) return { kind: "svg", base64: bytesBase64(bytes) };
  return {
    kind: "refused",
    reason: `not an image MCP Lens shows (${mediaEssence(declared ?? undefined) ?? "no type"})`,
  };
}

async function readLimited(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(head);
}

function bytesBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function utf8Base64(text: string): string {
  return bytesBase64(new TextEncoder().encode(text));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
