import type {
  CreateMessageRequestParams,
  ElicitRequestParams,
  ElicitResult,
  RequestId,
} from "@modelcontextprotocol/client";
import { Store } from "../base";

/** The requests a server makes of its client that a person answers (roots/list is answered from the roots list). */
export type ServerRequest =
  | { method: "sampling/createMessage"; params: CreateMessageRequestParams }
  | { method: "elicitation/create"; params: ElicitRequestParams };

/** What went back to the server. */
export type SentAnswer =
  | { kind: "result"; result: Record<string, unknown> }
  | { kind: "error"; code: number; message: string; data?: unknown };

export type RequestStatus =
  /** Waiting for the user. */
  | "pending"
  /** URL elicitation accepted; waiting for the server's notifications/elicitation/complete. */
  | "awaiting-completion"
  /** Answered (and, for URL elicitation, completed or not awaiting completion). */
  | "answered"
  /** The server cancelled it, the call it belonged to was cancelled, or the connection closed. */
  | "cancelled";

export type ServerRequestItem = ServerRequest & {
  /** Local id, unique in this store. */
  id: string;
  /**
   * How it arrived: a JSON-RPC request from the server (2025 era; `requestId` is its id), or an entry
   * of an `InputRequiredResult` (2026-07-28 multi round-trip; `requestId` is its `inputRequests` key).
   */
  via: "request" | "input-required";
  requestId: RequestId;
  receivedAt: number;
  status: RequestStatus;
  answer?: SentAnswer;
  answeredAt?: number;
  /** Why it ended without an answer, or how a URL elicitation ended. */
  note?: string;
  completedAt?: number;
};

export interface RequestsState {
  /** Oldest first. Answered and cancelled items stay (up to a limit) with what was sent. */
  items: ServerRequestItem[];
}

const HISTORY_LIMIT = 200;

export const isOpen = (item: ServerRequestItem): boolean => item.status === "pending";
export const openItems = (s: RequestsState): ServerRequestItem[] => s.items.filter(isOpen);

// Named reducers.

const update = (
  s: RequestsState,
  id: string,
  change: (item: ServerRequestItem) => ServerRequestItem,
): RequestsState => {
  const index = s.items.findIndex((i) => i.id === id);
  if (index < 0) return s;
  const items = s.items.slice();
  items[index] = change(items[index]!);
  return { items };
};

export const received = (s: RequestsState, item: ServerRequestItem): RequestsState => {
  const items = [...s.items, item];
  // Beyond the limit the oldest finished items go; open ones never do.
  for (let i = 0; items.length > HISTORY_LIMIT && i < items.length;) {
    if (items[i]!.status === "answered" || items[i]!.status === "cancelled") items.splice(i, 1);
    else i++;
  }
  return { items };
};

export const answered = (
  s: RequestsState,
  p: { id: string; answer: SentAnswer; at: number; awaitCompletion: boolean },
): RequestsState =>
  update(s, p.id, (i) => ({
    ...i,
    status: p.awaitCompletion ? "awaiting-completion" : "answered",
    answer: p.answer,
    answeredAt: p.at,
  }));

export const cancelled = (s: RequestsState, p: { id: string; note: string }): RequestsState =>
  update(s, p.id, (i) => (isOpen(i) ? { ...i, status: "cancelled", note: p.note } : i));

export const completed = (s: RequestsState, p: { elicitationId: string; at: number }): RequestsState => {
  const item = s.items.find((i) => i.status === "awaiting-completion" && elicitationIdOf(i) === p.elicitationId);
  return item
    ? update(s, item.id, (i) => ({
        ...i,
        status: "answered",
        completedAt: p.at,
        note: "the server reported the URL flow complete",
      }))
    : s;
};

/** The connection closed: URL flows still awaiting completion will not hear of it any more. */
export const closed = (s: RequestsState, note: string): RequestsState =>
  s.items.some((i) => i.status === "awaiting-completion")
    ? { items: s.items.map((i) => (i.status === "awaiting-completion" ? { ...i, status: "answered", note } : i)) }
    : s;

