/** What the connection form makes of the URL a person typed. */
export type ServerUrlReading = { ok: true; url: string; note?: string } | { ok: false; error: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])(?=[:/?#]|$)/i;

/**
 * Reads a server URL as typed: an http(s) URL as it is; no scheme at all gets `http://` for a
 * loopback host and `https://` otherwise, with a note saying so (`localhost:3001/mcp` is what people
 * type); any other scheme or something that is no URL gets an error that says what to write.
 */
export function readServerUrl(typed: string): ServerUrlReading {
  const text = typed.trim();
  if (!text) return { ok: false, error: "Enter the server's URL, e.g. http://127.0.0.1:3001/mcp." };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // "localhost:3001/mcp" parses as the scheme "localhost": a host and port come first without a scheme.
  const hostFirst = scheme !== undefined && /^[^/:]+:\d+(?:[/?#]|$)/.test(text);
  if (scheme !== undefined && !hostFirst) {
    if (scheme !== "http" && scheme !== "https")
      return { ok: false, error: `MCP Lens connects to http:// and https:// URLs; "${scheme}:" is not one.` };
    return parsed(text);
  }
  const url = `${LOCAL_HOST.test(text) ? "http" : "https"}://${text}`;
  const reading = parsed(url);
  return reading.ok ? { ...reading, note: `No scheme given: using ${reading.url}` } : reading;
}

function parsed(text: string): ServerUrlReading {
  try {
    const url = new URL(text);
    if (!url.hostname) return { ok: false, error: `"${text}" has no host name.` };
    return { ok: true, url: text };
  } catch {
    return { ok: false, error: `"${text}" is not a URL. Write it as http://host:port/path.` };
  }
}
