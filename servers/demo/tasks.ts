/**
 * 2025-11-25 experimental tasks for the demo server: `slow_report` (`execution.taskSupport:
 * "optional"`) runs for a few seconds with status messages. Called with a `task` param on a
 * 2025-era connection it answers at once with a `CreateTaskResult`; the client then polls
 * `tasks/get`, fetches the tool's result with `tasks/result` (which waits for the end), and may
 * `tasks/cancel` it or `tasks/list` all tasks. Called plainly (or on 2026-07-28, where tasks
 * left the core protocol) it simply runs and returns its result.
 *
 * The SDK v2 (2.4) keeps the task wire schemas but has no task runtime: its typed handler
 * surface leaves out `tasks/*`, and the `tools/call` wrapper it puts around every handler
 * refuses a result carrying `task` without `content`. So the task methods are registered with
 * explicit param schemas, and task-augmented calls of `slow_report` are answered by a
 * `tools/call` handler placed in front of McpServer's own (every other call goes through it
 * unchanged). That one step uses the Protocol's handler map, which is not public API; it fails
 * loudly at startup if the SDK changes shape.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  ProtocolError,
  ProtocolErrorCode,
  RELATED_TASK_META_KEY,
  type CallToolResult,
  type McpServer,
  type Task,
} from "@modelcontextprotocol/server";
import * as z from "zod";

const STEP_MS = 1000;
const POLL_INTERVAL_MS = 500;
const DEFAULT_TTL_MS = 5 * 60_000;
const MAX_TTL_MS = 30 * 60_000;
const MIN_TTL_MS = 10_000;
const MAX_TASKS = 100;

const STAGES = ["Gathering sources...", "Reading the sources...", "Comparing the findings...", "Writing the report..."];

const slowReportInput = z.object({
  topic: z.string().min(1).max(200).default("MCP").describe("What the report is about"),
  steps: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(4)
    .describe("Seconds the report takes (one status message per second)"),
});
type SlowReportInput = z.infer<typeof slowReportInput>;

function reportResult({ topic, steps }: SlowReportInput): CallToolResult {
  return { content: [{ type: "text", text: `Report on ${topic}: ${steps} stages done, all sources agree.` }] };
}

function stageMessage(step: number, steps: number): string {
  return `${STAGES[Math.min(STAGES.length - 1, Math.floor((step * STAGES.length) / steps))]} (${step + 1}/${steps})`;
}

interface DemoTask {
  task: Task;
  result?: CallToolResult;
  error?: string;
  abort: AbortController;
  /** `tasks/result` requests waiting for the end. */
  waiters: Set<() => void>;
}

type RawHandler = (request: { method: string; params?: Record<string, unknown> }, ctx: unknown) => Promise<unknown>;

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