export const cleared = (s: RequestsState): RequestsState => ({
  items: s.items.filter((i) => isOpen(i) || i.status === "awaiting-completion"),
});

export function elicitationIdOf(item: ServerRequestItem): string | undefined {
  return item.method === "elicitation/create" && item.params.mode === "url"
    ? (item.params as { elicitationId?: string }).elicitationId
    : undefined;
}

/** A JSON-RPC error to send instead of a result. */
export class AnswerError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

interface Waiter {
  resolve(result: Record<string, unknown>): void;
  reject(error: unknown): void;
}

/**
 * Server→client requests waiting for the user. Each request handler calls `wait()` and gets a
 * promise the UI settles with `answer` / `reject`; items never block each other. State is a plain
 * `Store` (subscribe + get) for `useSyncExternalStore`.
 */
export class ServerRequests {
  readonly store = new Store<RequestsState>({ items: [] });
  private readonly waiters = new Map<string, Waiter>();
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get = (): RequestsState => this.store.get();
  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  find(id: string): ServerRequestItem | undefined {
    return this.store.get().items.find((i) => i.id === id);
  }

  /** Add a request and wait for the user's answer; an abort of `signal` cancels it (no answer is sent). */
  wait(
    request: ServerRequest,
    origin: { via: ServerRequestItem["via"]; requestId: RequestId; signal?: AbortSignal },
  ): Promise<Record<string, unknown>> {
    const id = `sr${++this.seq}`;
    const item = {
      ...request,
      id,
      via: origin.via,
      requestId: origin.requestId,
      receivedAt: this.now(),
      status: "pending",
    } as ServerRequestItem;
    return new Promise((resolve, reject) => {
      const signal = origin.signal;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void =>
        this.cancel(
          id,
          origin.via === "request" ? "cancelled by the server" : "the request it belongs to was cancelled",
          signal?.reason,
        );
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.set(id, {
        resolve: (r) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(r);
        },
        reject: (e) => {
          signal?.removeEventListener("abort", onAbort);
          reject(e);
        },
      });
      this.store.apply(received, item);
    });
  }

  /** Send a result (already shaped by `samplingResult` / `elicitationResult` or written by hand). */
  answer(id: string, result: Record<string, unknown>): void {
    const item = this.take(id);
    if (!item) return;
    const awaitCompletion =
      item.via === "request" &&
      elicitationIdOf(item) !== undefined &&
      (result as Partial<ElicitResult>).action === "accept";
    this.store.apply(answered, { id, answer: { kind: "result", result }, at: this.now(), awaitCompletion });
    item.waiter.resolve(result);
  }

  /** Send a JSON-RPC error instead of a result (e.g. -1 "User rejected sampling request"). */
  reject(id: string, code: number, message: string, data?: unknown): void {
    const item = this.take(id);
    if (!item) return;
    this.store.apply(answered, {
      id,
      answer: { kind: "error", code, message, ...(data !== undefined && { data }) },
      at: this.now(),
      awaitCompletion: false,
    });
    item.waiter.reject(new AnswerError(code, message, data));
  }

  /** The server reported a URL elicitation complete. */
  complete(elicitationId: string): void {
    this.store.apply(completed, { elicitationId, at: this.now() });
  }

  /** End an open item without answering (cancellation, disconnect). */
  cancel(id: string, note: string, reason?: unknown): void {
    const waiter = this.waiters.get(id);
    if (!waiter) return;
    this.waiters.delete(id);
    this.store.apply(cancelled, { id, note });
    waiter.reject(reason ?? new Error(note));
  }

  /** Every open item ends: the connection it came on is gone. */
  cancelAll(note: string): void {
    for (const id of [...this.waiters.keys()]) this.cancel(id, note);
    this.store.apply(closed, note);
  }

  /** Forget finished items. */
  clear(): void {
    this.store.apply(cleared, undefined);
  }

  private take(id: string): ({ waiter: Waiter } & ServerRequestItem) | undefined {
    const waiter = this.waiters.get(id);
    const item = this.find(id);
    if (!waiter || !item) return undefined;
    this.waiters.delete(id);
    return { ...item, waiter };
  }
}
