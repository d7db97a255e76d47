"use client";
import type { CSSProperties, KeyboardEvent } from "react";
import { MAX_BRACKETS, arrowText, describeItem, type SequenceItem } from "@/lib/inspect";
import { formatMs } from "@/lib/traffic";
import { BRACKET_STEP, KIND_STYLE, TIME_WIDTH, formatOffset, type LaneLayout } from "./flowStyle";

/** The request/response pair of the current step, drawn stronger. */
export interface PairHighlight {
  column: number;
  from: number;
  to: number;
}

export interface SequenceRowProps {
  item: SequenceItem;
  /** The lanes drawn and where (the same for every row). */
  layout: LaneLayout;
  style: CSSProperties;
  rowHeight: number;
  position: number;
  setSize: number;
  current: boolean;
  paired: boolean;
  highlight: PairHighlight | null;
  /** Prefix of the arrowhead marker and hatch pattern ids. */
  svgBase: string;
  onSelect: () => void;
}

/** One message of the sequence diagram: its time, the bracket gutter and the arrow between lanes. */
export function SequenceRow({
  item,
  layout,
  style,
  rowHeight,
  position,
  setSize,
  current,
  paired,
  highlight,
  svgBase,
  onSelect,
}: SequenceRowProps) {
  const compact = rowHeight < 28;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    onSelect();
  };
  return (
    <div
      role="listitem"
      data-seq={item.seq}
      aria-label={describeItem(item)}
      aria-current={current ? "step" : undefined}
      aria-posinset={position + 1}
      aria-setsize={setSize}
      tabIndex={current ? 0 : -1}
      style={style}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      className={`flex cursor-pointer outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${
        current
          ? "bg-indigo-100 dark:bg-indigo-950"
          : paired
            ? "bg-indigo-50/70 dark:bg-indigo-950/40"
            : "hover:bg-slate-50 dark:hover:bg-slate-900"
      }`}
    >
      <span
        style={{ width: TIME_WIDTH }}
        className="mono shrink-0 self-center pr-1 text-right text-[10px] text-slate-600 tabular-nums dark:text-slate-400"
      >
        {formatOffset(item.t)}
      </span>
      <Brackets item={item} height={rowHeight} highlight={highlight} />
      <div className="relative min-w-0 flex-1">
        <Arrow item={item} layout={layout} height={rowHeight} current={current} svgBase={svgBase} />
        <ArrowLabel item={item} layout={layout} height={rowHeight} compact={compact} />
      </div>
    </div>
  );
}

export const BRACKET_WIDTH = (MAX_BRACKETS + 1) * BRACKET_STEP;

function Brackets({
  item,
  height,
  highlight,
}: {
  item: SequenceItem;
  height: number;
  highlight: PairHighlight | null;
}) {
  const mid = height / 2;
  const lines = [];
  for (let c = 0; c < MAX_BRACKETS; c++) {
    const x = BRACKET_STEP * (c + 1);
    const hot = highlight !== null && highlight.column === c && item.seq >= highlight.from && item.seq <= highlight.to;
    const cls = hot ? "stroke-indigo-500" : "stroke-slate-300 dark:stroke-slate-600";
    const width = hot ? 2 : 1;
    if (item.through & (1 << c))
      lines.push(<line key={c} x1={x} x2={x} y1={0} y2={height} className={cls} strokeWidth={width} />);
    if (item.bracket?.column === c) {
      const [y1, y2] = item.bracket.end === "start" ? [mid, height] : [0, mid];
      lines.push(
        <g key={`b${c}`} className={cls} strokeWidth={width}>
          <line x1={x} x2={x} y1={y1} y2={y2} />
          <line x1={x} x2={BRACKET_WIDTH} y1={mid} y2={mid} />
        </g>,
      );
    }
  }
  return (
    <svg width={BRACKET_WIDTH} height={height} aria-hidden="true" className="shrink-0">
      {lines}
    </svg>
  );
}

function arrowY(height: number): number {
  return height < 28 ? height / 2 : height - 8;
}

function Arrow({
  item,
  layout,
  height,
  current,
  svgBase,
}: {
  item: SequenceItem;
  layout: LaneLayout;
  height: number;
  current: boolean;
  svgBase: string;
}) {
  const style = KIND_STYLE[item.kind];
  const y = arrowY(height);
  const x1 = layout.x[item.from];
  const x2 = layout.x[item.to];
  return (
    <svg className="absolute inset-0 h-full w-full" aria-hidden="true">
      {layout.lanes.map((lane) => (
        <line
          key={lane.id}
          x1={`${layout.x[lane.id]}%`}
          x2={`${layout.x[lane.id]}%`}
          y1={0}
          y2={height}
          className="stroke-slate-200 dark:stroke-slate-800"
          strokeWidth={1}
        />
      ))}
      {item.kind === "invalid" && (
        <rect
          x={`${Math.min(x1, x2)}%`}
          width={`${Math.abs(x2 - x1)}%`}
          y={y - 4}
          height={8}
          fill={`url(#${svgBase}-hatch)`}
        />
      )}
      {x1 !== x2 && (
        <line
          x1={`${x1}%`}
          x2={`${x2}%`}
          y1={y}
          y2={y}
          className={style.stroke}
          strokeWidth={current ? 2.5 : 1.5}
          strokeDasharray={style.dash}
          markerEnd={`url(#${svgBase}-${item.kind})`}
        />
      )}
    </svg>
  );
}

function ArrowLabel({
  item,
  layout,
  height,
  compact,
}: {
  item: SequenceItem;
  layout: LaneLayout;
  height: number;
  compact: boolean;
}) {
  const x1 = layout.x[item.from];
  const x2 = layout.x[item.to];
  // A note sits on its lane; an arrow's label spans the arrow.
  const [lo, hi] = x1 === x2 ? [Math.max(0, x1 - 14), Math.min(100, x1 + 14)] : [Math.min(x1, x2), Math.max(x1, x2)];
  const latency = item.kind === "response" || item.kind === "error" ? item.latencyMs : undefined;
  const text = arrowText(item);
  const note = x1 === x2;
  return (
    <span
      className={`pointer-events-none absolute flex justify-center px-2 ${compact || note ? "items-center" : "items-end"}`}
      style={{ left: `${lo}%`, right: `${100 - hi}%`, top: 0, height: compact || note ? height : arrowY(height) - 1 }}
      title={item.via ? `${text} (${item.via})` : text}
    >
      <span
        className={`mono max-w-full truncate rounded px-1 text-[11px] leading-4 ${KIND_STYLE[item.kind].text} ${
          compact || note ? "bg-white/90 dark:bg-slate-950/90" : ""
        } ${note ? "border border-slate-300 dark:border-slate-700" : ""}`}
      >
        {text}
        {latency !== undefined && <span className="text-slate-600 dark:text-slate-400"> · {formatMs(latency)}</span>}
        {!compact && item.via && <span className="text-slate-600 dark:text-slate-400"> · {item.via}</span>}
      </span>
    </span>
  );
}
