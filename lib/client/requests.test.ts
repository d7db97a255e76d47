import { describe, expect, it } from "vitest";
import { AnswerError, openItems, ServerRequests, type ServerRequest } from "./requests";

const sampling: ServerRequest = { method: "sampling/createMessage", params: { messages: [], maxTokens: 1 } };
const url = (elicitationId?: string): ServerRequest => ({
  method: "elicitation/create",
  params: { mode: "url", message: "go", url: "https://x.test", elicitationId } as never,
});

describe("ServerRequests", () => {
  it("keeps each request open until answered, independently, and records what was sent", async () => {
    let t = 0;
    const r = new ServerRequests(() => ++t);
    const first = r.wait(sampling, { via: "request", requestId: 1 });
    const second = r.wait(url("e"), { via: "request", requestId: 2 });
    const [a, b] = openItems(r.get());
    expect(a).toMatchObject({ id: "sr1", requestId: 1, receivedAt: 1, status: "pending" });
    r.reject(b!.id, -1, "no");
    await expect(second).rejects.toEqual(new AnswerError(-1, "no"));
    expect(openItems(r.get()).map((i) => i.id)).toEqual(["sr1"]);
    r.answer(a!.id, { model: "m" });
    await expect(first).resolves.toEqual({ model: "m" });
    expect(r.find("sr1")).toMatchObject({
      status: "answered",
      answer: { kind: "result", result: { model: "m" } },
      answeredAt: 4,
    });
    expect(r.find("sr2")?.answer).toEqual({ kind: "error", code: -1, message: "no" });
    r.answer("sr1", { model: "again" });
    expect(r.find("sr1")?.answer).toEqual({ kind: "result", result: { model: "m" } });
  });

  it("cancels on abort without an answer, and a pre-aborted signal adds nothing", async () => {
    const r = new ServerRequests();
    const controller = new AbortController();
    const waiting = r.wait(sampling, { via: "request", requestId: 7, signal: controller.signal });
    controller.abort("server cancelled");
    await expect(waiting).rejects.toBe("server cancelled");
    expect(r.find("sr1")).toMatchObject({ status: "cancelled", note: "cancelled by the server" });
    expect(r.find("sr1")?.answer).toBeUndefined();
    await expect(r.wait(sampling, { via: "input-required", requestId: "k", signal: controller.signal })).rejects.toBe(
      "server cancelled",
    );
    expect(r.get().items).toHaveLength(1);
  });

  it("waits for completion after accepting a 2025 URL elicitation, not after decline or in 2026-07-28", () => {
    const r = new ServerRequests();
    void r.wait(url("e1"), { via: "request", requestId: 1 });
    void r.wait(url("e2"), { via: "request", requestId: 2 });
    void r.wait(url(), { via: "input-required", requestId: "k" });
    r.answer("sr1", { action: "accept" });
    r.answer("sr2", { action: "decline" });
    r.answer("sr3", { action: "accept" });
    expect(r.get().items.map((i) => i.status)).toEqual(["awaiting-completion", "answered", "answered"]);
    r.complete("other");
    expect(r.find("sr1")?.status).toBe("awaiting-completion");
    r.complete("e1");
    expect(r.find("sr1")).toMatchObject({ status: "answered", completedAt: expect.any(Number) });
  });

  it("ends everything on disconnect and clears finished items", async () => {
    const r = new ServerRequests();
    const open = r.wait(sampling, { via: "request", requestId: 1 });
    void r.wait(url("e"), { via: "request", requestId: 2 });
    r.answer("sr2", { action: "accept" });
    r.cancelAll("disconnected");
    await expect(open).rejects.toThrow("disconnected");
    expect(r.get().items.map((i) => [i.status, i.note])).toEqual([
      ["cancelled", "disconnected"],
      ["answered", "disconnected"],
    ]);
    r.clear();
    expect(r.get().items).toEqual([]);
  });

  it("keeps at most 200 items, dropping the oldest finished ones, never open ones", () => {
    const r = new ServerRequests();
    void r.wait(sampling, { via: "request", requestId: 0 });
    for (let i = 1; i <= 250; i++) {
      void r.wait(sampling, { via: "request", requestId: i });
      r.answer(`sr${i + 1}`, {});
    }
    const items = r.get().items;
    expect(items).toHaveLength(200);
    expect(items[0]).toMatchObject({ id: "sr1", status: "pending" });
    expect(items[1]?.id).toBe("sr53");
  });
});
