import type { Lane, LaneInfo, SequenceKind } from "@/lib/inspect";

/** Where the lanes sit: each lifeline's x and the width of a lane's title, in % of the diagram's width. */
export interface LaneLayout {
  lanes: readonly LaneInfo[];
  x: Readonly<Record<Lane, number>>;
  titleWidth: number;
}

const layouts = new WeakMap<readonly LaneInfo[], LaneLayout>();

/** Lanes spread evenly, the outer ones inset (three lanes: 14, 50, 86). Cached per lanes list. */
export function laneLayout(lanes: readonly LaneInfo[]): LaneLayout {
  let layout = layouts.get(lanes);
  if (layout) return layout;
  const n = Math.max(1, lanes.length);
  const inset = n === 1 ? 50 : 42 / n;
  const step = n === 1 ? 0 : (100 - 2 * inset) / (n - 1);
  const x = { view: 50, client: 50, bridge: 50, server: 50 };
  lanes.forEach((lane, i) => (x[lane.id] = Math.round((inset + i * step) * 10) / 10));
  layout = { lanes, x, titleWidth: n === 1 ? 60 : Math.round(step * 0.72) };
  layouts.set(lanes, layout);
  return layout;
}

export const ROW_HEIGHTS = [
  { value: 18, label: "Compact" },
  { value: 28, label: "Normal" },
  { value: 40, label: "Large" },
] as const;
export const DEFAULT_ROW_HEIGHT = 28;

/** Width of the time gutter and of the bracket gutter (px). */
export const TIME_WIDTH = 64;
export const BRACKET_STEP = 4;

interface KindStyle {
  /** Classes for the SVG line and the matching arrowhead. */
  stroke: string;
  fill: string;
  dash?: string;
  text: string;
}

export const KIND_STYLE: Record<SequenceKind, KindStyle> = {
  request: { stroke: "stroke-indigo-500", fill: "fill-indigo-500", text: "text-indigo-700 dark:text-indigo-300" },
  response: { stroke: "stroke-emerald-500", fill: "fill-emerald-500", text: "text-emerald-700 dark:text-emerald-300" },
  error: { stroke: "stroke-red-500", fill: "fill-red-500", text: "text-red-700 dark:text-red-300" },
  notification: {
    stroke: "stroke-slate-400",
    fill: "fill-slate-400",
    dash: "5 3",
    text: "text-slate-600 dark:text-slate-300",
  },
  "server-request": { stroke: "stroke-amber-500", fill: "fill-amber-500", text: "text-amber-700 dark:text-amber-300" },
  invalid: { stroke: "stroke-red-500", fill: "fill-red-500", dash: "2 2", text: "text-red-700 dark:text-red-300" },
  http: { stroke: "stroke-sky-500", fill: "fill-sky-500", text: "text-sky-700 dark:text-sky-300" },
  stderr: {
    stroke: "stroke-slate-500",
    fill: "fill-slate-500",
    dash: "1 3",
    text: "text-slate-500 dark:text-slate-400",
  },
  event: { stroke: "stroke-slate-400", fill: "fill-slate-400", text: "text-slate-600 dark:text-slate-300" },
  expected: { stroke: "stroke-slate-400", fill: "fill-slate-400", text: "text-slate-600 dark:text-slate-300" },
};

/** Kinds that get an arrowhead marker (events are notes on a lane). */
export const MARKER_KINDS = Object.keys(KIND_STYLE).filter((k) => k !== "event") as SequenceKind[];

/** Relative time for the gutter: ms under 10 s, then seconds, then minutes. */
export function formatOffset(ms: number): string {
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  if (ms < 600_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")} m`;
}

/** SVG ids may not contain the characters React's useId puts in its ids. */
export function svgId(reactId: string): string {
  return `flow${reactId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
}
