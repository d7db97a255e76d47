/**
 * What each MCP method and JSON-RPC error code is for, in plain words: the text the teaching view
 * shows for a message (explain.ts picks the entry and adds who sent it, when and why).
 */
import { LAST_LEGACY, MODERN, type SpecPage } from "./specPages";

export type Sender = "client" | "server" | "either";
export interface Guide {
  what: string;
  by: Sender;
  page: SpecPage;
  role: string;
  result?: string;
  /** legacy: removed in 2026-07-28; modern: new in it. */
  era?: "legacy" | "modern";
}

const LIST = "Long lists come in pages: a nextCursor in the result asks for another call with that cursor.";
const TASK =
  "Tasks are long-running requests the receiver agreed to run in the background (experimental in 2025-11-25, an extension since 2026-07-28).";
export const GUIDES: Record<string, Guide> = {
  initialize: {
    what: "the handshake",
    by: "client",
    page: "lifecycle",
    era: "legacy",
    role: "The first request of a legacy (2025-era) session: the client offers the protocol version it wants, its capabilities and clientInfo. Nothing but pings and logs may be sent before it is answered.",
    result:
      "The server's half of the handshake: the protocolVersion it chose (a version it supports if it cannot speak the one offered), its capabilities, which decide what the client may use, serverInfo and optional instructions.",
  },
  "notifications/initialized": {
    what: "handshake done",
    by: "client",
    page: "lifecycle",
    era: "legacy",
    role: "The last step of the handshake: the client accepted the server's answer to initialize, and normal requests may start.",
  },
  "server/discover": {
    what: "what the server supports",
    by: "client",
    page: "discover",
    era: "modern",
    role: "The 2026-07-28 way to meet a server: a stateless request for its supported protocol versions, capabilities and serverInfo. There is no initialize and no session; every later request carries the version and client capabilities in its _meta. A client in auto mode sends it first and falls back to initialize for a legacy server.",
    result:
      "The server's versions, capabilities and serverInfo. A legacy server answers -32601 instead, and the client falls back to initialize.",
  },
  ping: {
    what: "are you there?",
    by: "either",
    page: "ping",
    era: "legacy",
    role: "A liveness check either side may send at any time; the receiver must answer promptly with an empty result.",
    result: "An empty result: the peer is alive. The latency is the full round trip.",
  },
  "tools/list": {
    what: "which tools exist",
    by: "client",
    page: "tools",
    role: `The client asks which tools the server offers, each with a name, description and inputSchema (and optionally outputSchema and annotations). ${LIST}`,
    result: "The server's tools with their schemas; the client shows them or hands them to a model.",
  },
  "tools/call": {
    what: "run a tool",
    by: "client",
    page: "tools",
    role: "The client asks the server to run one tool, with arguments that should match the tool's inputSchema.",
    result:
      "The tool's output: content blocks (text, images, audio, resource links) and structuredContent when the tool declares an outputSchema. A tool that failed says so with isError: true inside a normal result; a JSON-RPC error means the request itself was refused.",
  },
  "notifications/tools/list_changed": {
    what: "tools changed",
    by: "server",
    page: "tools",
    role: "The server's set of tools changed (it declared tools.listChanged), so the client should call tools/list again.",
  },
  "resources/list": {
    what: "which resources exist",
    by: "client",
    page: "resources",
    role: `The client asks which resources (data named by URI: files, records, documents) the server exposes. ${LIST}`,
    result: "The resources: uri, name, optional mimeType and description.",
  },
  "resources/templates/list": {
    what: "resource URI templates",
    by: "client",
    page: "resources",
    role: `The client asks for resource templates: RFC 6570 URI templates such as file:///{path} from which it can build resource URIs. ${LIST}`,
    result: "The templates, each with a uriTemplate and a name.",
  },
  "resources/read": {
    what: "read a resource",
    by: "client",
    page: "resources",
    role: "The client reads one resource by its URI.",
    result:
      "The resource's contents, as text or a base64 blob, with a mimeType. A missing resource is error -32002 before 2026-07-28 and -32602 since.",
  },
  "resources/subscribe": {
    what: "watch a resource",
    by: "client",
    page: "resources",
    era: "legacy",
    role: "The client asks to be told (notifications/resources/updated) when one resource changes; the server needs the resources.subscribe capability.",
    result: "An empty result: the subscription is in place.",
  },
  "resources/unsubscribe": {
    what: "stop watching",
    by: "client",
    page: "resources",
    era: "legacy",
    role: "The client cancels the updates an earlier resources/subscribe asked for.",
    result: "An empty result: no more updates for that URI.",
  },
  "notifications/resources/updated": {
    what: "a resource changed",
    by: "server",
    page: "resources",
    role: "A resource the client subscribed to changed; the client may read it again.",
  },
  "notifications/resources/list_changed": {
    what: "resources changed",
    by: "server",
    page: "resources",
    role: "The server's list of resources changed, so the client should call resources/list again.",
  },
  "prompts/list": {
    what: "which prompts exist",
    by: "client",
    page: "prompts",
    role: `The client asks which prompts the server offers: message templates with arguments, meant to be picked by the user. ${LIST}`,
    result: "The prompts with their names, descriptions and arguments.",
  },
  "prompts/get": {
    what: "fill in a prompt",
    by: "client",
    page: "prompts",
    role: "The client fetches one prompt with its arguments filled in.",
    result: "A list of messages, ready to send to a model.",
  },
  "notifications/prompts/list_changed": {
    what: "prompts changed",
    by: "server",
    page: "prompts",
    role: "The server's list of prompts changed, so the client should call prompts/list again.",
  },
  "completion/complete": {
    what: "autocomplete an argument",
    by: "client",
    page: "completion",
    role: "The client asks for suggestions for one argument of a prompt (ref/prompt) or a resource template (ref/resource), given what the user typed so far.",
    result: "Up to 100 suggested values, with total and hasMore when there are more.",
  },
  "logging/setLevel": {
    what: "choose the log level",
    by: "client",
    page: "logging",
    era: "legacy",
    role: "The client sets the lowest level of log messages (notifications/message) it wants from the server.",
    result: "An empty result: the level is set.",
  },
  "notifications/message": {
    what: "a log message",
    by: "server",
    page: "logging",
    role: "A log message from the server, with a level, an optional logger name and data; the client may show or store it. Deprecated in 2026-07-28.",
  },
  "notifications/progress": {
    what: "progress report",
    by: "either",
    page: "progress",
    role: "Progress of a long request: the requester asked for it by putting a progressToken in the request's _meta, and each notification carries that token, a progress value that only grows, and optionally a total and a message.",
  },
  "notifications/cancelled": {
    what: "never mind",
    by: "either",
    page: "cancellation",
    role: "The sender no longer wants the answer to one of its requests (requestId) and asks the receiver to stop. The receiver should not answer it, and a response that crosses this notification in flight is ignored.",
  },
  "sampling/createMessage": {
    what: "ask the client's model",
    by: "server",
    page: "sampling",
    role: "The server asks the client to run a model completion for it (messages, model preferences, a token limit). The client, usually with the user's approval, picks the model and returns its reply; the server needs no API key of its own. Deprecated in 2026-07-28.",
    result: "The model's message, the model used and the stop reason, as chosen by the client.",
  },
  "elicitation/create": {
    what: "ask the user",
    by: "server",
    page: "elicitation",
    role: "The server asks the user, through the client, for information: a form described by a flat JSON Schema (requestedSchema), or, since 2025-11-25, a URL to open. The user may accept, decline or cancel.",
    result: "The user's action (accept, decline or cancel) and, on accept, the form's content.",
  },
  "notifications/elicitation/complete": {
    what: "URL elicitation done",
    by: "server",
    page: "elicitation",
    role: "The server says an out-of-band (URL-mode) elicitation finished, so the client can retry what needed it.",
  },
  "roots/list": {
    what: "which folders may I use?",
    by: "server",
    page: "roots",
    role: "The server asks the client for its roots: the file:// directories and files the user lets the server work in. Deprecated in 2026-07-28.",
    result: "The client's roots, each a uri with an optional name.",
  },
  "notifications/roots/list_changed": {
    what: "roots changed",
    by: "client",
    page: "roots",
    role: "The client's roots changed, so the server may call roots/list again.",
  },
  "tasks/get": {
    what: "task status",
    by: "either",
    page: "tasks",
    role: `Asks for the status of a task. ${TASK}`,
    result: "The task's status: working, input_required, completed, failed or cancelled.",
  },
  "tasks/result": {
    what: "task result",
    by: "either",
    page: "tasks",
    role: `Asks for the final result of a task, waiting while it still runs. ${TASK}`,
    result: "The result the original request would have returned.",
  },
  "tasks/list": {
    what: "list tasks",
    by: "either",
    page: "tasks",
    role: `Lists the tasks the receiver knows about. ${TASK}`,
    result: "The tasks and their statuses.",
  },
  "tasks/cancel": {
    what: "cancel a task",
    by: "either",
    page: "tasks",
    role: `Asks the receiver to cancel a task. ${TASK}`,
    result: "The task, now cancelled.",
  },
  "notifications/tasks/status": {
    what: "task status changed",
    by: "either",
    page: "tasks",
    role: `A task's status changed. ${TASK}`,
  },
  "subscriptions/listen": {
    what: "open a notification stream",
    by: "client",
    page: "subscriptions",
    era: "modern",
    role: "The client opens a long-lived stream of notifications, naming the kinds it wants (tools, prompts or resources list changes, updates of given resource URIs). The server first sends notifications/subscriptions/acknowledged, then notifications as things happen, until the request is cancelled. It replaces the HTTP GET stream and resources/subscribe.",
  },
  "notifications/subscriptions/acknowledged": {
    what: "subscription accepted",
    by: "server",
    page: "subscriptions",
    era: "modern",
    role: "The first message on a subscriptions/listen stream: which of the requested notification kinds the server agreed to send.",
  },
};

