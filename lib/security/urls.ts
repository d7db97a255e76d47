/** Only http(s) URLs from a server become links (docs/security.md §S14). */
export function safeLinkUrl(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Images may also be `data:image/…` (rendered as <img>, never navigated to); SVG data URLs are allowed there since <img> runs no script. */
export function safeImageUrl(url: unknown): string | undefined {
  if (typeof url === "string" && /^data:image\/[a-z0-9.+-]+[;,]/i.test(url)) return url;
  return safeLinkUrl(url);
}
