import type { SseEntry, SseShape } from "./entry";

/** Short words for a row: "priming event", "retry 3000 ms". */
export function sseLabel(entry: SseEntry): string {
  switch (entry.shape) {
    case "priming":
      return "priming event";
    case "empty":
      return "event with empty data";
    case "id-only":
      return "event id only";
    case "retry":
      return entry.retryMs === undefined ? "retry" : `retry ${entry.retryMs} ms`;
    case "comment":
      return "comment";
    case "endpoint":
      return "endpoint event";
    case "ignored":
      return entry.event ? `"${entry.event}" event, ignored` : "ignored field";
  }
}

/** What each shape is, in words, for the detail pane and the Flow view. */
export const SSE_EXPLANATION: Record<SseShape, string> = {
  priming:
    "A priming event: an event id with empty data, sent before the response so that a client whose stream breaks can reconnect with Last-Event-ID and get what it missed. The 2025-11-25 transport says servers SHOULD send one; it carries no message and is not an error.",
  empty:
    "An event whose data is empty: it carries no message. Allowed by the SSE format; nothing is delivered to the client.",
  "id-only":
    "An event with an id and no data: it moves the resume point (Last-Event-ID) and dispatches nothing. Allowed by the SSE format.",
  retry:
    "A retry line: how long the client should wait before reconnecting after the stream ends (2025-11-25 servers use it to ask clients to poll). Allowed; not a message.",
  comment: "An SSE comment (a line starting with a colon), usually a keep-alive. Allowed; not a message.",
  endpoint: "The legacy HTTP+SSE transport's first event: the URL the client must POST its messages to.",
  ignored:
    'Something the SSE format or the MCP transport does not deliver: an event type other than "message" (the client ignores it, so a message in it never arrives), or a field name the format does not define.',
};

/** The section of the transport spec that allows each shape. */
export function sseSpecAnchor(shape: SseShape): string {
  return shape === "endpoint"
    ? "backwards-compatibility"
    : shape === "priming" || shape === "id-only" || shape === "retry"
      ? "resumability-and-redelivery"
      : "streamable-http";
}
