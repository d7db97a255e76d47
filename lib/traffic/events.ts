/**
 * What kinds of event (a note MCP Lens writes to the traffic log, not a message on the wire) there
 * are, and who writes each. Views pick explanations and diagram lanes by `code`, never by the prose
 * of `message`, which may be reworded freely. A new kind of event gets a code here first.
 */

/**
 * Who wrote an event:
 * - `session`: the session (`lib/session/`: `connection.ts`, `recovery.ts`, `session.ts`): connecting, connected, failures, disconnects, session boundaries.
 * - `bridge`: the stdio bridge, through its transport (`lib/transports/bridgeStdio.ts`): the server process's life and the bridge's errors.
 * - `transport`: an HTTP capture point (`lib/transports/`): redirects followed or refused, bodies and SSE streams that broke off.
 * - `client`: MCP Lens as a client (`lib/client/`): a client feature that could not do its part.
 * - `unknown`: only in recordings from before codes, whose prose matched no known kind.
 */
export const EVENT_SOURCES = ["session", "bridge", "transport", "client", "unknown"] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Every code with the source that writes it. */
export const EVENT_CODES = {
  /** `connecting (stdio, protocol auto)` */
  connecting: "session",
  /** The server closed the connection on the server/discover probe: restarting it for initialize. */
  "discover-probe-closed": "session",
  /** The connection attempt failed (its failure's title). */
  "connect-failed": "session",
  /** `connected: legacy era, protocol 2025-11-25` */
  connected: "session",
  /** A reconnect in the same log (with a `session-started` mark). */
  "session-started": "session",
  /** A live HTTP connection was found lost in its traffic (with a `session-ended` mark). */
  "connection-lost": "session",
  /** The server exited or closed the connection (with a `session-ended` mark). */
  "connection-closed": "session",
  /** Disconnected by the user, or to reconnect. */
  disconnected: "session",

  /** `starting <command>`: the bridge is asked to run the stdio server. */
  "process-starting": "bridge",
  /** The bridge could not start the server (command not found, no such cwd, the bridge refused…). */
  "process-start-failed": "bridge",
  /** `server process started (pid N)` */
  "process-started": "bridge",
  /** `server process exited (code N)` */
  "process-exited": "bridge",
  /** The bridge ended a running connection (an over-long line, too much output waiting). */
  "bridge-error": "bridge",
  /** The page lost its stream from the bridge. */
  "bridge-lost": "bridge",

  /** An HTTP redirect followed through the relay. */
  "redirect-followed": "transport",
  /** A redirect not followed (too many, not http(s), a body that cannot be sent again). */
  "redirect-refused": "transport",
  /** A response body broke off before its end. */
  "body-cut-off": "transport",
  /** An SSE stream broke off (ended with an error) between events. */
  "sse-broke-off": "transport",
  /** An SSE stream ended in the middle of an event, which the client never received. */
  "sse-event-cut": "transport",
  /** Recordings from before typed SSE entries: the legacy transport's `endpoint` event, written as a note. */
  "sse-endpoint": "transport",
  /** Recordings from before typed SSE entries: another SSE event written as a note. */
  "sse-note": "transport",

  /** OAuth (lib/session/authorization.ts): waiting for the person's approval, tokens obtained, a failure, credentials forgotten. */
  authorization: "client",

  /** `notifications/roots/list_changed` could not be sent. */
  "roots-changed-failed": "client",

  /** An MCP App view was started for a tool call, or closed (lib/apps). */
  "app-view": "client",
  /** An MCP App view could not run, or broke a rule of its host (lib/apps). */
  "app-view-problem": "client",

  /** A note from a recording made before codes whose kind could not be told from its text. */
  note: "unknown",
} as const satisfies Record<string, EventSource>;

export type EventCode = keyof typeof EVENT_CODES;

/** The source that writes `code`. */
export function eventSource<C extends EventCode>(code: C): (typeof EVENT_CODES)[C] {
  return EVENT_CODES[code];
}

export function isEventCode(value: unknown): value is EventCode {
  return typeof value === "string" && Object.hasOwn(EVENT_CODES, value);
}
