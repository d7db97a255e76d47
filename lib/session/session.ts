import { SdkHttpError, type Client, type ClientCapabilities, type FetchLike, type Transport } from "@modelcontextprotocol/client";
import { ClientFeatures } from "../client/clientFeatures";
import { ServerFeatures } from "../features/features";
import { LensClient } from "../features/lensClient";
import type { PingOutcome } from "../client/ping";
import { listsFromTraffic } from "../inspect/diff";
import { recordingLogSteps, runPaced, type Recording } from "../inspect/recording";
import { ToolRunner } from "../tools/toolRunner";
import { TrafficLog } from "../traffic/log";
import { BridgeStdioTransport, refusedAnswerMessage } from "../transports/bridgeStdio";
import type { ConnectionConfig } from "./config";
import { stripAnsi } from "../traffic/ansi";
import { describeFailure, stderrOf } from "./failure";
import { loadList, LIST_METHODS } from "./lists";
import { negotiationOptions } from "./negotiation";
import * as R from "./state";
import { Store } from "./store";

export const CLIENT_INFO = { name: "mcp-lens", title: "MCP Lens", version: "0.1.0" };

/** Everything the session takes from outside: how to build transports, and time. */
export interface SessionDeps {
  createTransport(config: ConnectionConfig, log: TrafficLog): Transport;
  /** A fetch for extra HTTP requests on an HTTP connection (the spot check's), recorded in `log` like the transport's. */
  createFetch?(log: TrafficLog): FetchLike;
  /** The whole connect (probe, handshake) must finish within this; the UI promises an answer in 10 s. */
  connectDeadlineMs?: number;
  now?: () => number;
}

/**
 * One connection to one MCP server: the SDK client, its capturing transport, the traffic log and
 * the state views render. Several can be live at once; each owns its own transport and log.
 */
export class InspectorSession {
  readonly store: Store<R.SessionState>;
  log: TrafficLog;
  client?: Client;
  /** Tool calls and their history; kept across reconnects. */
  readonly tools = new ToolRunner(undefined, () => this.closeReason());
  /** MCP Lens as a client: server requests waiting for the user, the roots list, ping. Kept across reconnects. */
  readonly clientFeatures: ClientFeatures;
  /** Resources, subscriptions, completions, prompts, logging, tasks (lib/features). Follows the live client. */
  readonly features: ServerFeatures;
  private transport?: Transport;
  private generation = 0;

  constructor(
    config: ConnectionConfig,
    private readonly deps: SessionDeps,
    /** Capabilities declared besides the switched-on client features (see ClientFeatures.extend). */
    private readonly extraCapabilities: ClientCapabilities = {},
  ) {
    this.log = new TrafficLog();
    this.clientFeatures = new ClientFeatures({ now: deps.now, roots: config.roots, report: (level, text) => this.log.event(level, text) });
    this.store = new Store(R.initialState(config, this.clientFeatures.capabilities(config.clientFeatures, extraCapabilities)));
    this.features = new ServerFeatures(this);
  }

  get state(): R.SessionState {
    return this.store.get();
  }

  async connect(config: ConnectionConfig = this.state.config): Promise<void> {
    await this.disconnect();
    const generation = ++this.generation;
    this.log = new TrafficLog({ now: this.deps.now });
    if (config.protocol === "auto") this.log.watchVersionProbe();
    this.store.apply(R.configured, { config, clientCapabilities: this.clientFeatures.capabilities(config.clientFeatures, this.extraCapabilities) });
    this.store.apply(R.connecting, config.transport === "stdio" ? "starting the server" : "contacting the server");
    this.log.event("info", `connecting (${config.transport}, protocol ${config.protocol})`);

    const deadlineMs = this.deps.connectDeadlineMs ?? 8000;
    const started = Date.now();
    let restarted = false;
    try {
      let attempt = await this.attempt(config, false, deadlineMs);
      if (attempt.error && this.diedOnProbe(config, attempt.transport)) {
        this.log.event("warn", "the server closed the connection on the server/discover probe: restarting it for the legacy initialize handshake");
        restarted = true;
        attempt = await this.attempt(config, true, Math.max(1000, deadlineMs - (Date.now() - started)));
      }
      if (generation !== this.generation) return;
      if (attempt.error) throw attempt.error;
    } catch (error) {
      if (generation !== this.generation) return;
      const transport = this.transport;
      const failure = describeFailure(error, {
        config,
        log: this.log,
        exit: transport instanceof BridgeStdioTransport ? transport.exit : undefined,
        stderrTail: transport instanceof BridgeStdioTransport ? transport.stderrTail : undefined,
        timedOutAfterMs: error instanceof DeadlineError ? error.ms : undefined,
      });
      this.log.event("error", failure.title);
      this.store.apply(R.failed, failure);
      await this.closeTransport();
      return;
    }
    const client = this.client!;
    this.store.apply(R.connected, {
      era: client.getProtocolEra(),
      protocolVersion: client.getNegotiatedProtocolVersion(),
      serverInfo: client.getServerVersion(),
      serverCapabilities: client.getServerCapabilities(),
      instructions: client.getInstructions(),
      discover: client.getDiscoverResult(),
      restartedAfterProbe: restarted,
      connectedAt: Date.now(),
    });
    this.clientFeatures.connected(client);
    this.log.event("info", `connected: ${client.getProtocolEra()} era, protocol ${client.getNegotiatedProtocolVersion()}`);
    await this.refreshAll("connect");
  }

