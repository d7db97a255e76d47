/**
 * Plain-language explanations of traffic entries for the teaching view: what a message is for,
 * who sent it and why, and a link to its section of the specification of the negotiated version
 * (specPages.ts); the texts per method and error code are in methodGuides.ts.
 */
import type { EventEntry, FrameEntry, HttpEntry, RpcInfo, SseEntry, TrafficEntry } from "../traffic";
import { SSE_EXPLANATION, sseLabel, sseSpecAnchor } from "../traffic";
import { formatId, formatMs, urlPath } from "../traffic";
import { isEventStream, isJsonType } from "../base";
import { explainAppFrame } from "./explainApps";
import { ERRORS, GUIDES } from "./methodGuides";
import { LAST_LEGACY, MODERN, specUrl, specVersion, type SpecPage } from "./specPages";

export { DEFAULT_SPEC_VERSION, SPEC_VERSIONS, specUrl, specVersion, type SpecPage } from "./specPages";
export { knownMethods } from "./methodGuides";

export interface Explanation {
  title: string;
  text: string;
  specUrl?: string;
}

const CLIENT = "the client (MCP Lens, in this page)";
const SERVER = "the server";

/** Explain one entry of the log; `protocolVersion` picks the revision of the spec to link. */
export function explain(entry: TrafficEntry, entries: readonly TrafficEntry[], protocolVersion?: string): Explanation {
  switch (entry.kind) {
    case "frame":
      return explainFrame(entry, entries, protocolVersion ?? sniffVersion(entry.raw));
    case "http":
      return explainHttp(entry, specVersion(protocolVersion));
    case "stderr":
      return {
        title: "stderr: the server's own log output",
        text: "A line the server process wrote to its standard error. On stdio, stdout carries only MCP messages, one JSON-RPC message per line; stderr is free for logs, which the bridge (the inspector server running the process) forwards so you can read them. It is not part of the protocol.",
        specUrl: specUrl("stdio", protocolVersion),
      };
    case "event":
      return explainEvent(entry, protocolVersion);
    case "sse":
      return explainSse(entry, protocolVersion);
  }
}

function explainSse(entry: SseEntry, version?: string): Explanation {
  // Priming events and retry-driven polling are 2025-11-25 transport features: link that revision at least.
  const v =
    entry.shape === "endpoint" ? "2024-11-05" : version && specVersion(version) > LAST_LEGACY ? version : LAST_LEGACY;
  const problem = entry.problem ? ` Flagged: ${entry.problem}.` : "";
  const url = `${specUrl("http", v)}#${sseSpecAnchor(entry.shape)}`;
  return { title: `SSE ${sseLabel(entry)}`, text: `${SSE_EXPLANATION[entry.shape]}${problem}`, specUrl: url };
}

/** The version a frame names itself (initialize params or result, or a 2026 request's _meta). */
function sniffVersion(raw: string): string | undefined {
  return /"(?:io\.modelcontextprotocol\/)?protocolVersion"\s*:\s*"(\d{4}-\d{2}-\d{2})"/.exec(raw.slice(0, 8192))?.[1];
}

function explainFrame(entry: FrameEntry, entries: readonly TrafficEntry[], version: string | undefined): Explanation {
  const v = specVersion(version);
  const { rpc } = entry;
  const app = entry.channel.transport === "app";
  const from = entry.direction === "outgoing" ? CLIENT : app ? "the MCP App view" : SERVER;
  const notes = [
    entry.expected && `Not an error here: ${entry.expected}.`,
    entry.problem && `Problem: ${entry.problem}.`,
    entry.truncated && "The log kept only the start of this very large frame.",
    entry.from !== undefined &&
      `MCP Lens sent it for the MCP App view ${entry.from}, which asked its host for it over postMessage (that request is on the view's lane).`,
  ]
    .filter(Boolean)
    .join(" ");
  const done = (e: Explanation): Explanation => (notes ? { ...e, text: `${e.text} ${notes}` } : e);
  if (entry.negotiation) return done(explainNegotiation(entry, entries));
  const appFrame = app ? explainAppFrame(entry, entries) : undefined;
  if (appFrame) return done(appFrame);
  switch (rpc.type) {
    case "request":
    case "notification":
      return done(explainMessage(entry, rpc.type, rpc.method, entries, v));
    case "result":
    case "error":
      return done(explainResponse(entry, rpc, entries, v));
    case "batch":
      return done({
        title: `JSON-RPC batch of ${rpc.items.length}`,
        text: `Several JSON-RPC messages sent by ${from} in one array (${rpc.items.map(itemLabel).join(", ")}). MCP allowed batches only in 2025-03-26; 2025-06-18 removed them, so a receiver speaking a later version rejects them.`,
        specUrl: specUrl("basic", v),
      });
    case "invalid-json":
    case "not-jsonrpc":
      return done({
        title: rpc.type === "invalid-json" ? "Not JSON" : "JSON, but not JSON-RPC",
        text: `This frame from ${from} is not an MCP message: ${rpc.reason}. Every MCP message is a JSON-RPC 2.0 object with "jsonrpc": "2.0".${entry.channel.transport === "stdio" ? " On stdio this usually means the server printed something else (a banner, a log line) on stdout, which must carry only MCP messages; logs belong on stderr." : ""}`,
        specUrl: specUrl(entry.channel.transport === "stdio" ? "stdio" : "basic", v),
      });
  }
}

