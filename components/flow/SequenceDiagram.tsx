"use client";
import { useEffect, useId } from "react";
import type { KeyboardEvent, RefObject } from "react";
import { rowSeq, type LaneInfo, type SequenceItem, type SequenceView } from "@/lib/inspect";
import { VirtualList, type VirtualListHandle } from "../common/VirtualList";
import { KIND_STYLE, MARKER_KINDS, ROW_HEIGHTS, TIME_WIDTH, laneLayout, svgId, type LaneLayout } from "./flowStyle";
import { BRACKET_WIDTH, SequenceRow, type PairHighlight } from "./SequenceRow";

export interface SequenceDiagramProps {
  items: readonly SequenceItem[];
  /** The lanes, left to right (the model's: an MCP App view's lane comes with the first view message). */
  lanes: readonly LaneInfo[];
  view: SequenceView;
  /** Row of the current step, -1 for none. */
  currentRow: number;
  rowHeight: number;
  onRowHeight: (height: number) => void;
  following: boolean;
  onFollowingChange: (following: boolean) => void;
  onSelectRow: (row: number, focus: boolean) => void;
  /** A row to move keyboard focus to once it is rendered. */
  focusRequest: { seq: number } | null;
  listRef: RefObject<VirtualListHandle | null>;
}

/** The lanes as columns, one windowed row per message; arrows keyed by kind, brackets pairing requests with responses. */
export function SequenceDiagram({
  items,
  lanes,
  view,
  currentRow,
  rowHeight,
  onRowHeight,
  following,
  onFollowingChange,
  onSelectRow,
  focusRequest,
  listRef,
}: SequenceDiagramProps) {
  const base = svgId(useId());
  const layout = laneLayout(lanes);
  const currentSeq = rowSeq(view, currentRow);
  const current = currentSeq < 0 ? undefined : items[currentSeq];
  const pairedSeq = current?.pairedSeq;
  const highlight: PairHighlight | null =
    current?.bracket && pairedSeq !== undefined
      ? { column: current.bracket.column, from: Math.min(current.seq, pairedSeq), to: Math.max(current.seq, pairedSeq) }
      : null;

  useEffect(() => {
    if (!focusRequest) return;
    listRef.current
      ?.element()
      ?.querySelector<HTMLElement>(`[data-seq="${focusRequest.seq}"]`)
      ?.focus({ preventScroll: true });
  }, [focusRequest, listRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (view.count === 0) return;
    const last = view.count - 1;
    const page = listRef.current?.pageSize() ?? 10;
    const at = Math.max(0, currentRow);
    const next = {
      ArrowDown: Math.min(last, at + 1),
      ArrowUp: Math.max(0, at - 1),
      PageDown: Math.min(last, at + page),
      PageUp: Math.max(0, at - page),
      Home: 0,
      End: last,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onSelectRow(next, true);
  };

  return (
    <section aria-label="Message flow" className="flex min-h-64 min-w-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-800">
        <h2 className="font-medium text-slate-600 dark:text-slate-400 uppercase">Sequence · {view.count} rows</h2>
        <Legend />
        <label className="ml-auto flex items-center gap-1 text-slate-600 dark:text-slate-300">
          Row height
          <select
            value={rowHeight}
            onChange={(e) => onRowHeight(Number(e.target.value))}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
          >
            {ROW_HEIGHTS.map((h) => (
              <option key={h.value} value={h.value}>
                {h.label} ({h.value}px)
              </option>
            ))}
          </select>
        </label>
      </div>
      <LaneHeader layout={layout} />
      <svg width="0" height="0" aria-hidden="true" className="absolute">
        <defs>
          {MARKER_KINDS.map((kind) => (
            <marker
              key={kind}
              id={`${base}-${kind}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              markerUnits="userSpaceOnUse"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className={KIND_STYLE[kind].fill} />
            </marker>
          ))}
          <pattern
            id={`${base}-hatch`}
            width="5"
            height="5"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="5" className="stroke-red-400/70" strokeWidth="2" />
          </pattern>
        </defs>
      </svg>
      <div className="relative min-h-0 flex-1">
        <VirtualList
          ref={listRef}
          role="list"
          aria-label="Sequence diagram"
          activeIndex={currentRow}
          onKeyDown={onKeyDown}
          className="absolute inset-0 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
          count={view.count}
          rowHeight={rowHeight}
          following={following}
          onFollowingChange={onFollowingChange}
          renderRow={(row, style) => {
            const item = items[rowSeq(view, row)];
            if (!item) return null;
            return (
              <SequenceRow
                item={item}
                layout={layout}
                style={style}
                rowHeight={rowHeight}
                position={row}
                setSize={view.count}
                current={row === currentRow}
                paired={pairedSeq === item.seq}
                highlight={highlight}
                svgBase={base}
                onSelect={() => onSelectRow(row, false)}
              />
            );
          }}
        />
        {view.count === 0 && (
          <p className="pointer-events-none absolute inset-x-0 top-6 text-center text-sm text-slate-600 dark:text-slate-400">
            No messages yet.
          </p>
        )}
        {!following && view.count > 0 && (
          <button
            type="button"
            onClick={() => onFollowingChange(true)}
            className="absolute right-4 bottom-3 rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow hover:bg-indigo-700"
          >
            Follow new messages ↓
          </button>
        )}
      </div>
    </section>
  );
}

function LaneHeader({ layout }: { layout: LaneLayout }) {
  // Narrower titles with more lanes: room for a third line.
  const height = layout.lanes.length > 3 ? "h-12" : "h-9";
  return (
    <div
      aria-hidden="true"
      className="flex border-b border-slate-200 text-[11px] font-medium text-slate-600 dark:border-slate-800 dark:text-slate-300"
    >
      <span
        style={{ width: TIME_WIDTH }}
        className="shrink-0 self-end pr-1 pb-1 text-right text-[10px] font-normal text-slate-600 dark:text-slate-400"
      >
        time
      </span>
      <span style={{ width: BRACKET_WIDTH }} className="shrink-0" />
      <div className={`relative min-w-0 flex-1 ${height}`}>
        {layout.lanes.map((lane) => (
          <span
            key={lane.id}
            data-lane={lane.id}
            style={{ left: `${layout.x[lane.id]}%`, width: `${layout.titleWidth}%` }}
            className="absolute top-1 -translate-x-1/2 text-center leading-tight"
          >
            {lane.title}
          </span>
        ))}
      </div>
    </div>
  );
}

const LEGEND: [keyof typeof KIND_STYLE, string][] = [
  ["request", "request"],
  ["response", "result"],
  ["error", "error"],
  ["notification", "notification"],
  ["server-request", "server → client request"],
  ["invalid", "invalid frame"],
  ["http", "HTTP"],
];

function Legend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-2 gap-y-0.5">
      {LEGEND.map(([kind, label]) => (
        <li key={kind} className={`flex items-center gap-1 ${KIND_STYLE[kind].text}`}>
          <svg width="16" height="6" aria-hidden="true">
            <line
              x1="0"
              x2="16"
              y1="3"
              y2="3"
              className={KIND_STYLE[kind].stroke}
              strokeWidth="2"
              strokeDasharray={KIND_STYLE[kind].dash}
            />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
