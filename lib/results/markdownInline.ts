import { safeLinkUrl } from "@/lib/security";

/** Inline markdown: text, code spans, emphasis and links. Never HTML: `<b>` stays literal text. */
export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong" | "em" | "del"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

/** Emphasis or links nested deeper than this stay literal text (bounds recursion). */
const MAX_INLINE_DEPTH = 4;
const MAX_CODE_FENCE = 3;
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/**
 * Parses inline markdown in roughly linear time: every closer search goes through a per-token
 * cache (a failed search is never repeated further on), and nesting is capped.
 */
export function parseInline(src: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  const find = finder(src);
  let textStart = 0;
  let i = 0;
  const emit = (node: Inline, start: number, end: number) => {
    if (start > textStart) pushText(out, src.slice(textStart, start));
    if (node.type === "text") pushText(out, node.text);
    else out.push(node);
    i = end;
    textStart = end;
  };

  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\" && i + 1 < src.length && PUNCTUATION.includes(src[i + 1] as string)) {
      emit({ type: "text", text: src[i + 1] as string }, i, i + 2);
    } else if (ch === "`") {
      let run = 1;
      while (src[i + run] === "`") run++;
      const close = run <= MAX_CODE_FENCE ? find("`".repeat(run), i + run) : -1;
      if (close === -1) {
        i += run;
        continue;
      }
      emit({ type: "code", text: trimCode(src.slice(i + run, close)) }, i, close + run);
    } else if (ch === "*" || ch === "_" || ch === "~") {
      const double = src[i + 1] === ch;
      const span = emphasis(src, i, ch, double, depth, find);
      if (span) emit(span.node, i, span.end);
      else i += double ? 2 : 1;
    } else if (ch === "[") {
      const link = bracketLink(src, i, depth, find);
      if (link) emit(link.node, i, link.end);
      else i++;
    } else if ((ch === "h" || ch === "<") && isUrlStart(src, i)) {
      const url = bareUrl(src, i, find);
      if (url) emit(url.node, i, url.end);
      else i++;
    } else {
      i++;
    }
  }
  if (textStart < src.length) pushText(out, src.slice(textStart));
  return out;
}

type Find = (token: string, from: number) => number;

/** indexOf with memory: positions only move forward, so each token's scans never overlap. */
function finder(src: string): Find {
  const cache = new Map<string, { from: number; pos: number }>();
  return (token, from) => {
    const hit = cache.get(token);
    if (hit && hit.from <= from && (hit.pos === -1 || hit.pos >= from)) return hit.pos;
    const pos = src.indexOf(token, from);
    cache.set(token, { from, pos });
    return pos;
  };
}

type Span = { node: Inline; end: number };

function emphasis(src: string, i: number, ch: string, double: boolean, depth: number, find: Find): Span | null {
  if (ch === "~" && !double) return null;
  if (depth >= MAX_INLINE_DEPTH) return null;
  const delim = double ? ch + ch : ch;
  const inner = i + delim.length;
  const after = src[inner];
  if (after === undefined || isWhitespace(after) || after === ch) return null;
  if (ch === "_" && isWordChar(src[i - 1])) return null;
  const close = find(delim, inner + 1);
  if (close === -1 || isWhitespace(src[close - 1] ?? " ")) return null;
  const end = close + delim.length;
  if (ch === "_" && isWordChar(src[end])) return null;
  const type = ch === "~" ? "del" : double ? "strong" : "em";
  return { node: { type, children: parseInline(src.slice(inner, close), depth + 1) }, end };
}

function bracketLink(src: string, i: number, depth: number, find: Find): Span | null {
  const close = find("]", i + 1);
  if (close === -1 || src[close + 1] !== "(") return null;
  const end = find(")", close + 2);
  if (end === -1) return null;
  const target = src.slice(close + 2, end).trim();
  // `(<url> "title")` or `(url "title")`: the URL is the first part.
  const url = target.startsWith("<") ? target.slice(1).split(">", 1)[0] : target.split(/\s/, 1)[0];
  const href = safeLinkUrl(url);
  // A link we will not make (javascript:, data:, relative…) stays visible as the literal source.
  if (!href) return { node: { type: "text", text: src.slice(i, end + 1) }, end: end + 1 };
  const label = src.slice(i + 1, close);
  const children: Inline[] =
    depth >= MAX_INLINE_DEPTH ? [{ type: "text", text: label }] : parseInline(label, depth + 1);
  return {
    node: { type: "link", href, children: children.length ? children : [{ type: "text", text: href }] },
    end: end + 1,
  };
}

function isUrlStart(src: string, i: number): boolean {
  const at = src[i] === "<" ? i + 1 : i;
  if (!(src.startsWith("http://", at) || src.startsWith("https://", at))) return false;
  return src[i] === "<" || !isWordChar(src[i - 1]);
}

function bareUrl(src: string, i: number, find: Find): Span | null {
  if (src[i] === "<") {
    const close = find(">", i + 1);
    const url = close === -1 ? "" : src.slice(i + 1, close);
    const href = /\s/.test(url) ? undefined : safeLinkUrl(url);
    return href ? { node: { type: "link", href, children: [{ type: "text", text: url }] }, end: close + 1 } : null;
  }
  let end = i;
  while (end < src.length && !/[\s<>"'`]/.test(src[end] as string)) end++;
  while (end > i && /[.,;:!?*_~)\]]/.test(src[end - 1] as string)) end--;
  const url = src.slice(i, end);
  const href = safeLinkUrl(url);
  return href ? { node: { type: "link", href, children: [{ type: "text", text: url }] }, end } : null;
}

function pushText(out: Inline[], text: string) {
  const last = out[out.length - 1];
  if (last?.type === "text") last.text += text;
  else out.push({ type: "text", text });
}

function trimCode(text: string): string {
  return text.length > 2 && text.startsWith(" ") && text.endsWith(" ") ? text.slice(1, -1) : text;
}

function isWhitespace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}
