import { JSON_PRETTY_LIMIT } from "./limits";
import { essence } from "../base";

export type TextFormat =
  | { kind: "json"; pretty: string }
  /** Looks like JSON but is too large to parse before the user asks. */
  | { kind: "large-json" }
  | { kind: "markdown" }
  | { kind: "plain" };

/** How much of a text the markdown sniffing looks at. */
const SNIFF_CHARS = 16 * 1024;

/**
 * How to show a text: pretty JSON when it parses as an object/array, markdown when it looks
 * like markdown, else verbatim. A mime type, when given, decides. One pass at most.
 */
export function analyzeText(text: string, mimeType?: string): TextFormat {
  const mime = essence(mimeType);
  if (mime) {
    if (mime === "application/json" || mime.endsWith("+json")) return jsonFormat(text) ?? { kind: "plain" };
    if (mime === "text/markdown" || mime === "text/x-markdown") return { kind: "markdown" };
    return { kind: "plain" };
  }
  return jsonFormat(text) ?? (looksLikeMarkdown(text) ? { kind: "markdown" } : { kind: "plain" });
}

function jsonFormat(text: string): TextFormat | undefined {
  if (!looksLikeJsonContainer(text)) return undefined;
  if (text.length > JSON_PRETTY_LIMIT) return { kind: "large-json" };
  const pretty = prettyJson(text);
  return pretty === undefined ? undefined : { kind: "json", pretty };
}

/** Pretty-printed JSON, or undefined when it does not parse (or nests too deep to print). */
export function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

function looksLikeJsonContainer(text: string): boolean {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  let end = text.length - 1;
  while (end > start && isSpace(text.charCodeAt(end))) end--;
  const first = text[start];
  const last = text[end];
  return (first === "{" && last === "}") || (first === "[" && last === "]");
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

// Every pattern is bounded or anchored, so sniffing cannot backtrack badly on hostile text.
const BLOCK_SIGNALS = [/^#{1,6} \S/m, /^ {0,3}```/m, /^ {0,8}[-*+] \S/m, /^ {0,8}\d{1,3}\. \S/m, /^ {0,3}> \S/m];
const INLINE_SIGNALS = [/\]\(https?:\/\//, /\*\*\S/, /`[^`\n]{1,200}`/];

export function looksLikeMarkdown(text: string): boolean {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  return BLOCK_SIGNALS.some((re) => re.test(head)) || INLINE_SIGNALS.some((re) => re.test(head));
}
