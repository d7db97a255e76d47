import type { ElicitRequestURLParams } from "@modelcontextprotocol/client";
import { safeLinkUrl } from "../security";

/**
 * What a URL-mode elicitation card shows. Only an http(s) URL becomes `href` (docs/security.md §S14);
 * nothing here opens it: the UI does, on the user's click, as a plain link.
 */
export interface UrlElicitationView {
  message: string;
  /** The URL as the server sent it, to show as text. */
  url: string;
  /** Set only when the URL is http(s) and may become a link. */
  href?: string;
  /** The host to show prominently, so the user sees where the link goes. */
  host?: string;
  /** 2025-11-25 only: the id `notifications/elicitation/complete` will name. */
  elicitationId?: string;
  /** Why the URL is not offered as a link. */
  blocked?: string;
}

export function urlElicitationView(
  params: Pick<ElicitRequestURLParams, "message" | "url"> & { elicitationId?: string },
): UrlElicitationView {
  const href = safeLinkUrl(params.url);
  let host: string | undefined;
  try {
    host = new URL(params.url).host || undefined;
  } catch {
    host = undefined;
  }
  return {
    message: params.message,
    url: params.url,
    href,
    host,
    elicitationId: params.elicitationId,
    blocked: href ? undefined : "Only http: and https: URLs are offered as links.",
  };
}

/**
 * 2025-11-25 error -32042 (URL elicitation required): the URLs a server wants opened before the
 * request is retried, from a protocol error's `code` and `data` (e.g. a tool call's outcome).
 */
export function urlElicitationsFromError(error: { code?: unknown; data?: unknown } | undefined): UrlElicitationView[] {
  if (error?.code !== -32042) return [];
  const list = (error.data as { elicitations?: unknown } | undefined)?.elicitations;
  if (!Array.isArray(list)) return [];
  return list
    .filter(
      (e): e is { message: string; url: string; elicitationId?: string } =>
        !!e && typeof e === "object" && typeof e.url === "string",
    )
    .map((e) =>
      urlElicitationView({
        message: typeof e.message === "string" ? e.message : "",
        url: e.url,
        elicitationId: typeof e.elicitationId === "string" ? e.elicitationId : undefined,
      }),
    );
}