const FALLBACK =
  "In auto mode MCP Lens first asks whether the server speaks 2026-07-28 (server/discover); a 2025-era server refuses the unknown request, and MCP Lens falls back to the legacy initialize handshake. This is version negotiation, not an error.";

function explainNegotiation(entry: FrameEntry, entries: readonly TrafficEntry[]): Explanation {
  const url = specUrl("versioning", MODERN);
  if (entry.rpc.type === "request") {
    const answer = entry.pairedSeq === undefined ? undefined : entries[entry.pairedSeq];
    const outcome =
      answer?.kind === "frame"
        ? `It was answered by #${answer.seq}.`
        : "Its answer (if any) is with its HTTP exchange, or never came: a server silent to it is also taken for a legacy one.";
    return { title: "server/discover: the version probe", text: `${FALLBACK} ${outcome}`, specUrl: url };
  }
  const said =
    entry.rpc.type === "error"
      ? ` It answered error ${entry.rpc.code}${entry.rpc.message ? ` (“${entry.rpc.message}”)` : ""}.`
      : "";
  return {
    title: "Legacy server: fell back to initialize",
    text: `The expected refusal of the version probe by a legacy server.${said} ${FALLBACK}`,
    specUrl: url,
  };
}

function itemLabel(rpc: RpcInfo): string {
  return rpc.type === "request" || rpc.type === "notification"
    ? rpc.method
    : rpc.type === "error"
      ? `error ${rpc.code}`
      : rpc.type;
}

function explainMessage(
  entry: FrameEntry,
  type: "request" | "notification",
  method: string,
  entries: readonly TrafficEntry[],
  v: string,
): Explanation {
  const guide = GUIDES[method];
  const outgoing = entry.direction === "outgoing";
  const sender = outgoing ? CLIENT : SERVER;
  const parts: string[] = [];
  if (guide) parts.push(guide.role);
  else
    parts.push(
      `MCP Lens has no explanation for ${method}: it is not a method of the MCP specification (2024-11-05 to 2026-07-28), so it may be an extension, an experimental or vendor method, or a typo. A receiver that does not implement it should answer -32601 (method not found).`,
    );
  if (guide && guide.by !== "either" && (guide.by === "client") !== outgoing)
    parts.push(`Unusual: this method is normally sent by ${guide.by === "client" ? CLIENT : SERVER}.`);
  if (guide?.era === "legacy" && v === MODERN)
    parts.push("2026-07-28 removed it; it belongs to the 2025-era protocol.");
  if (guide?.era === "modern" && v !== MODERN) parts.push("It is new in 2026-07-28.");
  if (type === "notification") {
    parts.push(`A notification, sent by ${sender}: one-way, with no id, and never answered.`);
  } else {
    const id = formatId((entry.rpc as { id: string | number }).id);
    parts.push(
      outgoing
        ? `A request from ${CLIENT} to the server, with id ${id}: the server must answer it exactly once, with a result or an error carrying the same id.`
        : `A request from the server to the client, with id ${id}: in MCP either side may ask, and MCP Lens must answer with the same id.${v === MODERN ? " 2026-07-28 replaces server-to-client requests with multi round-trip requests (an InputRequiredResult)." : ""}`,
    );
    const answer = entry.pairedSeq === undefined ? undefined : entries[entry.pairedSeq];
    if (answer?.kind === "frame")
      parts.push(
        `It was answered by #${answer.seq}${answer.latencyMs === undefined ? "" : ` after ${formatMs(answer.latencyMs)}`}${answer.rpc.type === "error" ? ", with an error" : ""}.`,
      );
    else parts.push("No answer has been recorded yet.");
  }
  const paged = type === "request" && /"cursor"\s*:\s*"/.test(entry.raw.slice(0, 65536));
  if (paged) parts.push("It carries a cursor from an earlier nextCursor: it asks for the next page.");
  const title = guide ? `${method}: ${guide.what}` : `${method}: a method MCP Lens does not know`;
  return {
    title,
    text: parts.join(" "),
    specUrl: specUrl(paged ? "pagination" : (guide?.page ?? "basic"), guide?.era === "modern" ? MODERN : v),
  };
}

