import type { CallToolResult, ServerCapabilities, Tool } from "@modelcontextprotocol/client";
import type { RequestFailure } from "./request";
import { isRecord } from "../base";

export const TERMINAL_TASK_STATUSES: readonly string[] = ["completed", "failed", "cancelled"];

/** One task the server runs (2025-11-25 experimental tasks), as far as this client knows it. */
export interface TaskRecord {
  taskId: string;
  /** Set when the task was created from here. */
  tool?: string;
  args?: unknown;
  /** `working`, `input_required`, `completed`, `failed`, `cancelled`, or whatever the server sent. */
  status: string;
  statusMessage?: string;
  createdAt?: string;
  lastUpdatedAt?: string;
  ttl?: number | null;
  /** The server's suggested polling interval (ms). */
  pollInterval?: number;
  polling: boolean;
  /** `tasks/get` requests sent for this task. */
  polls: number;
  /** The last failed `tasks/get`. */
  pollError?: RequestFailure;
  /** `tasks/result`: the underlying request's result, as sent. */
  result?: { status: "waiting" | "done" | "error"; value?: CallToolResult; error?: RequestFailure };
  cancel?: { status: "sending" | "done" | "error"; error?: RequestFailure };
}

export interface TasksState {
  byId: Record<string, TaskRecord>;
  /** Newest first. */
  order: string[];
  /** The last `tasks/list`. */
  list?: { status: "loading" | "ready" | "error"; error?: RequestFailure };
}

export const emptyTasks: TasksState = { byId: {}, order: [] };

/** The task fields of a `Task` object, read defensively (it is server data). */
export function readTask(value: unknown): Partial<TaskRecord> & { taskId?: string } {
  const t = isRecord(value) ? value : {};
  const str = (k: string): string | undefined => (typeof t[k] === "string" ? (t[k] as string) : undefined);
  const out: Partial<TaskRecord> & { taskId?: string } = {};
  if (str("taskId")) out.taskId = str("taskId");
  if (str("status")) out.status = str("status");
  if (str("statusMessage") !== undefined) out.statusMessage = str("statusMessage");
  if (str("createdAt")) out.createdAt = str("createdAt");
  if (str("lastUpdatedAt")) out.lastUpdatedAt = str("lastUpdatedAt");
  if (typeof t.ttl === "number" || t.ttl === null) out.ttl = t.ttl;
  if (typeof t.pollInterval === "number") out.pollInterval = t.pollInterval;
  return out;
}

// Named reducers.
export const taskSeen = (s: TasksState, p: { task: Partial<TaskRecord> & { taskId: string } }): TasksState => {
  const existing = s.byId[p.task.taskId];
  const merged: TaskRecord = { status: "working", polling: false, polls: 0, ...existing, ...p.task };
  return {
    ...s,
    byId: { ...s.byId, [merged.taskId]: merged },
    order: existing ? s.order : [merged.taskId, ...s.order],
  };
};

export const taskPatched = (
  s: TasksState,
  p: { taskId: string; patch: (t: TaskRecord) => Partial<TaskRecord> },
): TasksState => {
  const t = s.byId[p.taskId];
  return t ? { ...s, byId: { ...s.byId, [p.taskId]: { ...t, ...p.patch(t) } } } : s;
};

export const taskListChanged = (s: TasksState, list: TasksState["list"]): TasksState => ({ ...s, list });

export const tasksCleared = (): TasksState => emptyTasks;

/** How a tool may be run as a task: its `execution.taskSupport` (absent means forbidden). */
export function taskSupportOf(tool: Pick<Tool, "execution">): "required" | "optional" | "forbidden" {
  const support = (tool.execution as { taskSupport?: unknown } | undefined)?.taskSupport;
  return support === "required" || support === "optional" ? support : "forbidden";
}

/** The server declared task-augmented `tools/call` (`tasks.requests.tools.call`). */
export function serverRunsToolTasks(capabilities: ServerCapabilities | undefined): boolean {
  const tasks = (capabilities as { tasks?: { requests?: { tools?: { call?: unknown } } } } | undefined)?.tasks;
  return tasks?.requests?.tools?.call !== undefined;
}
