import type { Client, ServerCapabilities } from "@modelcontextprotocol/client";
import type { SessionState } from "../base";
import type { Store } from "../base";
import { Completer, type CompletionRef, type Timers } from "./completions";
import { ServerLog } from "./logging";
import { PromptRunner } from "./prompts";
import { ResourceReader } from "./resources";
import { ResourceSubscriptions } from "./subscriptions";
import { TaskRunner } from "./tasks";

/** What the features need from a session: its state and its live SDK client. */
export interface FeatureHost {
  readonly store: Store<SessionState>;
  readonly client?: Client;
}

export interface FeatureOptions {
  timers?: Timers;
  completionDebounceMs?: number;
  taskPollIntervalMs?: number;
}

/**
 * The server features of one session (resources, subscriptions, completions, prompts, logging,
 * tasks), over whichever SDK client the session has live. It follows the session's store: on each
 * new connection it registers its notification handlers on the new client and resets what was
 * per-connection; nothing here sends a request by itself.
 */
export class ServerFeatures {
  readonly resources: ResourceReader;
  readonly subscriptions = new ResourceSubscriptions();
  readonly prompts: PromptRunner;
  readonly logging: ServerLog;
  readonly tasks: TaskRunner;
  private attached?: Client;

  constructor(
    private readonly host: FeatureHost,
    private readonly options: FeatureOptions = {},
  ) {
    const client = (): Client | undefined => this.attached;
    this.resources = new ResourceReader(client, (uri) => this.subscriptions.read(uri));
    this.prompts = new PromptRunner(client);
    this.logging = new ServerLog({ client, era: () => this.host.store.get().era });
    this.tasks = new TaskRunner({ timers: options.timers, pollIntervalMs: options.taskPollIntervalMs });
    host.store.subscribe(() => this.follow());
    this.follow();
  }

  /** The server declared `completions`: only then do forms ask for suggestions. */
  get completionsEnabled(): boolean {
    return this.attached !== undefined && !!this.capabilities?.completions;
  }

  /** A completer for one form: a prompt's arguments or a resource template's variables. */
  completer(ref: CompletionRef): Completer {
    return new Completer(
      ref,
      { client: () => this.attached, enabled: () => this.completionsEnabled },
      { debounceMs: this.options.completionDebounceMs, timers: this.options.timers },
    );
  }

  private get capabilities(): ServerCapabilities | undefined {
    return this.host.store.get().serverCapabilities;
  }

  private follow(): void {
    const s = this.host.store.get();
    const live = s.status === "connected" ? this.host.client : undefined;
    if (live === this.attached) return;
    if (this.attached) {
      this.subscriptions.disconnected();
      this.tasks.disconnected();
    }
    this.attached = live;
    if (!live) return;
    const era = s.era ?? "legacy";
    this.register(live);
    this.subscriptions.connected(live, era, s.serverCapabilities);
    this.tasks.connected(live, era);
    this.logging.connected(live, era);
  }

  private register(client: Client): void {
    const on = (method: string, handler: (params: unknown) => void): void => {
      try {
        client.setNotificationHandler(method as "notifications/message", (n) => handler(n.params));
      } catch {
        /* a method the negotiated era does not have: nothing will arrive for it */
      }
    };
    on("notifications/message", (p) => this.logging.received(p));
    on("notifications/resources/updated", (p) => {
      const uri = (p as { uri?: unknown } | undefined)?.uri;
      if (typeof uri === "string") this.subscriptions.updated(uri);
    });
    on("notifications/tasks/status", (p) => this.tasks.statusNotified(p));
  }
}
