import type { CallToolResult, Client } from "@modelcontextprotocol/client";
import { isRecord, Store } from "../base";
import type { Timers } from "./completions";
import { asSent, describeError, type RequestFailure } from "./request";
import {
  emptyTasks,
  readTask,
  taskListChanged,
  taskPatched,
  tasksCleared,
  taskSeen,
  TERMINAL_TASK_STATUSES,
  type TaskRecord,
  type TasksState,
} from "./taskState";

export type TaskStart =
  | { kind: "task"; taskId: string }
  /** The server ran the call at once and answered with a plain result. */
  | { kind: "result"; result: CallToolResult }
  | { kind: "error"; error: RequestFailure };

const DEFAULT_POLL_MS = 1000;
const MIN_POLL_MS = 200;
const MAX_POLL_MS = 10_000;
/** `tasks/result` blocks until the task ends. */
const RESULT_TIMEOUT_MS = 10 * 60_000;
const MAX_LIST_PAGES = 100;

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Tool calls run as tasks (2025-11-25 experimental tasks): `tools/call` with a `task` param
 * answers with a `CreateTaskResult`; the task is then polled with `tasks/get` at the server's
 * suggested interval until it ends, its result fetched with `tasks/result` (also on
 * `input_required`, as the spec asks), and it can be cancelled (`tasks/cancel`) or listed
 * (`tasks/list`). `notifications/tasks/status` updates a task without waiting for the next poll.
 *
 * The 2026 tasks extension (SEP-2663) is not offered: the SDK client (2.4) rejects a
 * `resultType: "task"` answer on 2026-07-28 connections, so such a call cannot complete through it.
 */
export class TaskRunner {
  readonly store = new Store<TasksState>(emptyTasks);
  private client?: Client;
  private readonly timers = new Map<string, unknown>();
  private controller = new AbortController();

  constructor(
    private readonly options: {
      timers?: Timers;
      /** Overrides the server's interval (tests). */ pollIntervalMs?: number;
    } = {},
  ) {}

  connected(client: Client, era: "legacy" | "modern"): void {
    this.stop();
    this.client = era === "legacy" ? client : undefined;
    this.store.apply(tasksCleared, undefined);
  }

  disconnected(): void {
    this.stop();
    this.client = undefined;
  }

  /** Run a tool as a task. `ttl`: how long the server should keep the task and its result (ms). */
  async runTool(tool: string, args: unknown, options: { ttl?: number } = {}): Promise<TaskStart> {
    const client = this.requireClient();
    let answer: unknown;
    try {
      answer = await client.request(
        {
          method: "tools/call",
          params: {
            name: tool,
            arguments: (args ?? {}) as Record<string, unknown>,
            task: options.ttl === undefined ? {} : { ttl: options.ttl },
          },
        },
        asSent<unknown>(),
        { signal: this.controller.signal },
      );
    } catch (error) {
      return { kind: "error", error: describeError(error) };
    }
    const task = isRecord(answer) ? readTask(answer.task) : {};
    if (!task.taskId) return { kind: "result", result: answer as CallToolResult };
    this.store.apply(taskSeen, { task: { ...task, taskId: task.taskId, tool, args } });
    this.afterUpdate(task.taskId);
    return { kind: "task", taskId: task.taskId };
  }

  /** One `tasks/get` now. */
  async refresh(taskId: string): Promise<TaskRecord | undefined> {
    const client = this.requireClient();
    this.store.apply(taskPatched, { taskId, patch: (t) => ({ polls: t.polls + 1 }) });
    try {
      const answer = await client.request({ method: "tasks/get", params: { taskId } }, asSent<unknown>(), {
        signal: this.controller.signal,
      });
      if (client !== this.client) return undefined;
      this.store.apply(taskSeen, { task: { ...readTask(answer), taskId, pollError: undefined } });
    } catch (error) {
      if (client !== this.client) return undefined;
      this.store.apply(taskSeen, { task: { taskId, pollError: describeError(error) } });
    }
    return this.store.get().byId[taskId];
  }

  /** `tasks/result`: blocks until the task ends, then holds the tool's result (or error). */
  async fetchResult(taskId: string): Promise<void> {
    const client = this.requireClient();
    this.store.apply(taskPatched, { taskId, patch: () => ({ result: { status: "waiting" } }) });
    try {
      const value = await client.request({ method: "tasks/result", params: { taskId } }, asSent<CallToolResult>(), {
        signal: this.controller.signal,
        timeout: RESULT_TIMEOUT_MS,
        resetTimeoutOnProgress: true,
      });
      if (client === this.client)
        this.store.apply(taskPatched, { taskId, patch: () => ({ result: { status: "done", value } }) });
    } catch (error) {
      if (client === this.client)
        this.store.apply(taskPatched, {
          taskId,
          patch: () => ({ result: { status: "error", error: describeError(error) } }),
        });
    }
  }