function explainResponse(
  entry: FrameEntry,
  rpc: Extract<RpcInfo, { type: "result" | "error" }>,
  entries: readonly TrafficEntry[],
  v: string,
): Explanation {
  const request = entry.pairedSeq === undefined ? undefined : entries[entry.pairedSeq];
  const method = request?.kind === "frame" && request.rpc.type === "request" ? request.rpc.method : undefined;
  const guide = method === undefined ? undefined : GUIDES[method];
  const asker = entry.direction === "incoming" ? CLIENT : SERVER;
  const answerer = entry.direction === "incoming" ? SERVER : CLIENT;
  const id = rpc.id === null ? "null" : formatId(rpc.id);
  const pairing = request
    ? `It answers ${method ?? "the request"} id ${id}, which ${asker} sent as #${request.seq}${entry.latencyMs === undefined ? "" : `; it arrived ${formatMs(entry.latencyMs)} later: the time ${answerer} took plus the trip through the transport and the bridge`}.`
    : rpc.id === null
      ? "Its id is null: it answers no request, because the receiver could not even read the request's id (typically after a parse error)."
      : `No request with id ${id} from ${asker} is in the log, so it answers nothing MCP Lens knows of.`;
  if (rpc.type === "error") {
    const known = ERRORS[rpc.code];
    const meaning =
      known?.text ??
      (rpc.code <= -32000 && rpc.code >= -32099
        ? "A code in the range JSON-RPC reserves for server errors: -32020 to -32099 are kept for codes the MCP specification defines, -32000 to -32019 carry no agreed meaning."
        : "An application-defined error code: only its message says what went wrong.");
    const said = rpc.message ? ` Its message: “${rpc.message}”.` : "";
    return {
      title: `Error ${rpc.code}${known ? `: ${known.name}` : ""}`,
      text: `An error response from ${answerer}: the request failed as a whole. ${meaning}${said} ${pairing}`,
      specUrl: specUrl(known?.page ?? "basic", known?.version ?? v),
    };
  }
  const parts = [`A result: ${answerer}'s successful answer.`, guide?.result ?? "", pairing];
  const raw = entry.raw.length > 262144 ? entry.raw.slice(0, 65536) + entry.raw.slice(-65536) : entry.raw;
  const inputRequired = /"resultType"\s*:\s*"input_required"/.test(raw);
  const paged = /"nextCursor"\s*:\s*"/.test(raw);
  if (inputRequired)
    parts.push(
      "Its resultType is input_required: the server needs more from the client (an elicitation, a sampling, the roots) and the client retries the request with the answers; this is a multi round-trip request (2026-07-28).",
    );
  if (paged) parts.push("It carries a nextCursor: there are more items, fetched by calling again with that cursor.");
  const page: SpecPage = inputRequired ? "mrtr" : paged ? "pagination" : (guide?.page ?? "basic");
  return {
    title: method ? `Result of ${method}` : "Result",
    text: parts.filter(Boolean).join(" "),
    specUrl: specUrl(page, inputRequired || guide?.era === "modern" ? MODERN : v),
  };
}

const STATUS: Record<number, string> = {
  200: "OK.",
  202: "Accepted: the POST carried a notification or a response, which get no answer, so there is no body.",
  400: "Bad request: a malformed message, a request without a session id where one is needed, or an unsupported MCP-Protocol-Version header (in 2026-07-28 also missing _meta fields or a header that disagrees with the body).",
  401: "Unauthorized: the server wants an OAuth access token; its WWW-Authenticate header points to its protected-resource metadata.",
  403: "Forbidden: an Origin the server does not allow, or a token without the needed scope.",
  404: "Not found: the session id is unknown or was ended, so the client must start over (in 2026-07-28 also a removed method), or the URL is wrong.",
  405: "Method not allowed: the server offers no GET stream, or does not let clients end sessions with DELETE.",
  406: "Not acceptable: the request's Accept header must list both application/json and text/event-stream.",
};

