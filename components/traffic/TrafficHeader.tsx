"use client";
import type { TrafficCounts } from "@/lib/traffic";

export interface TrafficHeaderProps {
  counts: TrafficCounts;
  /** How many entries the filter lets through, when a filter is active. */
  shown?: number;
  query: string;
  onQuery: (query: string) => void;
}

export function TrafficHeader({
  counts,
  shown,
  query,
  onQuery,
  queryErrors = [],
}: TrafficHeaderProps & { queryErrors?: string[] }) {
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-800">
      <h2 className="text-sm font-semibold">Traffic</h2>
      <span className="text-slate-600 tabular-nums dark:text-slate-300" data-testid="traffic-messages">
        {counts.messages.toLocaleString("en-US")} {counts.messages === 1 ? "message" : "messages"}
      </span>
      <span
        data-testid="traffic-errors"
        className={`tabular-nums ${counts.errors > 0 ? "font-medium text-red-600 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
      >
        {counts.errors.toLocaleString("en-US")} {counts.errors === 1 ? "error" : "errors"}
      </span>
      {counts.total > counts.messages && (
        <span className="text-slate-600 tabular-nums dark:text-slate-400">
          {counts.total.toLocaleString("en-US")} entries in all
        </span>
      )}
      {shown !== undefined && (
        <span className="text-indigo-700 tabular-nums dark:text-indigo-300">{shown.toLocaleString("en-US")} shown</span>
      )}
      <input
        type="search"
        aria-label="Filter traffic"
        placeholder="method:tools/* is:error duration:>100ms text"
        title="Terms are AND-ed; -term negates. Keys: method, dir, kind, is (error|invalid|pending|truncated), duration, id, size, status, text"
        aria-invalid={queryErrors.length > 0}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        className="ml-auto w-56 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-900 placeholder:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
      {queryErrors.length > 0 && (
        <span role="alert" className="w-full text-right text-amber-700 dark:text-amber-400">
          {queryErrors.join("; ")}
        </span>
      )}
    </header>
  );
}
