import { ProtocolError, RELATED_TASK_META_KEY } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import { ClientTasks } from "./clientTasks";
import { AnswerError } from "./requests";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

describe("ClientTasks (the receiver side of 2025-11-25 tasks)", () => {
  it("answers with a task at once, reports it working, and tasks/result waits for the answer", async () => {
    const tasks = new ClientTasks(() => Date.UTC(2026, 0, 1));
    const answer = deferred<Record<string, unknown>>();
    const created = tasks.create("sampling/createMessage", 5, 60_000, () => answer.promise) as {
      task: { taskId: string };
    };
    expect(created.task).toMatchObject({
      status: "working",
      ttl: 60_000,
      createdAt: "2026-01-01T00:00:00.000Z",
      pollInterval: 1000,
    });
    const id = created.task.taskId;
    expect(tasks.status(id)).toMatchObject({ taskId: id, status: "working" });
    const result = tasks.result(id);
    answer.resolve({ model: "m", role: "assistant", content: { type: "text", text: "hi" } });
    expect(await result).toEqual({
      model: "m",
      role: "assistant",
      content: { type: "text", text: "hi" },
      _meta: { [RELATED_TASK_META_KEY]: { taskId: id } },
    });
    expect(tasks.status(id)).toMatchObject({ status: "completed" });
    expect(tasks.get().tasks[0]!.polls).toBe(2);
  });

  it("a refused answer fails the task and tasks/result carries the error", async () => {
    const tasks = new ClientTasks();
    const { task } = tasks.create("elicitation/create", 1, undefined, async () => {
      throw new AnswerError(-1, "User rejected");
    }) as { task: { taskId: string } };
    await expect(tasks.result(task.taskId)).rejects.toMatchObject({
      code: -1,
      message: expect.stringContaining("User rejected"),
    });
    expect(tasks.status(task.taskId)).toMatchObject({ status: "failed", ttl: null });
  });

  it("tasks/cancel aborts the work; a task that ended cannot be cancelled; unknown ids are -32602", async () => {
    const tasks = new ClientTasks();
    let aborted = false;
    const { task } = tasks.create(
      "sampling/createMessage",
      1,
      undefined,
      (signal) =>
        new Promise((_, reject) => signal.addEventListener("abort", () => ((aborted = true), reject(signal.reason)))),
    ) as { task: { taskId: string } };
    expect(tasks.cancel(task.taskId)).toMatchObject({ status: "cancelled" });
    expect(aborted).toBe(true);
    expect(() => tasks.cancel(task.taskId)).toThrow(expect.objectContaining({ code: -32602 }));
    await expect(tasks.result(task.taskId)).rejects.toBeInstanceOf(ProtocolError);
    expect(() => tasks.status("nope")).toThrow(
      expect.objectContaining({ code: -32602, message: expect.stringContaining("Task not found") }),
    );
  });

  it("tasks/list pages by 50 with a cursor, and rejects a bad one", () => {
    const tasks = new ClientTasks();
    for (let i = 0; i < 60; i++) tasks.create("sampling/createMessage", i, undefined, () => new Promise(() => {}));
    const first = tasks.list(undefined) as { tasks: unknown[]; nextCursor?: string };
    expect(first.tasks).toHaveLength(50);
    expect(first.nextCursor).toBe("50");
    expect(tasks.list("50") as { tasks: unknown[]; nextCursor?: string }).toMatchObject({ tasks: expect.any(Array) });
    expect((tasks.list("50") as { tasks: unknown[] }).tasks).toHaveLength(10);
    expect(() => tasks.list("zzz")).toThrow(expect.objectContaining({ code: -32602 }));
  });

  it("a disconnect ends running tasks cancelled", () => {
    const tasks = new ClientTasks();
    const { task } = tasks.create("sampling/createMessage", 1, undefined, () => new Promise(() => {})) as {
      task: { taskId: string };
    };
    tasks.detach("the connection closed");
    expect(tasks.status(task.taskId)).toMatchObject({ status: "cancelled", statusMessage: "the connection closed" });
  });
});
