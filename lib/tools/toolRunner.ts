import {
  ProtocolError,
  SdkError,
  SdkErrorCode,
  SdkHttpError,
  type CallToolResult,
  type Client,
  type StandardSchemaV1,
} from "@modelcontextprotocol/client";
import type { ToolOutcome } from "../results";
import { errorMessage, Store } from "../base";
import { callFinished, callProgressed, callStarted, emptyToolCalls, type ToolCallsState } from "./history";

export const DEFAULT_TOOL_TIMEOUT_MS = 60_000;

/**
 * Accepts any result as it came: an inspector must show a result the SDK's schema would reject
 * (an unknown content type, a missing field) rather than replace it with a local error.
 */
const AsSent: StandardSchemaV1<unknown, CallToolResult> = {
  "~standard": { version: 1, vendor: "mcp-lens", validate: (value) => ({ value: value as CallToolResult }) },
};

/**
 * Whether the server is waiting on the user (an open sampling or elicitation card for this
 * connection): `session.clientFeatures.requests` fits, through a small adapter.
 */
export interface UserWait {
  waiting(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface CallOptions {
  /** Restarted by every progress notification (the official inspector's timeout ignores progress). */
  timeoutMs?: number;
  /** While this says the server waits on the user, the timeout is paused; it restarts in full after. */
  userWait?: UserWait;
}

/** Longer than any call needs: the SDK's own timer stays out of the way of ours (setTimeout's limit). */
const NO_SDK_TIMEOUT_MS = 2 ** 31 - 1;

/** The person pressed Cancel. */
class UserCancel extends Error {
  constructor() {
    super("cancelled by the user");
  }
}

class CallTimeout extends Error {
  constructor(readonly ms: number) {
    super(`Timed out: no result and no progress for ${ms} ms.`);
  }
}

/**
 * The call's timeout: restarted by progress, stopped while the user has a request of the server's
 * to answer (the server cannot finish before), restarted in full when the last one is answered.
 */
function callTimer(
  ms: number,
  userWait: UserWait | undefined,
  fire: (error: CallTimeout) => void,
): { restart(): void; stop(): void } {
  let handle: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const clear = () => {
    if (handle !== undefined) clearTimeout(handle);
    handle = undefined;
  };
  const restart = () => {
    clear();
    if (stopped || userWait?.waiting()) return;
    handle = setTimeout(() => fire(new CallTimeout(ms)), ms);
  };
  let wasWaiting = userWait?.waiting() ?? false;
  const unsubscribe = userWait?.subscribe(() => {
    const waiting = userWait.waiting();
    if (waiting !== wasWaiting) restart();
    wasWaiting = waiting;
  });
  restart();
  return {
    restart,
    stop: () => {
      stopped = true;
      clear();
      unsubscribe?.();
    },
  };
}

/**
 * Runs tool calls for one session and keeps their history. Results are shown as the server sent
 * them: the call goes out as a plain `tools/call` request, so the SDK's own output-schema check
 * cannot turn a bad result into a local error (MCP Lens validates and reports it instead).
 */
export class ToolRunner {
  readonly store = new Store<ToolCallsState>(emptyToolCalls);
  private nextId = 1;
  private readonly running = new Map<number, AbortController>();

  constructor(
    private readonly now: () => number = () => performance.now(),
    /** Why the connection went away, when something more precise than "Connection closed" is known (an answer refused as too big). */
    private readonly whyClosed: () => string | undefined = () => undefined,
  ) {}

  async call(client: Client, tool: string, args: unknown, options: CallOptions = {}): Promise<ToolOutcome> {
    const id = this.nextId++;
    const controller = new AbortController();
    this.running.set(id, controller);
    const started = this.now();
    this.store.apply(callStarted, { id, tool, args, startedAt: Date.now(), status: "running", progressCount: 0 });
    const timer = callTimer(options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS, options.userWait, (error) =>
      controller.abort(error),
    );
    let outcome: ToolOutcome;
    try {
      const result = await client.request(
        { method: "tools/call", params: { name: tool, arguments: args as Record<string, unknown> } },
        AsSent,
        {
          signal: controller.signal,
          timeout: NO_SDK_TIMEOUT_MS,
          onprogress: (p) => {
            timer.restart();
            this.store.apply(callProgressed, {
              tool,
              id,
              progress: { progress: p.progress, total: p.total, message: p.message },
            });
          },
        },
      );
      outcome = { kind: "result", result, elapsedMs: this.now() - started };
    } catch (error) {
      const reason: unknown = controller.signal.reason;
      outcome =
        reason instanceof CallTimeout
          ? {
              kind: "failed",
              message: `${reason.message} notifications/cancelled was sent to the server.`,
              elapsedMs: this.now() - started,
            }
          : reason instanceof UserCancel
            ? {
                kind: "cancelled",
                message: "notifications/cancelled was sent to the server; an answer that still comes is ignored.",
                elapsedMs: this.now() - started,
              }
            : toOutcome(error, this.now() - started, controller.signal.aborted, this.whyClosed);
    } finally {
      timer.stop();
      this.running.delete(id);
    }
    this.store.apply(callFinished, { tool, id, outcome });
    return outcome;
  }

  /** Cancel a running call: the SDK sends `notifications/cancelled` (or closes the request's stream in the 2026 era). */
  cancel(id: number): void {
    this.running.get(id)?.abort(new UserCancel());
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort(new Error("disconnected"));
  }
}

function toOutcome(
  error: unknown,
  elapsedMs: number,
  cancelled: boolean,
  whyClosed: () => string | undefined,
): ToolOutcome {
  const closedBecause =
    error instanceof SdkError && error.code === SdkErrorCode.ConnectionClosed ? whyClosed() : undefined;
  if (closedBecause) return { kind: "failed", message: closedBecause, elapsedMs };
  if (cancelled)
    return {
      kind: "failed",
      message: "Stopped: the connection was closed, and notifications/cancelled was sent to the server.",
      elapsedMs,
    };
  if (error instanceof ProtocolError)
    return { kind: "protocol-error", code: error.code, message: error.message, data: error.data, elapsedMs };
  if (error instanceof SdkError) {
    const timeout = (error.data as { timeout?: number } | undefined)?.timeout;
    if (error.code === "REQUEST_TIMEOUT")
      return { kind: "failed", message: `Timed out: no result and no progress for ${timeout ?? "?"} ms.`, elapsedMs };
    const http =
      error instanceof SdkHttpError && !error.message.includes(String(error.status))
        ? `HTTP ${error.status}${error.statusText ? ` ${error.statusText}` : ""}: `
        : "";
    return { kind: "failed", message: `${http}${error.message} (${error.code})`, elapsedMs };
  }
  return { kind: "failed", message: errorMessage(error), elapsedMs };
}
