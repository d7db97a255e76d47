import type {
  AudioContent,
  EmbeddedResource,
  ImageContent,
  ResourceLink,
  TextContent,
} from "@modelcontextprotocol/client";
import { inertMediaType, safeDownloadName } from "./mediaTypes";

/**
 * One entry of `CallToolResult.content`, checked just enough to render it. Anything that is not
 * a well-formed known block becomes "unknown" and is shown as raw JSON, never dropped.
 */
export type ClassifiedContent =
  | { kind: "text"; block: TextContent }
  | { kind: "image"; block: ImageContent }
  | { kind: "audio"; block: AudioContent }
  | { kind: "resource_link"; block: ResourceLink }
  | {
      kind: "resource";
      block: EmbeddedResource;
      contents: { kind: "text"; text: string } | { kind: "blob"; blob: string };
    }
  | { kind: "unknown"; type: string; reason: string; raw: unknown };

type Obj = Record<string, unknown>;

/** Longer `type` strings are cut in labels (they end up in accessible names). */
const MAX_TYPE_CHARS = 64;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === "string";

export function classifyContent(block: unknown): ClassifiedContent {
  if (!isObj(block)) return unknown("unknown", "content block is not an object", block);
  const type = block.type;
  if (!isStr(type)) return unknown("unknown", "content block has no string `type`", block);
  if (type.length > MAX_TYPE_CHARS)
    return unknown(`${type.slice(0, MAX_TYPE_CHARS)}…`, "unknown content type with an overlong name", block);
  const missing = (field: string) =>
    unknown(type, `malformed ${type} content: missing or non-string \`${field}\``, block);
  switch (type) {
    case "text":
      return isStr(block.text) ? { kind: "text", block: block as TextContent } : missing("text");
    case "image":
    case "audio":
      if (!isStr(block.data)) return missing("data");
      if (!isStr(block.mimeType)) return missing("mimeType");
      return type === "image"
        ? { kind: "image", block: block as ImageContent }
        : { kind: "audio", block: block as AudioContent };
    case "resource_link":
      if (!isStr(block.uri)) return missing("uri");
      return { kind: "resource_link", block: block as ResourceLink };
    case "resource": {
      const res = block.resource;
      if (!isObj(res)) return unknown(type, "malformed resource content: `resource` is not an object", block);
      if (!isStr(res.uri)) return unknown(type, "malformed resource content: missing `resource.uri`", block);
      if (isStr(res.text))
        return { kind: "resource", block: block as EmbeddedResource, contents: { kind: "text", text: res.text } };
      if (isStr(res.blob))
        return { kind: "resource", block: block as EmbeddedResource, contents: { kind: "blob", blob: res.blob } };
      return unknown(type, "malformed resource content: `resource` has neither `text` nor `blob`", block);
    }
    default:
      return unknown(type, `unknown content type ${type}`, block);
  }
}

function unknown(type: string, reason: string, raw: unknown): ClassifiedContent {
  return { kind: "unknown", type, reason, raw };
}

/** The word used in a block's accessible name: "text content 1", "image content 2". */
export function contentLabel(c: ClassifiedContent): string {
  return c.kind === "unknown" ? c.type : c.kind;
}

export interface AnnotationBadge {
  key: string;
  text: string;
}

/** Content annotations as short badges; unexpected fields are kept (as JSON), not hidden. */
export function annotationBadges(annotations: unknown): AnnotationBadge[] {
  if (!isObj(annotations)) return [];
  const badges: AnnotationBadge[] = [];
  for (const [key, value] of Object.entries(annotations)) {
    if (value === undefined) continue;
    if (key === "audience" && Array.isArray(value))
      badges.push({ key, text: `audience: ${value.map(String).join(", ") || "none"}` });
    else if (key === "priority" && typeof value === "number") badges.push({ key, text: `priority ${value}` });
    else if (key === "lastModified" && isStr(value)) badges.push({ key, text: `modified ${value}` });
    else badges.push({ key, text: `${key}: ${shortJson(value)}` });
  }
  return badges;
}

function shortJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** The last path segment of a URI, cleaned for a download file name (see safeDownloadName). */
export function fileNameFor(uri: string, fallback = "resource"): string {
  const path = uri.split(/[?#]/, 1)[0] ?? "";
  return safeDownloadName(safeDecode(path.slice(path.lastIndexOf("/") + 1)), fallback);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Only inert raster types are previewed as an image (lib/results/mediaTypes.ts); SVG has its own sandboxed view. */
export function isPreviewableImage(mimeType: string | undefined): boolean {
  return (
    mimeType !== undefined &&
    /^image\/[a-z0-9.+-]+$/i.test(mimeType.trim()) &&
    inertMediaType("image", mimeType) !== undefined
  );
}
