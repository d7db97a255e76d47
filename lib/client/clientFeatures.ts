import {
  ProtocolError,
  type Client,
  type ClientCapabilities,
  type ClientContext,
  type Root,
} from "@modelcontextprotocol/client";
import { z } from "../base";
import { type ClientFeatureSwitches, declaredCapabilities, errorMessage, featureOn } from "../base";
import { ClientTasks, type ClientTask } from "./clientTasks";
import { pingServer, type PingOutcome } from "./ping";
import { ServerRequests } from "./requests";
import { RootsList } from "./roots";
import { TaskAwareClient } from "./taskClient";

const TaskIdParams = z.looseObject({ taskId: z.string() });
const ListParams = z.looseObject({ cursor: z.string().optional() });

/**
 * Another module's client-side feature (tasks, an extension): its capabilities are declared with
 * ours and `install` registers its handlers on each new SDK `Client` before it connects.
 */
export interface ClientExtension {
  name: string;
  capabilities?: ClientCapabilities;
  install?(client: Client): void;
}

/** The kinds of traffic-log event the client features write (a subset of lib/traffic's `EventCode`). */
export type ClientEventCode = "roots-changed-failed";

export interface ClientFeaturesOptions {
  now?: () => number;
  roots?: Root[];
  /** Where to say what happened (the session's traffic log events). */
  report?: (code: ClientEventCode, level: "info" | "warn", text: string) => void;
}

/**
 * MCP Lens as a client: the requests a server makes of it (sampling, elicitation, roots, ping) and
 * the capabilities it declares. Lives as long as its session; `install` wires each new SDK client.
 */
export class ClientFeatures {
  readonly requests: ServerRequests;
  readonly roots: RootsList;
  /** Tasks the server created on MCP Lens (its sampling and elicitation requests run as tasks). */
  readonly tasks: ClientTasks;
  private readonly extensions: ClientExtension[] = [];
  private client?: Client;
  private switches?: ClientFeatureSwitches;
  private live = false;

  constructor(private readonly options: ClientFeaturesOptions = {}) {
    this.requests = new ServerRequests(options.now);
    this.tasks = new ClientTasks(options.now);
    this.roots = new RootsList(options.roots);
    this.roots.onChange(() => void this.notifyRootsChanged());
  }

  /** Add another module's capabilities and handlers; takes effect on the next connect. */
  extend(extension: ClientExtension): void {
    this.extensions.push(extension);
  }

  /** What the next `initialize` (or 2026-07-28 `_meta`) declares for these switches. */
  capabilities(switches: ClientFeatureSwitches | undefined, extra: ClientCapabilities = {}): ClientCapabilities {
    const fromExtensions = Object.assign({}, ...this.extensions.map((e) => e.capabilities ?? {})) as ClientCapabilities;
    return declaredCapabilities(switches, { ...extra, ...fromExtensions });
  }

  /**
   * Register handlers on a new client, before it connects, for exactly what is switched on: a
   * request for anything else gets the SDK's -32601 Method not found.
   */
  install(client: Client, switches: ClientFeatureSwitches | undefined): void {
    this.client = client;
    this.switches = switches;
    this.live = false;
    const on = (key: Parameters<typeof featureOn>[1]): boolean => featureOn(switches, key);
    const origin = (ctx: ClientContext) => ({
      // In 2026-07-28 the SDK drops server→client requests, so a handler call there is an InputRequiredResult entry.
      via: client.getProtocolEra() === "modern" ? ("input-required" as const) : ("request" as const),
      requestId: ctx.mcpReq.id,
      signal: ctx.mcpReq.signal,
    });

    if (on("sampling")) {
      client.setRequestHandler("sampling/createMessage", async (request, ctx) => {
        if ((request.params.tools || request.params.toolChoice) && !on("samplingTools")) {
          throw new ProtocolError(
            -32602,
            "This sampling request has tools, but the client did not declare sampling.tools.",
          );
        }
        return (await this.requests.wait(
          { method: "sampling/createMessage", params: request.params },
          origin(ctx),
        )) as never;
      });
    }
    if (on("elicitationForm") || on("elicitationUrl")) {
      // The SDK refuses a mode whose sub-capability was not declared before this runs.
      client.setRequestHandler(
        "elicitation/create",
        async (request, ctx) =>
          (await this.requests.wait({ method: "elicitation/create", params: request.params }, origin(ctx))) as never,
      );
    }
    if (on("elicitationUrl")) {
      client.setNotificationHandler("notifications/elicitation/complete", (n) =>
        this.requests.complete(n.params.elicitationId),
      );
    }
    if (on("roots")) {
      client.setRequestHandler("roots/list", () => {
        this.roots.listed(this.now());
        return { roots: this.roots.roots };
      });
    }
    if (on("tasks")) this.installTasks(client);
    for (const e of this.extensions) e.install?.(client);
  }

  /** The receiver side of 2025-11-25 tasks: task-augmented sampling/elicitation, and tasks/get, result, list, cancel. */
  private installTasks(client: Client): void {
    if (client instanceof TaskAwareClient) {
      client.taskRequests = (request, ctx, run) => {
        const ttl = (request.params as { task?: { ttl?: unknown } }).task?.ttl;
        return this.tasks.create(
          request.method as ClientTask["method"],
          ctx.mcpReq.id,
          typeof ttl === "number" ? ttl : undefined,
          run,
        );
      };
    }
    client.setRequestHandler("tasks/get", { params: TaskIdParams }, (p) => this.tasks.status(p.taskId));
    client.setRequestHandler("tasks/result", { params: TaskIdParams }, (p) => this.tasks.result(p.taskId));
    client.setRequestHandler("tasks/list", { params: ListParams }, (p) => this.tasks.list(p.cursor));
    client.setRequestHandler("tasks/cancel", { params: TaskIdParams }, (p) => this.tasks.cancel(p.taskId));
  }

  /** The client finished its handshake: roots changes are now notified. */
  connected(client: Client): void {
    if (client === this.client) this.live = true;
  }

  /** The connection is gone: open requests end unanswered. */
  detach(note = "the connection closed"): void {
    this.live = false;
    this.client = undefined;
    this.tasks.detach(note);
    this.requests.cancelAll(note);
  }

  /** Ping the server and time the round trip. */
  ping(timeoutMs?: number): Promise<PingOutcome> {
    if (!this.client || !this.live) return Promise.resolve({ ok: false, ms: 0, error: "Not connected." });
    return pingServer(this.client, { now: this.options.now, timeoutMs });
  }

  private now = (): number => (this.options.now ?? Date.now)();

  private async notifyRootsChanged(): Promise<void> {
    const client = this.client;
    const at = this.now();
    if (!client || !this.live) return;
    if (!featureOn(this.switches, "rootsListChanged")) {
      this.roots.notice({ at, sent: false, detail: "roots.listChanged is switched off: the server is not told." });
      return;
    }
    if (client.getProtocolEra() === "modern") {
      this.roots.notice({
        at,
        sent: false,
        detail: "2026-07-28 has no roots notification: the server reads roots with each request.",
      });
      return;
    }
    try {
      await client.sendRootsListChanged();
      this.roots.notice({ at, sent: true, detail: "notifications/roots/list_changed sent" });
    } catch (error) {
      const detail = `notifications/roots/list_changed failed: ${errorMessage(error)}`;
      this.roots.notice({ at, sent: false, detail });
      this.options.report?.("roots-changed-failed", "warn", detail);
    }
  }
}
