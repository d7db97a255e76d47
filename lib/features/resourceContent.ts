import { fileNameFor } from "../results";
import { base64ByteLength, base64ToBytes, utf8Length } from "../results";
import { blobTypeFor, DOWNLOAD_TYPE, inertMediaKind } from "../results";
import { essence, isRecord } from "../base";

export type HighlightLanguage =
  | "json"
  | "markdown"
  | "html"
  | "xml"
  | "javascript"
  | "typescript"
  | "css"
  | "yaml"
  | "python"
  | "shell"
  | "sql"
  | "toml"
  | "csv"
  | "plain";

/**
 * How a blob can be shown in a browser; anything else is offered as a download. `image`, `audio`
 * and `video` only for inert types (lib/results/mediaTypes.ts); `svg` only inside the sandboxed frame.
 */
export type PreviewKind = "image" | "svg" | "audio" | "video" | "text" | "download";

/**
 * How a text is rendered. `sandboxed-html` may be shown only in a sandboxed iframe (no
 * `allow-same-origin`, restrictive CSP; docs/security.md §S15), never inserted into the page;
 * its source may always be shown as code.
 */
export type TextRender = "code" | "markdown" | "sandboxed-html";

interface ItemBase {
  uri: string;
  /** As the server declared it; absent when it did not. */
  declaredMimeType?: string;
  /** The declared type, else one guessed from the URI's extension, else a generic one: always set. */
  mimeType: string;
  mimeGuessed: boolean;
  /** Bytes: UTF-8 length of a text, decoded length of a blob. Always set. */
  size: number;
  /** The entry's `_meta`, as sent (an MCP App view declares its CSP and permissions in `_meta.ui`). */
  meta?: Record<string, unknown>;
}

/** One entry of `ReadResourceResult.contents` (or of an embedded resource), ready to render. */
export type ResourceItem =
  | (ItemBase & { kind: "text"; text: string; language: HighlightLanguage; render: TextRender })
  | (ItemBase & {
      kind: "blob";
      blob: string;
      preview: PreviewKind;
      /** For `text` previews. */ language?: HighlightLanguage;
    })
  | (ItemBase & { kind: "invalid"; reason: string; raw: unknown });

const MIME_LANGUAGE: Record<string, HighlightLanguage> = {
  "application/json": "json",
  "text/json": "json",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/xml": "xml",
  "text/xml": "xml",
  "image/svg+xml": "xml",
  "text/javascript": "javascript",
  "application/javascript": "javascript",
  "application/x-javascript": "javascript",
  "text/ecmascript": "javascript",
  "application/ecmascript": "javascript",
  "application/typescript": "typescript",
  "text/typescript": "typescript",
  "application/x-typescript": "typescript",
  "text/x-typescript": "typescript",
  "text/css": "css",
  "application/yaml": "yaml",
  "application/x-yaml": "yaml",
  "text/yaml": "yaml",
  "text/x-yaml": "yaml",
  "text/x-python": "python",
  "application/x-python": "python",
  "text/x-script.python": "python",
  "application/x-sh": "shell",
  "text/x-shellscript": "shell",
  "application/x-shellscript": "shell",
  "application/sql": "sql",
  "text/x-sql": "sql",
  "application/toml": "toml",
  "text/x-toml": "toml",
  "text/csv": "csv",
};

const EXTENSIONS: Record<string, [mime: string, language?: HighlightLanguage]> = {
  json: ["application/json", "json"],
  md: ["text/markdown", "markdown"],
  markdown: ["text/markdown", "markdown"],
  html: ["text/html", "html"],
  htm: ["text/html", "html"],
  xml: ["application/xml", "xml"],
  svg: ["image/svg+xml", "xml"],
  js: ["text/javascript", "javascript"],
  mjs: ["text/javascript", "javascript"],
  cjs: ["text/javascript", "javascript"],
  jsx: ["text/javascript", "javascript"],
  ts: ["application/typescript", "typescript"],
  tsx: ["application/typescript", "typescript"],
  mts: ["application/typescript", "typescript"],
  css: ["text/css", "css"],
  yaml: ["application/yaml", "yaml"],
  yml: ["application/yaml", "yaml"],
  py: ["text/x-python", "python"],
  sh: ["application/x-sh", "shell"],
  sql: ["application/sql", "sql"],
  toml: ["application/toml", "toml"],
  csv: ["text/csv", "csv"],
  txt: ["text/plain", "plain"],
  log: ["text/plain", "plain"],
  png: ["image/png"],
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  gif: ["image/gif"],
  webp: ["image/webp"],
  avif: ["image/avif"],
  ico: ["image/x-icon"],
  mp3: ["audio/mpeg"],
  wav: ["audio/wav"],
  ogg: ["audio/ogg"],
  flac: ["audio/flac"],
  m4a: ["audio/mp4"],
  mp4: ["video/mp4"],
  webm: ["video/webm"],
  mov: ["video/quicktime"],
  pdf: ["application/pdf"],
  zip: ["application/zip"],
  gz: ["application/gzip"],
};

