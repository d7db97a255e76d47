"use client";
import { useMemo } from "react";
import type { TrafficEntry } from "@/lib/traffic";
import type { TrafficLog } from "@/lib/traffic";
import { latencyByMethod, spans, type Span } from "@/lib/traffic";
import { formatMs } from "@/lib/traffic";
import { useTrafficVersion } from "../hooks/useStore";
import { VirtualList } from "../common/VirtualList";

const ROW = 22;
const noop = () => {};

/** A network-panel waterfall of every request, and latency per method (count, median, p95, max). */
export function TimingView({ log, match }: { log: TrafficLog; match?: ((entry: TrafficEntry) => boolean) | null }) {
  const version = useTrafficVersion(log);
  const list = useMemo(
    () => spans(log.entries).filter((s) => !match || match(log.entries[s.seq]!)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the log is appended in place; version marks a change
    [log, version, match],
  );
  const stats = useMemo(() => latencyByMethod(list), [list]);
  const t0 = list[0]?.start ?? 0;
  const tEnd = Math.max(t0 + 1, ...list.slice(-2000).map((s) => s.end ?? s.start));
  const scale = (t: number) => ((t - t0) / (tEnd - t0)) * 100;
  if (!list.length) return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">No requests yet.</p>;
  return (
    <div className="flex h-full min-h-0 text-sm">
      <section aria-label="Waterfall" className="flex min-w-0 flex-1 flex-col">
        <h2 className="px-3 py-1.5 text-xs font-medium uppercase text-slate-600 dark:text-slate-400">
          Waterfall · {list.length} requests · {formatMs(tEnd - t0)}
        </h2>
        <VirtualList
          role="list"
          aria-label="Requests"
          className="min-h-0 flex-1"
          count={list.length}
          rowHeight={ROW}
          following={false}
          onFollowingChange={noop}
          renderRow={(i, style) => {
            const s = list[i]!;
            const left = scale(s.start);
            const width = Math.max(0.3, scale(s.end ?? tEnd) - left);
            const color =
              s.outcome === "error"
                ? "bg-red-500"
                : s.outcome === "pending"
                  ? "bg-amber-400"
                  : s.outcome === "cancelled" || s.outcome === "lost"
                    ? "bg-slate-400"
                    : s.direction === "outgoing"
                      ? "bg-indigo-500"
                      : "bg-emerald-500";
            const name = s.subject === undefined ? s.method : `${s.method} ${s.subject}`;
            const label = `${s.direction === "outgoing" ? "→" : "←"} ${name} #${s.seq} ${spanText(s)}`;
            return (
              <div
                key={s.seq}
                role="listitem"
                aria-label={label}
                style={style}
                className="flex items-center gap-2 px-3"
              >
                <span className="mono w-56 shrink-0 truncate text-xs">
                  {s.direction === "outgoing" ? "→" : "←"} {name}
                </span>
                <span className="relative h-3 flex-1 rounded bg-slate-100 dark:bg-slate-900">
                  <span
                    className={`absolute top-0 h-3 rounded ${color}`}
                    style={{ left: `${left}%`, width: `${width}%` }}
                  />
                </span>
                <span className="mono w-20 shrink-0 text-right text-xs">{spanText(s)}</span>
              </div>
            );
          }}
        />
      </section>
      <section
        aria-label="Latency by method"
        className="w-[28rem] shrink-0 overflow-auto border-l border-slate-200 p-3 dark:border-slate-800"
      >
        <h2 className="mb-1 text-xs font-medium uppercase text-slate-600 dark:text-slate-400">Latency by method</h2>
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="text-slate-600 dark:text-slate-400">
              <th className="py-1">method</th>
              <th>count</th>
              <th>median</th>
              <th>p95</th>
              <th>max</th>
              <th>errors</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((m) => (
              <tr key={m.method} className="mono border-t border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-2">{m.method}</td>
                <td>{m.count}</td>
                <td>{formatMs(m.median)}</td>
                <td>{formatMs(m.p95)}</td>
                <td>{formatMs(m.max)}</td>
                <td>{m.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** The duration, or what became of a request that got no answer. */
function spanText(s: Span): string {
  if (s.outcome === "cancelled") return s.end === undefined ? "cancelled" : `cancelled ${formatMs(s.end - s.start)}`;
  if (s.outcome === "lost") return "connection lost";
  return s.end === undefined ? "pending" : formatMs(s.end - s.start);
}
