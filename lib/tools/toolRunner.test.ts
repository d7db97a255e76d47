import type { Client } from "@modelcontextprotocol/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openItems, ServerRequests } from "../client";
import { ToolRunner, type UserWait } from "./toolRunner";

/** A client whose one tools/call stays open until the test settles it; progress is sent by hand. */
function fakeClient() {
  const calls: {
    options: { signal?: AbortSignal; timeout?: number; onprogress?: (p: { progress: number }) => void };
    resolve(v: unknown): void;
    reject(e: unknown): void;
  }[] = [];
  const client = {
    request: (_req: unknown, _schema: unknown, options: (typeof calls)[number]["options"]) =>
      new Promise((resolve, reject) => {
        options.signal?.addEventListener("abort", () => reject(options.signal?.reason), { once: true });
        calls.push({ options, resolve, reject });
      }),
  } as unknown as Client;
  return { client, calls };
}

/** `session.clientFeatures.requests` as the tool panel hands it to the runner. */
const waitOn = (requests: ServerRequests): UserWait => ({
  waiting: () => openItems(requests.get()).length > 0,
  subscribe: requests.subscribe,
});

const sampling = { method: "sampling/createMessage" as const, params: { messages: [], maxTokens: 1 } };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("ToolRunner timeout", () => {
  it("fires after the timeout with no result and no progress", async () => {
    const { client } = fakeClient();
    const runner = new ToolRunner();
    const call = runner.call(client, "t", {}, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(runner.store.get().byTool.t?.[0]?.status).toBe("running");
    await vi.advanceTimersByTimeAsync(1);
    expect(await call).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("Timed out: no result and no progress for 1000 ms."),
    });
  });

  it("restarts on each progress notification", async () => {
    const { client, calls } = fakeClient();
    const runner = new ToolRunner();
    const call = runner.call(client, "t", {}, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.options.onprogress?.({ progress: 1 });
    await vi.advanceTimersByTimeAsync(800);
    calls[0]!.resolve({ content: [] });
    expect(await call).toMatchObject({ kind: "result" });
  });

  it("leaves the SDK's own timer out of the way", async () => {
    const { client, calls } = fakeClient();
    void new ToolRunner().call(client, "t", {}, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0]!.options.timeout).toBeGreaterThan(24 * 3600_000);
  });

  it("does not fire while the server waits on the user, and restarts in full once answered", async () => {
    const { client, calls } = fakeClient();
    const requests = new ServerRequests();
    const runner = new ToolRunner();
    const call = runner.call(client, "t", {}, { timeoutMs: 1000, userWait: waitOn(requests) });
    await vi.advanceTimersByTimeAsync(900);
    // The server asks the user something; the user takes a minute to answer.
    const answer = requests.wait(sampling, { via: "request", requestId: 1 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runner.store.get().byTool.t?.[0]?.status).toBe("running");
    const id = openItems(requests.get())[0]!.id;
    requests.answer(id, { role: "assistant", model: "m", content: { type: "text", text: "x" } });
    await answer;
    await vi.advanceTimersByTimeAsync(999);
    expect(runner.store.get().byTool.t?.[0]?.status).toBe("running");
    calls[0]!.resolve({ content: [] });
    expect(await call).toMatchObject({ kind: "result" });
  });

  it("stays paused while any of several requests is open, then times out if the server still says nothing", async () => {
    const { client } = fakeClient();
    const requests = new ServerRequests();
    const runner = new ToolRunner();
    const first = requests.wait(sampling, { via: "request", requestId: 1 }).catch(() => undefined);
    const second = requests.wait(sampling, { via: "request", requestId: 2 }).catch(() => undefined);
    const call = runner.call(client, "t", {}, { timeoutMs: 1000, userWait: waitOn(requests) });
    await vi.advanceTimersByTimeAsync(5000);
    const [a, b] = openItems(requests.get());
    requests.reject(a!.id, -1, "no");
    await vi.advanceTimersByTimeAsync(5000);
    expect(runner.store.get().byTool.t?.[0]?.status).toBe("running");
    requests.cancel(b!.id, "cancelled by the server");
    await Promise.all([first, second]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await call).toMatchObject({ kind: "failed", message: expect.stringContaining("Timed out") });
  });

  it("stops listening to the requests once the call ends", async () => {
    const { client, calls } = fakeClient();
    const requests = new ServerRequests();
    const subscribe = vi.fn(requests.subscribe);
    const unsubscribed = vi.fn();
    const call = new ToolRunner().call(
      client,
      "t",
      {},
      {
        timeoutMs: 1000,
        userWait: {
          waiting: () => false,
          subscribe: (l) => {
            const off = subscribe(l);
            return () => {
              unsubscribed();
              off();
            };
          },
        },
      },
    );
    await vi.advanceTimersByTimeAsync(0);
    calls[0]!.resolve({ content: [] });
    await call;
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(unsubscribed).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a user cancel reads as cancelled by the person, not as a failure of the server", async () => {
    const { client } = fakeClient();
    const runner = new ToolRunner();
    const call = runner.call(client, "t", {}, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(10);
    runner.cancel(runner.store.get().byTool.t![0]!.id);
    expect(await call).toMatchObject({
      kind: "cancelled",
      message: expect.stringContaining("notifications/cancelled was sent"),
    });
  });

  it("a disconnect while a call runs is not reported as the person's cancel", async () => {
    const { client } = fakeClient();
    const runner = new ToolRunner();
    const call = runner.call(client, "t", {}, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(10);
    runner.cancelAll();
    expect(await call).toMatchObject({
      kind: "failed",
      message: expect.stringMatching(/^Stopped: the connection was closed/),
    });
  });
});