/** Methods with a written explanation (the tests check every method of the demo and reference servers is one). */
export function knownMethods(): string[] {
  return Object.keys(GUIDES);
}

export const ERRORS: Record<number, { name: string; text: string; page: SpecPage; version?: string }> = {
  [-32700]: {
    name: "Parse error",
    page: "basic",
    text: "The receiver could not parse the message as JSON: often the sender wrote something else (a log line on stdout, a cut body).",
  },
  [-32600]: {
    name: "Invalid request",
    page: "basic",
    text: 'The message is JSON but not a valid JSON-RPC request (no "jsonrpc": "2.0", a bad id, or a batch where batches are not allowed).',
  },
  [-32601]: {
    name: "Method not found",
    page: "basic",
    text: "The receiver does not implement this method, or does not offer it because the capability was not negotiated. A legacy server answers server/discover this way, which tells an auto-negotiating client to fall back to initialize.",
  },
  [-32602]: {
    name: "Invalid params",
    page: "basic",
    text: "The method exists but its params are wrong: a missing or mistyped field, an unknown tool or prompt, an invalid cursor. Since 2026-07-28 it also means a resource that does not exist or missing _meta fields.",
  },
  [-32603]: {
    name: "Internal error",
    page: "basic",
    text: "The receiver failed while handling the request: a bug or an unexpected condition on its side.",
  },
  [-32002]: {
    name: "Resource not found",
    page: "resources",
    text: "The resource URI does not exist (2025-11-25 and earlier; 2026-07-28 uses -32602).",
  },
  [-32042]: {
    name: "URL elicitation required",
    page: "elicitation",
    version: LAST_LEGACY,
    text: "The server needs the user to complete a URL-mode elicitation (in error.data) before it can handle this request; the client should show it and retry (2025-11-25 only).",
  },
  [-32020]: {
    name: "Header mismatch",
    page: "http",
    version: MODERN,
    text: "An HTTP header (MCP-Protocol-Version, Mcp-Method or Mcp-Name) disagrees with the same value in the message body (2026-07-28).",
  },
  [-32021]: {
    name: "Missing required client capability",
    page: "basic",
    version: MODERN,
    text: "The request needs a client capability, such as elicitation or sampling, that the client did not declare in _meta (2026-07-28).",
  },
  [-32022]: {
    name: "Unsupported protocol version",
    page: "versioning",
    version: MODERN,
    text: "The server does not support the protocolVersion in the request's _meta; error.data lists the versions it does (2026-07-28).",
  },
};
