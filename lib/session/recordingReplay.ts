/**
 * A recording opened offline shows its past requests where a live session would: each
 * `tools/call` in that tool's call history, each tool's, prompt's and URI's latest answer in the
 * Tools, Prompts, Resources and Templates views. Derived from the log (lib/inspect's recordedCalls).
 */
import type { CallToolResult, GetPromptResult, ReadResourceResult } from "@modelcontextprotocol/client";
import {
  frameJson,
  recordedCalls,
  type RecordedAnswer,
  type RecordedCall,
  type RecordedList,
  type RecordedLists,
} from "../inspect";
import type { ListKind, ListState, SessionState } from "../base";
import { LIST_METHODS } from "./lists";
import { splitEntries } from "./listEntries";
import type { TrafficEntry } from "../traffic";
import { callsRestored, type CallRecord, type ToolRunner } from "../tools";
import {
  classifyReadResult,
  emptyLog,
  logBatchReceived,
  promptConversation,
  toLogEntry,
  type PromptRun,
  type PromptRunsState,
  type RequestFailure,
  type ResourceRead,
  type ResourceReadsState,
  type ServerFeatures,
} from "../features";

const NO_ANSWER = {
  cancelled: "cancelled: notifications/cancelled was sent, and no answer is in the recording",
  lost: "no answer: the connection ended before the server answered",
  unanswered: "no answer in the recording",
  cut: "the answer was stored cut in the recording: see the traffic",
} as const;

function failure(answer: Exclude<RecordedAnswer, { kind: "result" }>): RequestFailure {
  return answer.kind === "error"
    ? { message: answer.message, code: answer.code, ...(answer.data !== undefined && { data: answer.data }) }
    : { message: NO_ANSWER[answer.reason] };
}

type ToolOutcome = NonNullable<CallRecord["outcome"]>;

function toolOutcome(call: RecordedCall): ToolOutcome {
  const elapsedMs = call.elapsedMs ?? 0;
  const a = call.answer;
  if (a.kind === "result") return { kind: "result", result: a.result as CallToolResult, elapsedMs };
  if (a.kind === "error")
    return {
      kind: "protocol-error",
      code: a.code,
      message: a.message,
      elapsedMs,
      ...(a.data !== undefined && { data: a.data }),
    };
  if (a.reason === "cancelled") return { kind: "cancelled", message: NO_ANSWER.cancelled, elapsedMs };
  return { kind: "failed", message: NO_ANSWER[a.reason], elapsedMs };
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Each `tools/call` as a finished call of its tool, numbered in the order sent. */
export function recordedToolCalls(calls: readonly RecordedCall[]): CallRecord[] {
  return calls
    .filter((c) => c.method === "tools/call" && text(c.params.name) !== undefined)
    .map((c, i) => ({
      id: i + 1,
      tool: text(c.params.name)!,
      args: c.params.arguments ?? {},
      startedAt: c.startedAt,
      status: "done",
      progressCount: c.progressCount,
      outcome: toolOutcome(c),
    }));
}

/** The latest `prompts/get` of each prompt, as the Prompts view shows it. */
export function recordedPromptRuns(calls: readonly RecordedCall[]): PromptRunsState {
  const byName: Record<string, PromptRun> = {};
  for (const c of calls) {
    const name = text(c.params.name);
    if (c.method !== "prompts/get" || name === undefined) continue;
    const args = (c.params.arguments ?? {}) as Record<string, string>;
    const run: PromptRun = { name, args, attempt: (byName[name]?.attempt ?? 0) + 1, status: "done" };
    if (c.elapsedMs !== undefined) run.elapsedMs = c.elapsedMs;
    if (c.answer.kind === "result") {
      run.result = c.answer.result as GetPromptResult;
      run.conversation = promptConversation(run.result);
    } else Object.assign(run, { status: "error", error: failure(c.answer) });
    byName[name] = run;
  }
  return { byName };
}

/** The latest `resources/read` of each URI, as the Resources and Templates views show it. */
export function recordedReads(calls: readonly RecordedCall[]): ResourceReadsState {
  const byUri: Record<string, ResourceRead> = {};
  for (const c of calls) {
    const uri = text(c.params.uri);
    if (c.method !== "resources/read" || uri === undefined) continue;
    const read: ResourceRead = { uri, attempt: (byUri[uri]?.attempt ?? 0) + 1, status: "done", startedAt: c.startedAt };
    if (c.elapsedMs !== undefined) read.elapsedMs = c.elapsedMs;
    if (c.answer.kind === "result") {
      read.result = c.answer.result as ReadResourceResult;
      read.items = classifyReadResult(read.result);
    } else Object.assign(read, { status: "error", error: failure(c.answer) });
    byUri[uri] = read;
  }
  return { byUri };
}

const replaced = <S>(_s: S, next: S): S => next;

/** Fill the session's tool history, prompt runs and resource reads from a recording's log. */
export function replayRecordedCalls(
  target: { tools: Pick<ToolRunner, "store">; features: Pick<ServerFeatures, "prompts" | "resources" | "logging"> },
  entries: readonly TrafficEntry[],
): void {
  const calls = recordedCalls(entries);
  target.tools.store.apply(callsRestored, recordedToolCalls(calls));
  target.features.prompts.store.apply(replaced<PromptRunsState>, recordedPromptRuns(calls));
  target.features.resources.store.apply(replaced<ResourceReadsState>, recordedReads(calls));
  target.features.logging.store.apply((_s, batch) => logBatchReceived(emptyLog, batch), recordedLog(entries));
}

/** The server's `notifications/message` in the recording, as the Logs view shows them, at the time received. */
function recordedLog(entries: readonly TrafficEntry[]): ReturnType<typeof toLogEntry>[] {
  const log: ReturnType<typeof toLogEntry>[] = [];
  for (const e of entries) {
    if (e.kind !== "frame" || e.direction !== "incoming" || e.rpc.type !== "notification") continue;
    if (e.rpc.method !== "notifications/message") continue;
    log.push(toLogEntry(frameJson(e)?.params, log.length + 1, e.ts));
  }
  return log;
}

/**
 * The list states of a recording: a listing it holds is ready (with the error of a failed later
 * page), a refused one an error; a list never asked is "not declared" when the server did not
 * declare it, else an error saying the recording does not hold it (never "connect first").
 */
export function recordedListStates(
  lists: RecordedLists,
  capabilities: SessionState["serverCapabilities"],
): SessionState["lists"] {
  const state = (kind: ListKind, list: RecordedList): ListState<unknown> => {
    const spec = LIST_METHODS.find((m) => m.kind === kind)!;
    if (list.state === "absent")
      return capabilities && !(spec.capability in capabilities)
        ? { status: "unsupported", items: [] }
        : { status: "error", items: [], error: `the recording holds no ${spec.method} answer` };
    const error = list.error ?? (list.incomplete ? "the recording does not hold the next page" : undefined);
    // Checked entry by entry as a live listing is: entries that do not match the schema are set aside.
    const { valid, invalid } = splitEntries(kind, list.items);
    return {
      status: error ? "error" : "ready",
      items: valid,
      reason: "refresh",
      ...(invalid.length > 0 && { invalid }),
      ...(error && { error }),
    };
  };
  return {
    tools: state("tools", lists.tools),
    resources: state("resources", lists.resources),
    resourceTemplates: state("resourceTemplates", lists.resourceTemplates),
    prompts: state("prompts", lists.prompts),
  } as SessionState["lists"];
}
