import { mediaEssence } from "../base";

export { mediaEssence };

/**
 * Which server-chosen media types may become a same-origin URL (a `blob:` URL carries the app's
 * origin: opened in a tab, an SVG or HTML blob would run its script there; issue 19 item 2).
 * Only types a browser renders without running anything are allowed; every other blob is typed
 * `application/octet-stream`, which a browser only downloads.
 *
 * PDF is not on the list: a PDF viewer is a document engine with its own scripting (PDFium's
 * JavaScript, pdf.js's scripting sandbox), and a flaw there would run in the blob's origin, ours.
 * A PDF is offered as a download instead.
 */
export type MediaKind = "image" | "audio" | "video";

const INERT: Record<MediaKind, ReadonlySet<string>> = {
  image: new Set([
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
    "image/x-icon",
    "image/vnd.microsoft.icon",
  ]),
  audio: new Set([
    "audio/mpeg",
    "audio/mp3",
    "audio/wav",
    "audio/wave",
    "audio/x-wav",
    "audio/ogg",
    "audio/opus",
    "audio/webm",
    "audio/flac",
    "audio/x-flac",
    "audio/aac",
    "audio/mp4",
    "audio/x-m4a",
  ]),
  video: new Set(["video/mp4", "video/webm", "video/ogg", "video/quicktime"]),
};

export const DOWNLOAD_TYPE = "application/octet-stream";

/** The type's essence when it is on `kind`'s allowlist (safe for a preview URL); undefined otherwise. */
export function inertMediaType(kind: MediaKind, mimeType: string | undefined): string | undefined {
  const e = mediaEssence(mimeType);
  return e && INERT[kind].has(e) ? e : undefined;
}

/** Which allowlist a type is on, if any. */
export function inertMediaKind(mimeType: string | undefined): MediaKind | undefined {
  return (["image", "audio", "video"] as const).find((kind) => inertMediaType(kind, mimeType));
}

/** The type a Blob of this server-declared type may carry: itself when inert, else application/octet-stream. */
export function blobTypeFor(mimeType: string | undefined): string {
  const e = mediaEssence(mimeType);
  return e && inertMediaKind(e) ? e : DOWNLOAD_TYPE;
}

export function isSvgType(mimeType: string | undefined): boolean {
  return mediaEssence(mimeType) === "image/svg+xml";
}

const MAX_NAME = 120;
// Path separators, characters Windows refuses, C0/C1 controls, and bidi/zero-width marks that disguise an extension.
const UNSAFE_NAME_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/**
 * A download file name from a server-chosen one, as a `Content-Disposition` filename would be
 * cleaned: no path, no control or direction characters, no leading or trailing dots and spaces,
 * not a Windows device name, at most 120 characters (the extension kept).
 */
export function safeDownloadName(name: string, fallback = "download"): string {
  let n = name
    .normalize("NFC")
    .replace(UNSAFE_NAME_CHARS, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (WINDOWS_RESERVED.test(n)) n = `_${n}`;
  if (n.length > MAX_NAME) {
    const dot = n.lastIndexOf(".");
    const ext = dot > 0 && n.length - dot <= 10 ? n.slice(dot) : "";
    n = n.slice(0, MAX_NAME - ext.length) + ext;
  }
  return n && !/^_*$/.test(n) ? n : fallback;
}

/** The raster image type its first bytes show (PNG, JPEG, GIF, WebP, AVIF, BMP, ICO), whatever was declared. */
export function sniffRasterImage(bytes: Uint8Array): string | undefined {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  const ascii = (offset: number, text: string) => at(offset, ...[...text].map((c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "image/gif";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (ascii(4, "ftyp") && (ascii(8, "avif") || ascii(8, "avis"))) return "image/avif";
  if (ascii(0, "BM") && bytes.length > 14) return "image/bmp";
  if (at(0, 0, 0, 1, 0)) return "image/x-icon";
  return undefined;
}
