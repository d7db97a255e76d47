"use client";
import type { Tool } from "@modelcontextprotocol/client";
import { TERMINAL_TASK_STATUSES, type RequestFailure, type TaskRecord, type TaskRunner } from "@/lib/features";
import { useStore } from "../hooks/useStore";
import { ToolResultView } from "../results/ToolResultView";

const small =
  "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";

const failureText = (f: RequestFailure): string => `${f.code !== undefined ? `error ${f.code}: ` : ""}${f.message}`;

/** Tasks the server runs (2025-11-25): status, polling, result, cancel; tasks/list for the rest. */
export function TaskList({ tasks, tool }: { tasks: TaskRunner; tool: Tool }) {
  const state = useStore(tasks.store);
  const records = state.order.map((id) => state.byId[id]!).filter((t) => t.tool === undefined || t.tool === tool.name);
  return (
    <section aria-label="Tasks" className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex items-center gap-2">
        <h3 className="font-medium">Tasks</h3>
        <button
          type="button"
          className={small}
          onClick={() => void tasks.list()}
          disabled={state.list?.status === "loading"}
        >
          List tasks (tasks/list)
        </button>
        {state.list?.status === "error" && state.list.error && (
          <span role="alert" className="text-xs text-red-700 dark:text-red-400">
            tasks/list failed: {failureText(state.list.error)}
          </span>
        )}
      </div>
      {records.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">No tasks yet: call with “Run as task”.</p>
      ) : (
        <ul className="space-y-2">
          {records.map((t) => (
            <TaskItem key={t.taskId} task={t} tasks={tasks} tool={tool} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TaskItem({ task: t, tasks, tool }: { task: TaskRecord; tasks: TaskRunner; tool: Tool }) {
  const terminal = TERMINAL_TASK_STATUSES.includes(t.status);
  return (
    <li aria-label={`Task ${t.taskId}`} className="space-y-1 rounded bg-slate-50 p-2 text-xs dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <span className="mono">{t.taskId}</span>
        {t.tool === undefined && <span className="text-slate-600 dark:text-slate-400">(listed)</span>}
        <span
          data-testid="task-status"
          className={`rounded px-1.5 font-medium ${t.status === "completed" ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" : t.status === "failed" || t.status === "cancelled" ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" : "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300"}`}
        >
          {t.status}
        </span>
        {t.statusMessage && <span data-testid="task-status-message">{t.statusMessage}</span>}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-slate-600 dark:text-slate-400">
        <span data-testid="task-polls">{t.polls} poll(s) (tasks/get)</span>
        <span>{t.polling ? `polling every ${t.pollInterval ?? 1000} ms` : "not polling"}</span>
        {t.ttl !== undefined && <span>ttl {t.ttl === null ? "unlimited" : `${t.ttl} ms`}</span>}
        {t.lastUpdatedAt && <span>updated {t.lastUpdatedAt}</span>}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={small} onClick={() => void tasks.refresh(t.taskId)}>
          Poll now
        </button>
        {t.polling && (
          <button type="button" className={small} onClick={() => tasks.stopPolling(t.taskId)}>
            Stop polling
          </button>
        )}
        <button
          type="button"
          className={small}
          onClick={() => void tasks.fetchResult(t.taskId)}
          disabled={t.result?.status === "waiting"}
        >
          Get result (tasks/result)
        </button>
        <button
          type="button"
          className={small}
          onClick={() => void tasks.cancel(t.taskId)}
          disabled={terminal || t.cancel?.status === "sending"}
        >
          Cancel task
        </button>
      </div>
      {t.pollError && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          tasks/get failed: {failureText(t.pollError)}
        </p>
      )}
      {t.cancel?.status === "error" && t.cancel.error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          tasks/cancel failed: {failureText(t.cancel.error)}
        </p>
      )}
      {t.cancel?.status === "done" && <p>tasks/cancel answered.</p>}
      {t.result?.status === "waiting" && <p role="status">Waiting for tasks/result (it answers when the task ends)…</p>}
      {t.result?.status === "error" && t.result.error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          tasks/result failed: {failureText(t.result.error)}
        </p>
      )}
      {t.result?.status === "done" && t.result.value && (
        <div aria-label={`Task ${t.taskId} result`} role="group">
          <ToolResultView outcome={{ kind: "result", result: t.result.value, elapsedMs: 0 }} tool={tool} />
        </div>
      )}
    </li>
  );
}