function explainHttp(entry: HttpEntry, v: string): Explanation {
  if (entry.negotiation) {
    return {
      title: `HTTP ${entry.status ?? "?"} to the version probe: legacy server, fell back to initialize`,
      text: `The server answered the server/discover probe with HTTP ${entry.status}${entry.note ? ` (${entry.note})` : ""}, as a 2025-era server answers a request without a session. ${FALLBACK}`,
      specUrl: specUrl("versioning", MODERN),
    };
  }
  const page = entry.status === 401 ? "authorization" : "http";
  const session = entry.headers["mcp-session-id"];
  const relay = "The inspector server (the bridge) relays it unchanged between this page and the server.";
  if (entry.phase === "failed") {
    return {
      title: `HTTP ${entry.method} failed`,
      text: `The ${entry.method} to ${urlPath(entry.url)} got no HTTP answer${entry.note ? `: ${entry.note}` : ""}. The server may be down, the URL wrong, or the relay may have refused the address.`,
      specUrl: specUrl("http", v),
    };
  }
  if (entry.phase === "request") {
    const sessionText = session
      ? ` Its Mcp-Session-Id header (${session}) names the session the server assigned at initialize; the client repeats it on every request.`
      : "";
    const versionText = entry.headers["mcp-protocol-version"]
      ? ` MCP-Protocol-Version repeats the negotiated version (${entry.headers["mcp-protocol-version"]}).`
      : "";
    const byMethod: Record<string, [string, string]> = {
      POST: [
        "HTTP POST: one message to the server",
        `The client sends one JSON-RPC message as the body of an HTTP POST to the server's MCP endpoint, accepting a JSON or an SSE answer.${v === "2024-11-05" ? " In the 2024-11-05 HTTP+SSE transport the POST goes to the endpoint URL the server named on its SSE stream, and the answer arrives on that stream." : ""}${v === MODERN ? " In 2026-07-28 there is no session: the Mcp-Method and Mcp-Name headers repeat the method and name so proxies can route without reading the body." : ""}`,
      ],
      GET: [
        "HTTP GET: open a stream from the server",
        `The client opens a long-lived SSE stream so the server can send notifications and requests without being asked; a server without one answers 405.${v === "2024-11-05" ? " In the 2024-11-05 HTTP+SSE transport this stream is how the server talks, and its first event, endpoint, names the URL for POSTs." : ""}${v === MODERN ? " 2026-07-28 replaces this stream with subscriptions/listen." : ""}`,
      ],
      DELETE: [
        "HTTP DELETE: end the session",
        "The client ends its session by sending DELETE with the Mcp-Session-Id header; afterwards the server answers that id with 404.",
      ],
    };
    const [title, text] = byMethod[entry.method] ?? [
      `HTTP ${entry.method}`,
      `An HTTP ${entry.method} request, which the MCP transports do not use.`,
    ];
    return { title, text: `${text}${sessionText}${versionText} ${relay}`, specUrl: specUrl(page, v) };
  }
  const status = entry.status ?? 0;
  const type = entry.headers["content-type"] ?? "";
  const body = isEventStream(type)
    ? " The body is an SSE stream: the server may send notifications and requests first, then the response, and closes the stream when done (a GET stream stays open)."
    : isJsonType(type)
      ? " The body is one JSON-RPC message: the answer."
      : "";
  const assigned = session
    ? ` The server sent Mcp-Session-Id ${session}: the client must send it back on every later request.`
    : "";
  const took =
    entry.durationMs === undefined ? "" : ` The headers arrived ${formatMs(entry.durationMs)} after the request.`;
  const meaning =
    STATUS[status] ??
    (status >= 500 ? "A server error: the server, or something in front of it, failed." : `Status ${status}.`);
  const expected = entry.expected ? ` Not an error here: ${entry.expected}.` : "";
  return {
    title: `HTTP ${status} for ${entry.method}`,
    text: `${meaning}${body}${assigned}${entry.note ? ` It returned ${entry.note}.` : ""}${took}${expected}`,
    specUrl: specUrl(page, v),
  };
}

/** Chosen by the event's code and source, never by its message (which is only shown). */
function explainEvent(entry: EventEntry, version?: string): Explanation {
  const text = `Not a message on the wire: a note MCP Lens wrote to the log (${entry.level}): ${entry.message}`;
  if (entry.code === "sse-endpoint") {
    return {
      title: "SSE endpoint event",
      text: `${text}. In the 2024-11-05 HTTP+SSE transport the server's first SSE event names the URL the client must POST its messages to.`,
      specUrl: specUrl("http", "2024-11-05"),
    };
  }
  if (entry.code === "sse-note") return { title: "SSE stream note", text, specUrl: specUrl("http", version) };
  if (entry.source === "bridge")
    return {
      title: "Bridge note",
      text: `${text}. The bridge (the inspector server) runs the stdio server as a child process and reports its life here.`,
      specUrl: specUrl("stdio", version),
    };
  return { title: "MCP Lens note", text };
}
