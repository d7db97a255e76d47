/**
 * The recording format's migrations (lib/base/migrate.ts): one step per version, lifting a document
 * of version n to n+1 before it is validated, so each step must expect anything and leave what it
 * does not understand for validation to report.
 *
 * v1 → v2: events gained a typed `source` and `code`. A v1 event has only its prose, so its code is
 * told from the message here, once, by the table below: the only place that reads event prose.
 */
import { migrationChain } from "../base";
import { EVENT_CODES, type EventCode, type EventSource } from "../traffic";
import { RECORDING_VERSION } from "./recordingSchema";

type Doc = Record<string, unknown>;

/**
 * v1 messages as MCP Lens wrote them, first match wins. Messages that could come from more than
 * one place (a bridge error repeated as the connect failure) are told apart in `deriveEventCodes`.
 */
const V1_MESSAGES: readonly [RegExp, EventCode][] = [
  [/^connecting \(/, "connecting"],
  [/^the server closed the connection on the server\/discover probe/, "discover-probe-closed"],
  [/^connected: /, "connected"],
  [/^disconnected (by the user|to reconnect)$/, "disconnected"],
  [/^starting /, "process-starting"],
  [/^server process started/, "process-started"],
  [/^server process exited/, "process-exited"],
  [/^lost the stdio bridge stream/, "bridge-lost"],
  [
    /^the stdio bridge closed before the server started|^Command not found: |^Permission denied running |^Could not start |^The working directory .* does not exist\./,
    "process-start-failed",
  ],
  [/^The server wrote a line of .* on stdout|^The server's output waited in the inspector/, "bridge-error"],
  [/^HTTP \d+ redirect from /, "redirect-followed"],
  [/^stopped after \d+ redirects|^the server redirected \(\d+\)/, "redirect-refused"],
  [/^the response body broke off/, "body-cut-off"],
  [/^the SSE stream .* in the middle of an event/, "sse-event-cut"],
  [/^the SSE stream broke off/, "sse-broke-off"],
  [/^SSE "endpoint"/, "sse-endpoint"],
  [/^SSE /, "sse-note"],
  [/^notifications\/roots\/list_changed failed/, "roots-changed-failed"],
  [/^authorization[: ]|^credentials forgotten/, "authorization"],
  // describeFailure's titles (lib/session/failure.ts).
  [
    /^The server exited \(.*\) before the handshake completed\.$|^The server writes text on stdout that is not JSON-RPC\.$|^Could not reach |answered HTTP \d+|is not an MCP server: |^The server answered with something that is not JSON-RPC\.$|^The server did not complete the handshake within |^Connection failed: /,
    "connect-failed",
  ],
];

/** The code of a v1 event, told from its message, level and mark. `bridgeErrors`: the messages of the bridge's errors before it. */
export function deriveEventCode(
  event: { level?: unknown; message?: unknown; mark?: unknown },
  bridgeErrors: ReadonlySet<string> = new Set(),
): { source: EventSource; code: EventCode } {
  const message = typeof event.message === "string" ? event.message : "";
  const mark =
    typeof event.mark === "object" && event.mark !== null ? (event.mark as { type?: unknown }).type : undefined;
  const code: EventCode =
    mark === "session-started"
      ? "session-started"
      : mark === "session-ended"
        ? event.level === "error"
          ? "connection-lost"
          : "connection-closed"
        : // A bridge error that ends the connection attempt is written twice: by the bridge, then as the session's failure.
          event.level === "error" && bridgeErrors.has(message)
          ? "connect-failed"
          : (V1_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? "note");
  return { source: EVENT_CODES[code], code };
}

/** v1 → v2: every event gets its source and code. Anything that is not an event (or not an object) is left as it is. */
function eventsWithCodes(doc: Doc): Doc {
  if (!Array.isArray(doc.traffic)) return doc;
  const bridgeErrors = new Set<string>();
  const traffic = doc.traffic.map((entry: unknown) => {
    if (typeof entry !== "object" || entry === null || (entry as Doc).kind !== "event") return entry;
    const event = entry as Doc;
    const derived = deriveEventCode(event, bridgeErrors);
    if (
      typeof event.message === "string" &&
      (derived.code === "process-start-failed" || derived.code === "bridge-error")
    )
      bridgeErrors.add(event.message);
    return { ...event, ...derived };
  });
  return { ...doc, traffic };
}

export const RECORDING_MIGRATIONS = migrationChain<Doc>(RECORDING_VERSION, {
  1: (doc) => ({ ...eventsWithCodes(doc), v: 2 }),
});
