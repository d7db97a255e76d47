import { getToolUiResourceUri, RESOURCE_MIME_TYPE } from "@modelcontextprotocol/ext-apps/app-bridge";
import { errorMessage, isRecord } from "../base";
import { bytesOfBase64 } from "./download";
import { appViewDomains, cleanSources, type AppViewCspDomains } from "../security";

/** MCP Apps detection (issue 15): which tools have a view, and what a `ui://` resource declares. */

export { RESOURCE_MIME_TYPE as APP_MIME_TYPE };

export type AppVisibility = "model" | "app";

/** A tool that names a view. `problem`: its `_meta.ui.resourceUri` is there but not a `ui://` URI. */
export interface AppTool {
  name: string;
  resourceUri?: string;
  visibility: AppVisibility[];
  problem?: string;
}

interface ToolLike {
  name: string;
  _meta?: unknown;
}

/** The tool's app, or undefined when it names no view. */
export function appToolOf(tool: ToolLike): AppTool | undefined {
  const meta = isRecord(tool._meta) ? tool._meta : undefined;
  const ui = meta && isRecord(meta.ui) ? meta.ui : undefined;
  if (!ui?.resourceUri && !meta?.["ui/resourceUri"]) return undefined;
  const visibility: AppVisibility[] = Array.isArray(ui?.visibility)
    ? ui.visibility.filter((v: unknown): v is AppVisibility => v === "model" || v === "app")
    : ["model", "app"];
  try {
    const resourceUri = getToolUiResourceUri(tool as Parameters<typeof getToolUiResourceUri>[0]);
    return { name: tool.name, resourceUri, visibility };
  } catch (error) {
    return { name: tool.name, visibility, problem: `resourceUri is not a ui:// URI (${errorMessage(error)})` };
  }
}

/** Every tool with a view, in list order. */
export function appTools(tools: readonly ToolLike[]): AppTool[] {
  return tools.map(appToolOf).filter((t): t is AppTool => t !== undefined);
}

export type AppPermission = "camera" | "microphone" | "geolocation" | "clipboardWrite";
const PERMISSIONS: AppPermission[] = ["camera", "microphone", "geolocation", "clipboardWrite"];

/** What a `ui://` resource declares in `_meta.ui`, cleaned (domains that are not plain origins dropped). */
export interface AppResourceMeta {
  csp: Required<AppViewCspDomains>;
  permissions: AppPermission[];
  prefersBorder?: boolean;
  domain?: string;
  /** Declared CSP sources that are not plain origins (keywords, paths, `*`): never used, shown so the author knows. */
  dropped: string[];
}

/** Read `_meta.ui` of a resource (a list entry or a read content item). */
export function appResourceMeta(item: unknown): AppResourceMeta {
  const meta = isRecord(item) && isRecord(item._meta) ? item._meta : undefined;
  const ui = meta && isRecord(meta.ui) ? meta.ui : {};
  const asked = isRecord(ui.permissions) ? ui.permissions : {};
  return {
    csp: appViewDomains(ui.csp),
    permissions: PERMISSIONS.filter((p) => asked[p] !== undefined && asked[p] !== false),
    prefersBorder: typeof ui.prefersBorder === "boolean" ? ui.prefersBorder : undefined,
    domain: typeof ui.domain === "string" ? ui.domain : undefined,
    dropped: droppedSources(ui.csp),
  };
}

function droppedSources(csp: unknown): string[] {
  if (!isRecord(csp)) return [];
  return ["connectDomains", "resourceDomains", "frameDomains", "baseUriDomains"].flatMap((key) =>
    cleanSources(csp[key]).dropped.map((source) => `${key}: ${source}`),
  );
}

/** A `ui://` resource ready to run, or why it cannot be. */
export type AppResource =
  | { ok: true; uri: string; html: string; mimeType: string; meta: AppResourceMeta }
  | { ok: false; uri: string; problem: string };

/** The view from a `resources/read` result: one content item, the MCP App mime type, its HTML. */
export function appResourceOf(uri: string, result: unknown): AppResource {
  const contents = isRecord(result) && Array.isArray(result.contents) ? result.contents : [];
  const item: unknown = contents.find((c) => isRecord(c) && c.uri === uri) ?? contents[0];
  if (!isRecord(item)) return { ok: false, uri, problem: "the resource has no contents" };
  const mimeType = typeof item.mimeType === "string" ? item.mimeType : "";
  if (mimeType.replace(/\s+/g, "").toLowerCase() !== RESOURCE_MIME_TYPE)
    return { ok: false, uri, problem: `mime type ${mimeType || "(none)"} is not ${RESOURCE_MIME_TYPE}` };
  let html: string | undefined;
  if (typeof item.text === "string") html = item.text;
  else if (typeof item.blob === "string") html = decodeBase64(item.blob);
  if (html === undefined) return { ok: false, uri, problem: "the resource has no text or blob" };
  return { ok: true, uri, html, mimeType, meta: appResourceMeta(item) };
}

function decodeBase64(blob: string): string | undefined {
  const bytes = bytesOfBase64(blob);
  return bytes && new TextDecoder().decode(bytes);
}
