import type { Client, ReadResourceResult } from "@modelcontextprotocol/client";
import { Store } from "../base";
import { asSent, describeError, type RequestFailure } from "./request";
import { classifyReadResult, type ResourceItem } from "./resourceContent";

/** The latest read of one URI. */
export interface ResourceRead {
  uri: string;
  /** Reads of this URI so far (a re-read replaces the previous one). */
  attempt: number;
  status: "reading" | "done" | "error";
  startedAt: number;
  elapsedMs?: number;
  /** The result as the server sent it. */
  result?: ReadResourceResult;
  items?: ResourceItem[];
  error?: RequestFailure;
}

export interface ResourceReadsState {
  byUri: Record<string, ResourceRead>;
}

export const emptyReads: ResourceReadsState = { byUri: {} };

export const readStarted = (s: ResourceReadsState, p: { uri: string; startedAt: number }): ResourceReadsState => ({
  byUri: {
    ...s.byUri,
    [p.uri]: { uri: p.uri, attempt: (s.byUri[p.uri]?.attempt ?? 0) + 1, status: "reading", startedAt: p.startedAt },
  },
});

export const readFinished = (
  s: ResourceReadsState,
  p: { uri: string; attempt: number; elapsedMs: number } & ({ result: ReadResourceResult } | { error: RequestFailure }),
): ResourceReadsState => {
  const current = s.byUri[p.uri];
  if (!current || current.attempt !== p.attempt) return s; // a newer read owns this URI
  const done: ResourceRead =
    "result" in p
      ? { ...current, status: "done", elapsedMs: p.elapsedMs, result: p.result, items: classifyReadResult(p.result) }
      : { ...current, status: "error", elapsedMs: p.elapsedMs, error: p.error };
  return { byUri: { ...s.byUri, [p.uri]: done } };
};

export const readForgotten = (s: ResourceReadsState, uri: string): ResourceReadsState => {
  if (!(uri in s.byUri)) return s;
  const { [uri]: _gone, ...byUri } = s.byUri;
  return { byUri };
};

/**
 * `resources/read`, always from the server (never the SDK's response cache: an inspector shows
 * what the server says now). The result is taken as sent and classified for display.
 */
export class ResourceReader {
  readonly store = new Store<ResourceReadsState>(emptyReads);

  constructor(
    private readonly client: () => Client | undefined,
    /** Called after each successful read (the subscriptions clear the URI's "updated" mark). */
    private readonly onRead: (uri: string) => void = () => {},
    private readonly now: () => number = () => performance.now(),
  ) {}

  async read(uri: string): Promise<ResourceRead> {
    const client = this.client();
    if (!client) throw new Error("Connect first: resources are read over the live connection.");
    const started = this.now();
    this.store.apply(readStarted, { uri, startedAt: Date.now() });
    const attempt = this.store.get().byUri[uri]!.attempt;
    try {
      const result = await client.request({ method: "resources/read", params: { uri } }, asSent<ReadResourceResult>());
      this.store.apply(readFinished, { uri, attempt, elapsedMs: this.now() - started, result });
      this.onRead(uri);
    } catch (error) {
      this.store.apply(readFinished, { uri, attempt, elapsedMs: this.now() - started, error: describeError(error) });
    }
    return this.store.get().byUri[uri]!;
  }

  forget(uri: string): void {
    this.store.apply(readForgotten, uri);
  }
}
