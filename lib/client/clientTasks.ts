import { ProtocolError, RELATED_TASK_META_KEY, type Result } from "@modelcontextprotocol/client";
import { errorMessage, Store } from "../base";
import { AnswerError } from "./requests";

export type ClientTaskStatus = "working" | "input_required" | "completed" | "failed" | "cancelled";
const TERMINAL: readonly ClientTaskStatus[] = ["completed", "failed", "cancelled"];
const POLL_INTERVAL_MS = 1000;
const PAGE_SIZE = 50;
const HISTORY_LIMIT = 200;

/** A task a server created on MCP Lens (2025-11-25 client-side tasks): a sampling or elicitation request run in the background. */
export interface ClientTask {
  taskId: string;
  method: "sampling/createMessage" | "elicitation/create";
  /** The JSON-RPC id of the request that created it. */
  requestId: string | number;
  status: ClientTaskStatus;
  statusMessage?: string;
  createdAt: string;
  lastUpdatedAt: string;
  ttl: number | null;
  /** The answer, once completed; the error, once failed. */
  result?: Result;
  error?: { code: number; message: string; data?: unknown };
  /** Times the server polled it with tasks/get. */
  polls: number;
}

export interface ClientTasksState {
  tasks: ClientTask[];
}

// Named reducers.
const created = (s: ClientTasksState, task: ClientTask): ClientTasksState => {
  const tasks = [...s.tasks, task];
  for (let i = 0; tasks.length > HISTORY_LIMIT && i < tasks.length;) {
    if (TERMINAL.includes(tasks[i]!.status)) tasks.splice(i, 1);
    else i++;
  }
  return { tasks };
};
const patched = (
  s: ClientTasksState,
  p: { taskId: string; patch: Partial<ClientTask> | ((t: ClientTask) => Partial<ClientTask>) },
): ClientTasksState => ({
  tasks: s.tasks.map((t) =>
    t.taskId === p.taskId ? { ...t, ...(typeof p.patch === "function" ? p.patch(t) : p.patch) } : t,
  ),
});

/** The wire shape of a task (tasks/get, tasks/list, tasks/cancel, CreateTaskResult.task). */
export function wireTask(t: ClientTask): Record<string, unknown> {
  return {
    taskId: t.taskId,
    status: t.status,
    ttl: t.ttl,
    createdAt: t.createdAt,
    lastUpdatedAt: t.lastUpdatedAt,
    pollInterval: POLL_INTERVAL_MS,
    ...(t.statusMessage !== undefined && { statusMessage: t.statusMessage }),
  };
}

/**
 * The receiver side of 2025-11-25 tasks, for requests a server sends to MCP Lens with a `task`
 * param: the request is answered at once with a CreateTaskResult, the person answers its card
 * meanwhile, and the server polls (`tasks/get`), fetches the answer (`tasks/result`, which waits
 * for the end), lists (`tasks/list`) or cancels (`tasks/cancel`) it.
 */
export class ClientTasks {
  readonly store = new Store<ClientTasksState>({ tasks: [] });
  private readonly controllers = new Map<string, AbortController>();
  private readonly ended = new Map<string, Promise<void>>();
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get = (): ClientTasksState => this.store.get();
  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  /** A task-augmented request arrived: start `run` in the background and return the CreateTaskResult. */
  create(
    method: ClientTask["method"],
    requestId: string | number,
    ttl: number | undefined,
    run: (signal: AbortSignal) => Promise<Result>,
  ): Result {
    const at = new Date(this.now()).toISOString();
    const taskId = `lens-task-${++this.seq}-${Math.random().toString(36).slice(2, 10)}`;
    const task: ClientTask = {
      taskId,
      method,
      requestId,
      status: "working",
      statusMessage: "waiting for the person to answer in MCP Lens",
      createdAt: at,
      lastUpdatedAt: at,
      ttl: ttl ?? null,
      polls: 0,
    };
    const controller = new AbortController();
    this.controllers.set(taskId, controller);
    this.store.apply(created, task);
    this.ended.set(taskId, this.execute(taskId, run, controller.signal));
    return { task: wireTask(task) };
  }

