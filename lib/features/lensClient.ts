import { LOG_LEVEL_META_KEY, type LoggingLevel } from "@modelcontextprotocol/client";
import { TaskAwareClient } from "../client";

/**
 * The SDK client plus one thing the SDK leaves to its caller: in the 2026-07-28 era the log
 * level travels in each request's `_meta` (`io.modelcontextprotocol/logLevel`; absent means the
 * server sends no `notifications/message` for that request), since `logging/setLevel` is gone.
 * The SDK builds the per-request envelope in `_outboundMetaEnvelope` (a protected seam meant for
 * this); keys added there go on every request, including tool calls made elsewhere.
 */
export class LensClient extends TaskAwareClient {
  /** Set by the logging feature; unused on a legacy connection (the envelope is empty there). */
  requestLogLevel?: LoggingLevel;

  protected override _outboundMetaEnvelope(): Readonly<Record<string, unknown>> | undefined {
    const envelope = super._outboundMetaEnvelope();
    if (envelope === undefined || this.requestLogLevel === undefined) return envelope;
    return { ...envelope, [LOG_LEVEL_META_KEY]: this.requestLogLevel };
  }
}