export function registerDemoTasks(server: McpServer): void {
  const tasks = new Map<string, DemoTask>();

  const registered = server.registerTool(
    "slow_report",
    {
      title: "Slow report",
      description:
        "Takes a few seconds (one status message per second). Can run as a 2025-11-25 task: poll it, fetch its result, or cancel it.",
      inputSchema: slowReportInput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args, ctx) => {
      for (let step = 0; step < args.steps; step++) await sleep(STEP_MS, undefined, { signal: ctx.mcpReq.signal });
      return reportResult(args);
    },
  );
  registered.execution = { taskSupport: "optional" };

  server.server.registerCapabilities({ tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } } as never);

  const find = (taskId: string): DemoTask => {
    const found = tasks.get(taskId);
    if (!found) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown task: ${taskId}`);
    return found;
  };
  const touch = (t: DemoTask, status: Task["status"], statusMessage: string): void => {
    t.task = { ...t.task, status, statusMessage, lastUpdatedAt: new Date().toISOString() };
    if (TERMINAL.has(status)) {
      for (const wake of t.waiters) wake();
      t.waiters.clear();
    }
  };

  async function run(t: DemoTask, args: SlowReportInput): Promise<void> {
    try {
      for (let step = 0; step < args.steps; step++) {
        touch(t, "working", stageMessage(step, args.steps));
        await sleep(STEP_MS, undefined, { signal: t.abort.signal });
      }
      t.result = reportResult(args);
      touch(t, "completed", "Report ready.");
    } catch (error) {
      if (t.abort.signal.aborted) return; // cancelled: tasks/cancel set the status
      t.error = error instanceof Error ? error.message : String(error);
      touch(t, "failed", t.error);
    }
  }

  function createTask(params: Record<string, unknown>): { task: Task } {
    const parsed = slowReportInput.safeParse(params.arguments ?? {});
    if (!parsed.success)
      throw new ProtocolError(
        ProtocolErrorCode.InvalidParams,
        `Input validation error: Invalid arguments for tool slow_report: ${parsed.error.message}`,
      );
    const requested = (params.task as { ttl?: unknown } | undefined)?.ttl;
    const ttl = Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, typeof requested === "number" ? requested : DEFAULT_TTL_MS));
    if (tasks.size >= MAX_TASKS) tasks.delete(tasks.keys().next().value as string); // the oldest goes
    const now = new Date().toISOString();
    const t: DemoTask = {
      task: {
        taskId: crypto.randomUUID(),
        status: "working",
        statusMessage: "Starting...",
        createdAt: now,
        lastUpdatedAt: now,
        ttl,
        pollInterval: POLL_INTERVAL_MS,
      },
      abort: new AbortController(),
      waiters: new Set(),
    };
    tasks.set(t.task.taskId, t);
    setTimeout(() => {
      t.abort.abort();
      tasks.delete(t.task.taskId);
    }, ttl).unref();
    void run(t, parsed.data);
    return { task: t.task };
  }

  // Task-augmented tools/call of slow_report on a 2025-era connection answers with a CreateTaskResult.
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  const toolsCall = handlers instanceof Map ? (handlers.get("tools/call") as RawHandler | undefined) : undefined;
  if (!(handlers instanceof Map) || !toolsCall)
    throw new Error("mcp-lens-demo: the SDK's request handler map changed; cannot offer tasks");
  handlers.set("tools/call", (async (request, ctx) => {
    const params = request.params ?? {};
    const legacy = !(server.server.getNegotiatedProtocolVersion()?.startsWith("2026") ?? false);
    if (legacy && params.name === "slow_report" && registered.enabled && params.task !== undefined)
      return createTask(params);
    return toolsCall(request, ctx);
  }) satisfies RawHandler);

  const taskIdParams = z.object({ taskId: z.string() });
  server.server.setRequestHandler("tasks/get", { params: taskIdParams }, ({ taskId }) => ({ ...find(taskId).task }));
  server.server.setRequestHandler("tasks/list", { params: z.object({ cursor: z.string().optional() }) }, () => ({
    tasks: [...tasks.values()].map((t) => t.task),
  }));
  server.server.setRequestHandler("tasks/cancel", { params: taskIdParams }, ({ taskId }) => {
    const t = find(taskId);
    if (TERMINAL.has(t.task.status))
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Cannot cancel a task that is ${t.task.status}`);
    t.abort.abort();
    touch(t, "cancelled", "Cancelled by the client.");
    return { ...t.task };
  });
  server.server.setRequestHandler("tasks/result", { params: taskIdParams }, async ({ taskId }, ctx) => {
    const t = find(taskId);
    if (!TERMINAL.has(t.task.status)) {
      const signal = (ctx as { mcpReq: { signal: AbortSignal } }).mcpReq.signal;
      await new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          signal.removeEventListener("abort", aborted);
          resolve();
        };
        const aborted = (): void => {
          t.waiters.delete(wake);
          reject(new Error("tasks/result cancelled"));
        };
        t.waiters.add(wake);
        signal.addEventListener("abort", aborted, { once: true });
      });
    }
    const meta = { [RELATED_TASK_META_KEY]: { taskId } };
    if (t.result) return { ...t.result, _meta: { ...t.result._meta, ...meta } };
    if (t.task.status === "failed")
      return { content: [{ type: "text", text: t.error ?? "The report failed." }], isError: true, _meta: meta };
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Task ${taskId} was cancelled: it has no result`);
  });
}
