import type { ToolOutcome } from "../results";

export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

/** One call of a tool: what was sent, what is happening, what came back. */
export interface CallRecord {
  id: number;
  tool: string;
  args: unknown;
  startedAt: number;
  status: "running" | "done";
  progress?: Progress;
  /** Progress notifications received, in order (the timeout restarts on each). */
  progressCount: number;
  outcome?: ToolOutcome;
}

/** Calls per tool, newest last. */
export interface ToolCallsState {
  byTool: Record<string, CallRecord[]>;
}

export const emptyToolCalls: ToolCallsState = { byTool: {} };

const MAX_PER_TOOL = 50;

function updateCall(s: ToolCallsState, tool: string, id: number, patch: (c: CallRecord) => CallRecord): ToolCallsState {
  const calls = s.byTool[tool];
  if (!calls) return s;
  return { byTool: { ...s.byTool, [tool]: calls.map((c) => (c.id === id ? patch(c) : c)) } };
}

export const callStarted = (s: ToolCallsState, call: CallRecord): ToolCallsState => ({
  byTool: { ...s.byTool, [call.tool]: [...(s.byTool[call.tool] ?? []), call].slice(-MAX_PER_TOOL) },
});

export const callProgressed = (
  s: ToolCallsState,
  p: { tool: string; id: number; progress: Progress },
): ToolCallsState =>
  updateCall(s, p.tool, p.id, (c) => ({ ...c, progress: p.progress, progressCount: c.progressCount + 1 }));

export const callFinished = (
  s: ToolCallsState,
  p: { tool: string; id: number; outcome: ToolOutcome },
): ToolCallsState => updateCall(s, p.tool, p.id, (c) => ({ ...c, status: "done", outcome: p.outcome }));

/** The calls of a recording opened offline replace the history (kept per tool, newest last). */
export const callsRestored = (_s: ToolCallsState, calls: readonly CallRecord[]): ToolCallsState => {
  const byTool: Record<string, CallRecord[]> = {};
  for (const call of calls) (byTool[call.tool] ??= []).push(call);
  for (const tool of Object.keys(byTool)) byTool[tool] = byTool[tool]!.slice(-MAX_PER_TOOL);
  return { byTool };
};