  private async execute(
    taskId: string,
    run: (signal: AbortSignal) => Promise<Result>,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      const result = await run(signal);
      if (!signal.aborted) this.finish(taskId, { status: "completed", result, statusMessage: undefined });
    } catch (error) {
      if (signal.aborted) return;
      const code = error instanceof AnswerError || error instanceof ProtocolError ? error.code : -32603;
      const data = error instanceof AnswerError || error instanceof ProtocolError ? error.data : undefined;
      const message = errorMessage(error);
      this.finish(taskId, {
        status: "failed",
        error: { code, message, ...(data !== undefined && { data }) },
        statusMessage: message,
      });
    } finally {
      this.controllers.delete(taskId);
    }
  }

  private finish(taskId: string, patch: Partial<ClientTask>): void {
    this.store.apply(patched, { taskId, patch: { ...patch, lastUpdatedAt: new Date(this.now()).toISOString() } });
  }

  private find(taskId: unknown): ClientTask {
    const task = this.get().tasks.find((t) => t.taskId === taskId);
    if (!task)
      throw new ProtocolError(-32602, `Failed to retrieve task: Task not found (${String(taskId).slice(0, 80)})`);
    return task;
  }

  /** tasks/get */
  status(taskId: unknown): Result {
    const task = this.find(taskId);
    this.store.apply(patched, { taskId: task.taskId, patch: (t) => ({ polls: t.polls + 1 }) });
    return wireTask(task);
  }

  /** tasks/result: waits until the task ends, then gives what the request would have returned (or its error). */
  async result(taskId: unknown): Promise<Result> {
    const first = this.find(taskId);
    await this.ended.get(first.taskId);
    const task = this.find(taskId);
    const related = { [RELATED_TASK_META_KEY]: { taskId: task.taskId } };
    if (task.status === "completed" && task.result)
      return { ...task.result, _meta: { ...(task.result._meta as object | undefined), ...related } };
    if (task.status === "cancelled") throw new ProtocolError(-32603, "The task was cancelled", related);
    throw new ProtocolError(
      task.error?.code ?? -32603,
      task.error?.message ?? "The task failed",
      task.error?.data ?? related,
    );
  }

  /** tasks/list, in pages of 50 (the cursor is the next index). */
  list(cursor: unknown): Result {
    const start = typeof cursor === "string" && /^\d+$/.test(cursor) ? Number(cursor) : 0;
    if (cursor !== undefined && (typeof cursor !== "string" || !/^\d+$/.test(cursor)))
      throw new ProtocolError(-32602, "Invalid cursor");
    const tasks = this.get().tasks;
    const page = tasks.slice(start, start + PAGE_SIZE).map(wireTask);
    return { tasks: page, ...(start + PAGE_SIZE < tasks.length && { nextCursor: String(start + PAGE_SIZE) }) };
  }

  /** tasks/cancel: a task that already ended cannot be cancelled (-32602). */
  cancel(taskId: unknown): Result {
    const task = this.find(taskId);
    if (TERMINAL.includes(task.status)) throw new ProtocolError(-32602, `Cannot cancel task: already ${task.status}`);
    this.finish(task.taskId, { status: "cancelled", statusMessage: "cancelled by the server (tasks/cancel)" });
    this.controllers.get(task.taskId)?.abort(new Error("the task was cancelled by the server"));
    return wireTask(this.find(taskId));
  }

  /** The connection is gone: tasks still running end cancelled (their cards close with them). */
  detach(note: string): void {
    for (const [taskId, controller] of this.controllers) {
      this.finish(taskId, { status: "cancelled", statusMessage: note });
      controller.abort(new Error(note));
    }
  }
}
