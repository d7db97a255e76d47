/**
 * The traffic filter language: `method:tools/* is:error duration:>500ms -dir:out "free text"`.
 * Terms are AND-ed; `-` negates; values may be quoted. Parsing never throws: what cannot be
 * understood becomes an error with its position, and the rest of the query still applies.
 */

export type Comparison = ">" | "<" | ">=" | "<=" | "=";
export type Kind = "request" | "response" | "notification" | "error" | "http" | "stderr" | "event" | "sse";
export type ChannelName = "app" | "stdio" | "http" | "memory";
const CHANNELS: readonly ChannelName[] = ["app", "stdio", "http", "memory"];
export type IsFlag = "error" | "invalid" | "pending" | "truncated";

export type TermBody =
  | { key: "method"; pattern: string }
  /** What a tools/call, prompts/get or resource request (or its answer) is about: `tool:echo`, `prompt:*review*`. */
  | { key: "tool" | "prompt" | "resource"; pattern: string }
  | { key: "dir"; value: "in" | "out" }
  /** Which channel carried a frame: `channel:app` (an MCP App view's postMessages), `stdio`, `http`, `memory`. */
  | { key: "channel"; value: ChannelName }
  | { key: "kind"; value: Kind }
  | { key: "is"; value: IsFlag }
  | { key: "duration"; op: Comparison; ms: number }
  | { key: "id"; value: string }
  | { key: "size"; op: Comparison; bytes: number }
  | { key: "status"; op: Comparison; value: number }
  | { key: "text"; value: string };

/** A parsed term with its place in the query text ([start, end) offsets). */
export type Term = TermBody & { negate: boolean; start: number; end: number };

export interface QueryError {
  start: number;
  end: number;
  message: string;
}

export interface ParsedQuery {
  terms: Term[];
  errors: QueryError[];
}

/** The keys, for help text and completion. A bare comparison value means "at least" for duration and size. */
export const QUERY_KEYS = {
  method: "method name, `*` matches anything (method:notifications/*)",
  tool: "a tools/call and its answer, by tool name (tool:echo, tool:get-*)",
  prompt: "a prompts/get or completion and its answer, by prompt name",
  resource: "a resource read, subscription, update or completion, by URI (resource:file:///*)",
  dir: "in | out",
  kind: "request | response | notification | error | http | stderr | event | sse",
  is: "error | invalid | pending | truncated",
  duration: "latency or HTTP duration: >500ms, <=2s",
  latency: "same as duration",
  id: "JSON-RPC id",
  size: "frame size: >10kb, <1mb",
  status: "HTTP status: 404, >=400",
  text: "free text, like a bare or quoted word",
} as const;

const KINDS: readonly Kind[] = ["request", "response", "notification", "error", "http", "stderr", "event", "sse"];
const FLAGS: readonly IsFlag[] = ["error", "invalid", "pending", "truncated"];
const SIZE_UNITS: Record<string, number> = { "": 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

interface Token {
  negate: boolean;
  key?: string;
  value: string;
  start: number;
  end: number;
  unterminated: boolean;
}

export function parseQuery(text: string): ParsedQuery {
  const terms: Term[] = [];
  const errors: QueryError[] = [];
  for (const token of tokenize(text)) {
    const at = { start: token.start, end: token.end };
    if (token.unterminated) errors.push({ ...at, message: "Missing closing quote; read to the end of the query" });
    if (token.key === undefined && token.value === "") {
      if (token.negate) errors.push({ ...at, message: "A lone - negates nothing" });
      continue;
    }
    const body =
      token.key === undefined
        ? { key: "text" as const, value: token.value }
        : termBody(token.key.toLowerCase(), token.value);
    if (typeof body === "string") errors.push({ ...at, message: body });
    else terms.push({ ...body, negate: token.negate, ...at });
  }
  return { terms, errors };
}

/** A term body, or an error message. */
function termBody(key: string, value: string): TermBody | string {
  if (value === "") return `"${key}:" needs a value`;
  switch (key) {
    case "method":
    case "tool":
    case "prompt":
    case "resource":
      return { key, pattern: value };
    case "dir":
      return value === "in" || value === "out" ? { key, value } : `dir is "in" or "out", not "${value}"`;
    case "channel":
      return (CHANNELS as readonly string[]).includes(value)
        ? { key, value: value as ChannelName }
        : `channel is one of ${CHANNELS.join(", ")}`;
    case "kind":
      return (KINDS as readonly string[]).includes(value)
        ? { key, value: value as Kind }
        : `kind is one of ${KINDS.join(", ")}`;
    case "is":
      return (FLAGS as readonly string[]).includes(value)
        ? { key, value: value as IsFlag }
        : `is: takes ${FLAGS.join(", ")}`;
    case "duration":
    case "latency": {
      const c = comparison(value, /^(\d+(?:\.\d+)?)(ms|s)?$/i);
      if (!c) return `${key} takes a time such as >500ms or <=2s`;
      return { key: "duration", op: c.op ?? ">=", ms: c.n * (c.unit.toLowerCase() === "s" ? 1000 : 1) };
    }
    case "size": {
      const c = comparison(value, /^(\d+(?:\.\d+)?)(b|kb|mb|gb)?$/i);
      if (!c) return "size takes a size such as >10kb or <2mb";
      return { key, op: c.op ?? ">=", bytes: c.n * (SIZE_UNITS[c.unit.toLowerCase()] ?? 1) };
    }
    case "status": {
      const c = comparison(value, /^(\d{3})()$/);
      return c ? { key, op: c.op ?? "=", value: c.n } : "status takes an HTTP status such as 404 or >=400";
    }
    case "id":
      return { key, value };
    case "text":
      return { key, value };
    default:
      return `Unknown key "${key}" (known: ${Object.keys(QUERY_KEYS).join(", ")}); quote the text to search for it`;
  }
}

function comparison(value: string, number: RegExp): { op?: Comparison; n: number; unit: string } | undefined {
  const op = /^(>=|<=|>|<|=)/.exec(value)?.[1] as Comparison | undefined;
  const m = number.exec(value.slice(op?.length ?? 0));
  if (!m) return undefined;
  return { op, n: Number(m[1]), unit: m[2] ?? "" };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (): { value: string; unterminated: boolean } => {
    let value = "";
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\" && i + 1 < text.length) i++;
      value += text.charAt(i++);
    }
    const unterminated = i >= text.length;
    if (!unterminated) i++;
    return { value, unterminated };
  };
  const readWord = (): string => {
    const from = i;
    while (i < text.length && !/\s/.test(text[i]!)) i++;
    return text.slice(from, i);
  };
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const negate = text[i] === "-";
    if (negate) i++;
    if (text[i] === '"') {
      const q = readQuoted();
      tokens.push({ negate, value: q.value, start, end: i, unterminated: q.unterminated });
      continue;
    }
    const key = /^([A-Za-z]+):/.exec(text.slice(i, i + 40))?.[1];
    if (key === undefined) {
      tokens.push({ negate, value: readWord(), start, end: i, unterminated: false });
      continue;
    }
    i += key.length + 1;
    const q = text[i] === '"' ? readQuoted() : { value: readWord(), unterminated: false };
    tokens.push({ negate, key, value: q.value, start, end: i, unterminated: q.unterminated });
  }
  return tokens;
}
