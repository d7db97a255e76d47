import { Client, type ClientContext, type JSONRPCRequest, type Result } from "@modelcontextprotocol/client";

/** Runs a task-augmented server request: returns the CreateTaskResult now, `run` completes the task later. */
export type TaskRequestHandler = (
  request: JSONRPCRequest,
  ctx: ClientContext,
  run: (signal: AbortSignal) => Promise<Result>,
) => Result;

const TASK_METHODS = new Set(["sampling/createMessage", "elicitation/create"]);

/**
 * The SDK client, able to take server requests as 2025-11-25 tasks. The SDK (2.4) checks every
 * sampling and elicitation answer against the plain result schema, so a CreateTaskResult would be
 * refused: when a request carries `params.task` and `taskRequests` is set, the request is answered
 * with the task instead, and the SDK's own (validating) handler runs inside the task, detached from
 * the request, under the task's abort signal.
 */
export class TaskAwareClient extends Client {
  taskRequests?: TaskRequestHandler;

  protected override _wrapHandler(
    method: string,
    handler: (request: JSONRPCRequest, ctx: ClientContext) => Promise<Result>,
  ): (request: JSONRPCRequest, ctx: ClientContext) => Promise<Result> {
    const wrapped = super._wrapHandler(method, handler);
    if (!TASK_METHODS.has(method)) return wrapped;
    return async (request, ctx) => {
      const task = (request.params as { task?: unknown } | undefined)?.task;
      const taskRequests = this.taskRequests;
      if (!taskRequests || typeof task !== "object" || task === null) return wrapped(request, ctx);
      return taskRequests(request, ctx, (signal) => wrapped(request, { ...ctx, mcpReq: { ...ctx.mcpReq, signal } }));
    };
  }
}
