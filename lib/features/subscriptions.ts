import type { Client, McpSubscription, ServerCapabilities } from "@modelcontextprotocol/client";
import { Store } from "../base";
import { describeError, type RequestFailure } from "./request";

export interface Subscription {
  uri: string;
  /** `not-honored`: the 2026-07-28 server acknowledged the stream without this URI. */
  status: "subscribing" | "subscribed" | "unsubscribing" | "not-honored" | "error";
  error?: RequestFailure;
}

export interface SubscriptionsState {
  /** How subscribing works on this connection: per URI (legacy) or one listen stream (2026-07-28). */
  mode: "resources/subscribe" | "subscriptions/listen" | "offline";
  /** The server declared `resources.subscribe`. Subscribing is still allowed without it, to test the server. */
  declared: boolean;
  byUri: Record<string, Subscription>;
  /** URIs a `notifications/resources/updated` named since they were last read. */
  updated: Record<string, { at: number; count: number }>;
  /** 2026-07-28: the `subscriptions/listen` stream carrying the resource subscriptions. */
  listen?: {
    status: "opening" | "open" | "closed" | "error";
    closedBy?: "local" | "graceful" | "remote";
    error?: RequestFailure;
  };
}

export const emptySubscriptions: SubscriptionsState = { mode: "offline", declared: false, byUri: {}, updated: {} };

// Named reducers.
export const subscriptionsReset = (
  _: SubscriptionsState,
  p: Pick<SubscriptionsState, "mode" | "declared">,
): SubscriptionsState => ({ ...emptySubscriptions, ...p });
export const subscriptionChanged = (s: SubscriptionsState, sub: Subscription): SubscriptionsState => ({
  ...s,
  byUri: { ...s.byUri, [sub.uri]: sub },
});
export const subscriptionRemoved = (s: SubscriptionsState, uri: string): SubscriptionsState => {
  const { [uri]: _gone, ...byUri } = s.byUri;
  return { ...s, byUri };
};
export const resourceUpdated = (s: SubscriptionsState, p: { uri: string; at: number }): SubscriptionsState => ({
  ...s,
  updated: { ...s.updated, [p.uri]: { at: p.at, count: (s.updated[p.uri]?.count ?? 0) + 1 } },
});
export const updateCleared = (s: SubscriptionsState, uri: string): SubscriptionsState => {
  if (!(uri in s.updated)) return s;
  const { [uri]: _gone, ...updated } = s.updated;
  return { ...s, updated };
};
export const listenChanged = (s: SubscriptionsState, listen: SubscriptionsState["listen"]): SubscriptionsState => ({
  ...s,
  listen,
});
/** The listen stream was (re)opened for `uris`; the server honored `honored`. */
export const listenOpened = (
  s: SubscriptionsState,
  p: { uris: string[]; honored: readonly string[] },
): SubscriptionsState => {
  const byUri = { ...s.byUri };
  for (const uri of p.uris) byUri[uri] = { uri, status: p.honored.includes(uri) ? "subscribed" : "not-honored" };
  return { ...s, byUri, listen: { status: "open" } };
};

/**
 * Resource subscriptions and update marks. Legacy era: `resources/subscribe` / `unsubscribe` per
 * URI. 2026-07-28: one `subscriptions/listen` stream whose filter lists every subscribed URI; a
 * change re-opens it with the new list (the new stream first, then the old one is closed, so no
 * update falls in between). Either way updates arrive as `notifications/resources/updated`.
 */
export class ResourceSubscriptions {
  readonly store = new Store<SubscriptionsState>(emptySubscriptions);
  private client?: Client;
  private handle?: McpSubscription;
  private chain: Promise<void> = Promise.resolve();

  connected(client: Client, era: "legacy" | "modern", capabilities: ServerCapabilities | undefined): void {
    this.client = client;
    this.handle = undefined;
    this.store.apply(subscriptionsReset, {
      mode: era === "modern" ? "subscriptions/listen" : "resources/subscribe",
      declared: !!capabilities?.resources?.subscribe,
    });
  }

  disconnected(): void {
    const handle = this.handle;
    this.client = undefined;
    this.handle = undefined;
    void handle?.close().catch(() => {});
    this.store.apply(subscriptionsReset, { mode: "offline", declared: false });
  }

  /** From `notifications/resources/updated`. */
  updated(uri: string): void {
    this.store.apply(resourceUpdated, { uri, at: Date.now() });
  }

  /** The resource was read again: its update has been seen. */
  read(uri: string): void {
    this.store.apply(updateCleared, uri);
  }

  async subscribe(uri: string): Promise<void> {
    const client = this.requireClient();
    this.store.apply(subscriptionChanged, { uri, status: "subscribing" });
    if (this.store.get().mode === "subscriptions/listen") return this.relisten(client);
    try {
      await client.subscribeResource({ uri });
      if (client === this.client) this.store.apply(subscriptionChanged, { uri, status: "subscribed" });
    } catch (error) {
      if (client === this.client)
        this.store.apply(subscriptionChanged, { uri, status: "error", error: describeError(error) });
    }
  }

  async unsubscribe(uri: string): Promise<void> {
    const client = this.requireClient();
    const previous = this.store.get().byUri[uri];
    if (!previous) return;
    this.store.apply(subscriptionChanged, { uri, status: "unsubscribing" });
    if (this.store.get().mode === "subscriptions/listen") return this.relisten(client);
    try {
      await client.unsubscribeResource({ uri });
      if (client === this.client) this.store.apply(subscriptionRemoved, uri);
    } catch (error) {
      if (client === this.client) this.store.apply(subscriptionChanged, { ...previous, error: describeError(error) });
    }
  }

  private requireClient(): Client {
    if (!this.client) throw new Error("Connect first: subscriptions live on the connection.");
    return this.client;
  }

  /** Re-open the listen stream for the current URIs; runs one at a time. */
  private relisten(client: Client): Promise<void> {
    const run = this.chain.then(() => this.reopen(client));
    this.chain = run.catch(() => {});
    return run;
  }

  private async reopen(client: Client): Promise<void> {
    if (client !== this.client) return;
    const s = this.store.get();
    const leaving = Object.values(s.byUri)
      .filter((x) => x.status === "unsubscribing")
      .map((x) => x.uri);
    const uris = Object.values(s.byUri)
      .filter((x) => x.status !== "unsubscribing")
      .map((x) => x.uri);
    const old = this.handle;
    this.handle = undefined;
    if (uris.length > 0) {
      this.store.apply(listenChanged, { status: "opening" });
      try {
        const handle = await client.listen({ resourceSubscriptions: uris });
        if (client !== this.client) {
          void handle.close();
          return;
        }
        this.handle = handle;
        void handle.closed.then((closedBy) => {
          if (this.handle === handle) this.store.apply(listenChanged, { status: "closed", closedBy });
        });
        this.store.apply(listenOpened, { uris, honored: handle.honoredFilter.resourceSubscriptions ?? [] });
      } catch (error) {
        const failure = describeError(error);
        this.store.apply(listenChanged, { status: "error", error: failure });
        for (const uri of uris) this.store.apply(subscriptionChanged, { uri, status: "error", error: failure });
      }
    }
    await old?.close().catch(() => {});
    if (client !== this.client) return;
    for (const uri of leaving) this.store.apply(subscriptionRemoved, uri);
    if (uris.length === 0) this.store.apply(listenChanged, { status: "closed", closedBy: "local" });
  }
}