  async cancel(taskId: string): Promise<void> {
    const client = this.requireClient();
    this.store.apply(taskPatched, { taskId, patch: () => ({ cancel: { status: "sending" } }) });
    try {
      const answer = await client.request({ method: "tasks/cancel", params: { taskId } }, asSent<unknown>(), {
        signal: this.controller.signal,
      });
      if (client !== this.client) return;
      this.store.apply(taskSeen, { task: { ...readTask(answer), taskId, cancel: { status: "done" } } });
      this.afterUpdate(taskId);
    } catch (error) {
      if (client === this.client)
        this.store.apply(taskPatched, {
          taskId,
          patch: () => ({ cancel: { status: "error", error: describeError(error) } }),
        });
    }
  }

  /** `tasks/list`, every page; listed tasks join the store (and are polled while they run). */
  async list(): Promise<void> {
    const client = this.requireClient();
    this.store.apply(taskListChanged, { status: "loading" });
    try {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_LIST_PAGES; page++) {
        const answer = await client.request(
          { method: "tasks/list", params: cursor ? { cursor } : {} },
          asSent<unknown>(),
          { signal: this.controller.signal },
        );
        if (client !== this.client) return;
        const tasks = isRecord(answer) && Array.isArray(answer.tasks) ? answer.tasks : [];
        for (const raw of tasks) {
          const task = readTask(raw);
          if (task.taskId) this.store.apply(taskSeen, { task: { ...task, taskId: task.taskId } });
        }
        cursor = isRecord(answer) && typeof answer.nextCursor === "string" ? answer.nextCursor : undefined;
        if (!cursor) break;
      }
      this.store.apply(taskListChanged, { status: "ready" });
    } catch (error) {
      if (client === this.client) this.store.apply(taskListChanged, { status: "error", error: describeError(error) });
    }
  }

  /** From `notifications/tasks/status`. */
  statusNotified(params: unknown): void {
    const task = readTask(params);
    if (!task.taskId || !this.client) return;
    this.store.apply(taskSeen, { task: { ...task, taskId: task.taskId } });
    this.afterUpdate(task.taskId);
  }

  stopPolling(taskId: string): void {
    const timer = this.timers.get(taskId);
    if (timer !== undefined) (this.options.timers ?? realTimers).clearTimeout(timer);
    this.timers.delete(taskId);
    this.store.apply(taskPatched, { taskId, patch: () => ({ polling: false }) });
  }

  private requireClient(): Client {
    if (!this.client)
      throw new Error("Tasks need a live connection in a protocol era that has them (2025-11-25 experimental tasks).");
    return this.client;
  }

  /** After any news of a task: fetch its result when it asks for input or ends, and poll while it runs. */
  private afterUpdate(taskId: string): void {
    const t = this.store.get().byId[taskId];
    if (!t) return;
    const terminal = TERMINAL_TASK_STATUSES.includes(t.status);
    if (
      !t.result &&
      t.tool !== undefined &&
      (t.status === "input_required" || t.status === "completed" || t.status === "failed")
    )
      void this.fetchResult(taskId);
    if (terminal || t.pollError)
      this.stopPolling(taskId); // after a failed poll, the user refreshes by hand
    else if (!this.timers.has(taskId)) this.schedule(taskId);
  }

  private schedule(taskId: string): void {
    const t = this.store.get().byId[taskId];
    if (!t || !this.client) return;
    const interval =
      this.options.pollIntervalMs ?? Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, t.pollInterval ?? DEFAULT_POLL_MS));
    this.store.apply(taskPatched, { taskId, patch: () => ({ polling: true }) });
    const timers = this.options.timers ?? realTimers;
    this.timers.set(
      taskId,
      timers.setTimeout(() => {
        this.timers.delete(taskId);
        void this.refresh(taskId).then((task) => task && this.afterUpdate(taskId));
      }, interval),
    );
  }

  private stop(): void {
    const timers = this.options.timers ?? realTimers;
    for (const timer of this.timers.values()) timers.clearTimeout(timer);
    this.timers.clear();
    this.controller.abort(new Error("disconnected"));
    this.controller = new AbortController();
  }
}