  private async attempt(config: ConnectionConfig, forceLegacy: boolean, deadlineMs: number): Promise<{ transport: Transport; error?: unknown }> {
    await this.closeTransport();
    const session = this;
    const client = new LensClient(CLIENT_INFO, {
      capabilities: this.state.clientCapabilities,
      listMaxPages: 10_000,
      ...negotiationOptions(config.protocol, config.transport, forceLegacy),
      listChanged: {
        tools: { autoRefresh: false, onChanged: () => void session.refresh("tools", "list_changed") },
        prompts: { autoRefresh: false, onChanged: () => void session.refresh("prompts", "list_changed") },
        resources: {
          autoRefresh: false,
          onChanged: () => {
            void session.refresh("resources", "list_changed");
            void session.refresh("resourceTemplates", "list_changed");
          },
        },
      },
    });
    client.onclose = () => this.onClosed(client);
    this.clientFeatures.install(client, config.clientFeatures);
    client.onerror = (error) => this.onClientError(client, error);
    const transport = this.deps.createTransport(config, this.log);
    this.client = client;
    this.transport = transport;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new DeadlineError(deadlineMs));
      }, deadlineMs);
    });
    try {
      this.store.apply(R.phaseChanged, "negotiating the protocol");
      await Promise.race([client.connect(transport, { signal: controller.signal, timeout: deadlineMs }), deadline]);
      return { transport };
    } catch (error) {
      return { transport, error };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A stdio server that exits on the unknown `server/discover` request is a legacy server. */
  private diedOnProbe(config: ConnectionConfig, transport: Transport): boolean {
    if (config.protocol !== "auto" || !(transport instanceof BridgeStdioTransport)) return false;
    const probed = this.log.entries.some((e) => e.kind === "frame" && e.rpc.type === "request" && e.rpc.method === "server/discover");
    return probed && transport.exit !== undefined && !transport.exit.error;
  }

  private onClosed(client: Client): void {
    if (client !== this.client || this.state.status !== "connected") return;
    const transport = this.transport;
    const exit = transport instanceof BridgeStdioTransport ? transport.exit : undefined;
    const tail = transport instanceof BridgeStdioTransport ? transport.stderrTail : [];
    const stderr = stderrOf(tail);
    const failure = exit && (exit.code !== 0 || exit.error)
      ? { title: exit.error?.message ?? `The server exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`}).`, detail: stderr ? stripAnsi(tail[stderr.firstError >= 0 ? stderr.firstError : tail.length - 1]!) : undefined, hint: exit.error?.hint ?? "Reconnect to start it again.", stderr }
      : { title: "The connection was closed by the server.", hint: "Reconnect to start a new session.", stderr };
    this.log.event("warn", failure.title);
    this.clientFeatures.detach("the connection closed");
    this.store.apply(R.disconnected, failure);
  }

  /** Why the live connection went away, when more is known than "Connection closed". */
  private closeReason(): string | undefined {
    const refused = this.transport instanceof BridgeStdioTransport ? this.transport.exit?.error?.refused : undefined;
    return refused && refusedAnswerMessage(refused);
  }

  /** Ping the server (2025 era) and time the round trip. */
  ping(): Promise<PingOutcome> {
    return this.clientFeatures.ping();
  }

  /** For an HTTP connection: a recorded fetch to the server and the live Mcp-Session-Id (see SessionDeps.createFetch). */
  http(): { fetch: FetchLike; sessionId?: string } | undefined {
    const fetch = this.state.config.transport === "stdio" ? undefined : this.deps.createFetch?.(this.log);
    return fetch && { fetch, sessionId: (this.transport as { sessionId?: string } | undefined)?.sessionId };
  }

  /** A 404 on a request that carried a session id: the server forgot the session (spec: start a new one). */
  private onClientError(client: Client, error: unknown): void {
    if (client !== this.client || this.state.status !== "connected") return;
    const sessionId = (this.transport as { sessionId?: string } | undefined)?.sessionId;
    if (!(error instanceof SdkHttpError) || error.status !== 404 || !sessionId) return;
    const title = `The server no longer knows this session (HTTP 404 for Mcp-Session-Id ${sessionId}).`;
    this.log.event("error", title);
    this.store.apply(R.disconnected, { title, hint: "The server lost or expired the session. Reconnect to start a new one (a new initialize)." });
  }

  /**
   * Send a message exactly as written, bypassing the SDK client: a request, a notification, a
   * response to a server request, a batch, or deliberately malformed text (stdio only). Answers
   * appear in the traffic log like everything else.
   */
  async sendRaw(text: string): Promise<void> {
    const transport = this.transport;
    if (!transport || this.state.status !== "connected") throw new Error("Connect first: raw messages go over the live connection.");
    let parsed: unknown;
    let isJson = true;
    try {
      parsed = JSON.parse(text);
    } catch {
      isJson = false;
    }
    if (transport instanceof BridgeStdioTransport) {
      // stdio frames are single lines: JSON is sent compact, other text with its newlines as spaces.
      return transport.sendRaw(isJson ? JSON.stringify(parsed) : text.replace(/\r?\n/g, " "));
    }
    if (!isJson) throw new Error("Over HTTP, raw text must be JSON (the SDK transport frames it); malformed text can be sent to stdio servers.");
    await transport.send(parsed as never);
  }

  /** Show a recording: its traffic becomes this session's log, offline, for every view. */
  async openRecording(recording: Recording): Promise<void> {
    await this.disconnect();
    // Replayed in slices: a 10,000-message recording must not hold the page.
    this.log = await runPaced(recordingLogSteps(recording));
    const n = recording.negotiated;
    this.store.apply(R.recordingOpened, {
      era: n.era,
      protocolVersion: n.protocolVersion,
      serverInfo: n.serverInfo,
      serverCapabilities: n.serverCapabilities,
      instructions: n.instructions,
      clientCapabilities: n.clientCapabilities ?? {},
      recording: { exportedAt: recording.exportedAt },
      lists: listsFromTraffic(this.log.entries),
    });
  }

  async refreshAll(reason: R.ListState<unknown>["reason"] = "refresh"): Promise<void> {
    await Promise.all(LIST_METHODS.map(({ kind }) => this.refresh(kind, reason)));
  }

  async refresh(kind: R.ListKind, reason: R.ListState<unknown>["reason"] = "refresh"): Promise<void> {
    const client = this.client;
    if (!client || this.state.status !== "connected") return;
    await loadList(client, kind, reason, (list) => {
      if (client === this.client) this.store.apply(R.listUpdated, { kind, list } as never);
    }, this.state.lists[kind]);
  }

  async disconnect(): Promise<void> {
    this.generation++;
    this.tools.cancelAll();
    const wasLive = this.state.status === "connected" || this.state.status === "connecting";
    await this.closeTransport();
    if (wasLive) {
      this.log.event("info", "disconnected by the user");
      this.store.apply(R.disconnected, undefined);
    }
  }

  private async closeTransport(): Promise<void> {
    const client = this.client;
    const transport = this.transport;
    this.client = undefined;
    this.transport = undefined;
    if (client) client.onclose = undefined;
    this.clientFeatures.detach("disconnected");
    try {
      if (client) await client.close();
      else await transport?.close();
    } catch {
      /* closing a broken connection may throw; it is closed either way */
    }
    if (transport instanceof BridgeStdioTransport) await transport.close();
  }
}

export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no complete handshake within ${ms} ms`);
  }
}
