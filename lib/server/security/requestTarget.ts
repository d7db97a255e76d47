/**
 * The request path the gate decides on (issue 19, item 3). Next.js normalises dot segments and
 * decodes escapes before routing, so a gate that tests the raw URL can be walked around
 * (`/x/../api/…`, `/%2e/api/…`). Here any path that is not already canonical is refused instead
 * of normalised: a browser never sends one, so refusing costs nothing and leaves nothing to
 * disagree about. Accepted paths come back decoded.
 */
export type TargetVerdict = { ok: true; path: string } | { ok: false; message: string };

/** Bytes an escape must not stand for: unreserved characters (never need one), separators, `%`, controls. */
const FORBIDDEN_ESCAPE = /^(?:[A-Za-z0-9._~-]|[/\\%?#]|[\x00-\x1f\x7f])$/;

export function canonicalPath(target: string): TargetVerdict {
  // Origin form only: not `*`, not `http://host/path` (absolute form), no fragment.
  if (!target.startsWith("/") || target.includes("#")) return bad("the request target must be a path");
  const q = target.indexOf("?");
  const raw = q < 0 ? target : target.slice(0, q);
  if (raw === "/") return { ok: true, path: "/" };
  if (/[\\\x00-\x20\x7f]/.test(raw))
    return bad("backslashes, spaces and control characters are not allowed in the path");
  const segments = raw.slice(1).split("/");
  const decoded: string[] = [];
  for (const [i, segment] of segments.entries()) {
    // An empty segment (`//`) only as a trailing slash.
    if (segment === "" && i < segments.length - 1) return bad("empty path segment");
    for (const m of segment.matchAll(/%([0-9a-fA-F]{2})?/g)) {
      if (m[1] === undefined) return bad("malformed percent-escape");
      if (FORBIDDEN_ESCAPE.test(String.fromCharCode(parseInt(m[1], 16)))) return bad(`non-canonical escape ${m[0]}`);
    }
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return bad("malformed percent-escape");
    }
    if (text === "." || text === "..") return bad("dot segments are not allowed");
    decoded.push(text);
  }
  return { ok: true, path: `/${decoded.join("/")}` };
}

function bad(message: string): TargetVerdict {
  return { ok: false, message: `bad request: ${message}` };
}
