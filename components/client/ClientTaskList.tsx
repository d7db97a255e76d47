"use client";
import type { ClientTasks } from "@/lib/client";
import { useStore } from "../hooks/useStore";

/** Tasks the server created on MCP Lens (2025-11-25): its sampling and elicitation requests run as tasks, and how it polled them. */
export function ClientTaskList({ tasks }: { tasks: ClientTasks }) {
  const { tasks: list } = useStore(tasks.store);
  if (!list.length) return null;
  return (
    <section
      aria-label="Tasks the server created on MCP Lens"
      className="rounded border border-slate-200 bg-white p-2 text-xs dark:border-slate-800 dark:bg-slate-950"
    >
      <h3 className="mb-1 font-medium uppercase text-slate-600 dark:text-slate-400">
        Tasks the server created on MCP Lens
      </h3>
      <table className="w-full text-left">
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th className="font-normal">task</th>
            <th className="font-normal">request</th>
            <th className="font-normal">status</th>
            <th className="font-normal">polled (tasks/get)</th>
          </tr>
        </thead>
        <tbody>
          {list.map((t) => (
            <tr key={t.taskId} aria-label={`task ${t.taskId} ${t.status}`}>
              <td className="mono pr-2">{t.taskId}</td>
              <td className="mono pr-2">{t.method}</td>
              <td className="pr-2" title={t.statusMessage}>
                {t.status}
              </td>
              <td>{t.polls}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