function extensionOf(uri: string): string | undefined {
  const path = uri.split(/[?#]/, 1)[0] ?? "";
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** The highlighting language for a text: by mime type, else by the URI's extension, else plain. */
export function languageFor(mimeType: string | undefined, uri = ""): HighlightLanguage {
  const mime = essence(mimeType);
  if (mime) {
    const known = MIME_LANGUAGE[mime];
    if (known) return known;
    if (mime.endsWith("+json")) return "json";
    if (mime.endsWith("+xml")) return "xml";
    if (mime.endsWith("+yaml")) return "yaml";
  }
  const ext = extensionOf(uri);
  return (ext && EXTENSIONS[ext]?.[1]) || "plain";
}

/** How a blob of this type can be previewed in a browser. */
export function previewFor(mimeType: string | undefined): PreviewKind {
  const mime = essence(mimeType) ?? "";
  if (mime === "image/svg+xml") return "svg";
  const media = inertMediaKind(mime);
  if (media) return media;
  // PDF is a download (see mediaTypes.ts); an audio/video/image type off the allowlist too.
  // Decoded and shown as source code (an HTML blob too: never rendered outside a sandbox).
  if (mime.startsWith("text/") || MIME_LANGUAGE[mime]) return "text";
  return "download";
}

/** Classify one resource contents entry; anything malformed becomes "invalid" and is shown raw. */
export function classifyResourceItem(entry: unknown): ResourceItem {
  const o = isRecord(entry) ? entry : {};
  const uri = typeof o.uri === "string" ? o.uri : "";
  const declared = typeof o.mimeType === "string" && o.mimeType.trim() ? o.mimeType : undefined;
  const guess = EXTENSIONS[extensionOf(uri) ?? ""]?.[0];
  const base = (fallback: string, size: number): ItemBase => ({
    uri,
    ...(declared && { declaredMimeType: declared }),
    mimeType: declared ?? guess ?? fallback,
    mimeGuessed: !declared,
    size,
    ...(isRecord(o._meta) && { meta: o._meta }),
  });
  if (!isRecord(entry))
    return {
      ...base("application/octet-stream", 0),
      kind: "invalid",
      reason: "contents entry is not an object",
      raw: entry,
    };
  if (typeof o.text === "string") {
    const b = base("text/plain", utf8Length(o.text));
    const language = languageFor(b.mimeType, uri);
    return {
      ...b,
      kind: "text",
      text: o.text,
      language,
      render: language === "html" ? "sandboxed-html" : language === "markdown" ? "markdown" : "code",
    };
  }
  if (typeof o.blob === "string") {
    const b = base("application/octet-stream", base64ByteLength(o.blob));
    const preview = previewFor(b.mimeType);
    return {
      ...b,
      kind: "blob",
      blob: o.blob,
      preview,
      ...(preview === "text" && { language: languageFor(b.mimeType, uri) }),
    };
  }
  const why = !uri ? "missing `uri`" : "has neither a string `text` nor a string `blob`";
  return { ...base("application/octet-stream", 0), kind: "invalid", reason: `contents entry ${why}`, raw: entry };
}

/** The contents of a `resources/read` result, classified; a result without a `contents` array gives one invalid item. */
export function classifyReadResult(result: unknown): ResourceItem[] {
  const contents = isRecord(result) ? result.contents : undefined;
  if (!Array.isArray(contents)) {
    return [
      {
        uri: "",
        mimeType: "application/json",
        mimeGuessed: true,
        size: 0,
        kind: "invalid",
        reason: "result has no `contents` array",
        raw: result,
      },
    ];
  }
  return contents.map(classifyResourceItem);
}

/** A blob's text, decoded as UTF-8 (for `text` previews); null when it is not valid base64. */
export function decodeBlobText(blob: string): string | null {
  const bytes = base64ToBytes(blob);
  return bytes && new TextDecoder().decode(bytes);
}

export interface ResourceDownload {
  fileName: string;
  mimeType: string;
  size: number;
  blob: Blob;
}

const EXTENSION_FOR: Record<string, string> = Object.fromEntries(
  Object.entries(EXTENSIONS)
    .reverse()
    .map(([ext, [mime]]) => [mime, ext]),
);

/** What the UI hands to a download link (`URL.createObjectURL(download.blob)`), or why it cannot. */
export function resourceDownload(item: ResourceItem): ResourceDownload | { error: string } {
  if (item.kind === "invalid") return { error: item.reason };
  let bytes: Uint8Array<ArrayBuffer>;
  if (item.kind === "text") bytes = new TextEncoder().encode(item.text);
  else {
    const decoded = base64ToBytes(item.blob);
    if (!decoded) return { error: "the blob is not valid base64" };
    bytes = decoded;
  }
  let fileName = fileNameFor(item.uri);
  const ext = EXTENSION_FOR[essence(item.mimeType) ?? ""];
  if (ext && !fileName.includes(".")) fileName += `.${ext}`;
  // Served as a download, never as a page: only inert media keep their type (HTML, SVG, XML, PDF must not open in the app's origin).
  const mimeType = item.kind === "text" ? DOWNLOAD_TYPE : blobTypeFor(item.mimeType);
  return { fileName, mimeType, size: bytes.byteLength, blob: new Blob([bytes], { type: mimeType }) };
}
