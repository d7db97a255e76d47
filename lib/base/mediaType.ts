/**
 * Media types (`Content-Type`, a resource's `mimeType`) read one way everywhere: by their essence
 * (`type/subtype`, lower-case, parameters dropped), never by a substring of the whole header.
 */

/** `text/html; charset=utf-8` → `text/html`; undefined when empty. */
export function essence(mediaType: string | null | undefined): string | undefined {
  const e = mediaType?.split(";", 1)[0]?.trim().toLowerCase();
  return e || undefined;
}

/** `Image/PNG; x=1` → `image/png`; undefined when it is not a `type/subtype` token pair. */
export function mediaEssence(mediaType: string | null | undefined): string | undefined {
  const e = essence(mediaType);
  return e && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(e) ? e : undefined;
}

/** `text/event-stream` (an SSE stream). */
export function isEventStream(mediaType: string | null | undefined): boolean {
  return essence(mediaType) === "text/event-stream";
}

/** `application/json`, `text/json` or any `+json` type. */
export function isJsonType(mediaType: string | null | undefined): boolean {
  const e = essence(mediaType);
  return e !== undefined && (e === "application/json" || e === "text/json" || e.endsWith("+json"));
}

/** `text/html` or `application/xhtml+xml`. */
export function isHtmlType(mediaType: string | null | undefined): boolean {
  const e = essence(mediaType);
  return e === "text/html" || e === "application/xhtml+xml";
}
