import {
  type Client,
  type ClientCapabilities,
  type FetchLike,
  type OAuthClientProvider,
  type Transport,
} from "@modelcontextprotocol/client";
import { ClientFeatures } from "../client";
import { ServerFeatures } from "../features";
import { LensClient } from "../features";
import type { PingOutcome } from "../client";
import { recordedLists } from "../inspect";
import { recordedListStates, replayRecordedCalls } from "./recordingReplay";
import { recordingLogSteps, runPaced, type Recording } from "../inspect";
import { ToolRunner } from "../tools";
import { TrafficLog } from "../traffic";
import { BridgeStdioTransport, refusedAnswerMessage, withToolParamHeaders } from "../transports";
import type { ConnectionConfig } from "../base";
import { stripAnsi } from "../traffic";
import { guidedFlowFor, SessionAuthorization, type AuthorizationPage } from "./authorization";
import type { GuidedFlow } from "../auth";
import { AutoReconnect } from "./autoReconnect";
import { ConnectionWatch, describeLoss, type ConnectionLoss } from "./connectionWatch";
import { describeFailure, stderrOf } from "./failure";
import { loadList, LIST_METHODS } from "./lists";
import { negotiationOptions } from "./negotiation";
import * as R from "../base";
import { Store } from "../base";

/** After a loss is seen in the traffic, how long the failing request has to settle with its own error before the connection is closed. */
const LOSS_CLOSE_DELAY_MS = 300;

export const CLIENT_INFO = { name: "mcp-lens", title: "MCP Lens", version: "0.1.0" };

/** Everything the session takes from outside: how to build transports, and time. */
export interface SessionDeps {
  createTransport(
    config: ConnectionConfig,
    log: TrafficLog,
    options?: { authProvider?: OAuthClientProvider },
  ): Transport;
  /**
   * The inspector's OAuth callback URL (`<origin>/oauth/callback`): given in the page, a Streamable
   * HTTP connection answers a 401 with the OAuth flow (SessionAuthorization). Absent: no OAuth.
   */
  oauthRedirectUrl?: string;
  /** A fetch for extra HTTP requests on an HTTP connection (the spot check's), recorded in `log` like the transport's. */
  createFetch?(log: TrafficLog): FetchLike;
  /** createFetch's requests carry a Host header they are given (Node, straight to the server); the page's relay sets Host from the URL. */
  sendsHostHeader?: boolean;
  /** A fetch through the inspector's relay for the page's own side requests (server icons), not recorded. */
  relayFetch?: FetchLike;
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
  /** OAuth for a protected Streamable HTTP server: credentials in memory, what the person sees as a Store. */
  readonly authorization: SessionAuthorization;
  private transport?: Transport;
  private generation = 0;
  /** Stops watching the live connection's traffic for a loss. */
  private unwatch?: () => void;
  private readonly auto = new AutoReconnect(
    (attempt) => this.reconnect(`automatic reconnect, attempt ${attempt}`),
    (next) => this.store.apply(R.reconnectPlanned, next && { attempt: next.attempt, at: Date.now() + next.inMs }),
  );

  constructor(
    config: ConnectionConfig,
    private readonly deps: SessionDeps,
    /** Capabilities declared besides the switched-on client features (see ClientFeatures.extend). */
    private readonly extraCapabilities: ClientCapabilities = {},
  ) {
    this.log = new TrafficLog();
    this.clientFeatures = new ClientFeatures({
      now: deps.now,
      roots: config.roots,
      report: (code, level, text) => this.log.event(code, level, text),
    });
    this.store = new Store(
      R.initialState(config, this.clientFeatures.capabilities(config.clientFeatures, extraCapabilities)),
    );
    this.features = new ServerFeatures(this);
    this.authorization = new SessionAuthorization(deps.oauthRedirectUrl);
  }

  get state(): R.SessionState {
    return this.store.get();
  }

  /**
   * Connect with `config`. A fresh connection starts a new traffic log; `continueLog` (a reconnect,
   * with its reason) keeps the log and marks the boundary, so the traffic reads on across it.
   */
  async connect(config: ConnectionConfig = this.state.config, options: { continueLog?: string } = {}): Promise<void> {
    // A recording opened offline is read-only: its recorded command or URL is never started from it.
    if (this.state.recording) throw new Error("A recording is read-only: it cannot be connected.");
    if (!options.continueLog) this.auto.reset();
    await this.disconnect(options.continueLog !== undefined);
    const generation = ++this.generation;
    if (options.continueLog && this.log.entries.length)
      this.log.sessionStarted(`new session: ${options.continueLog}, same settings`, options.continueLog);
    else this.log = new TrafficLog({ now: this.deps.now });
    if (config.protocol === "auto") this.log.watchVersionProbe();
    const sessionStart = this.log.entries.length;
    this.store.apply(R.configured, {
      config,
      clientCapabilities: this.clientFeatures.capabilities(config.clientFeatures, this.extraCapabilities),
    });
    this.store.apply(R.connecting, config.transport === "stdio" ? "starting the server" : "contacting the server");
    this.log.event("connecting", "info", `connecting (${config.transport}, protocol ${config.protocol})`);

    const deadlineMs = this.deps.connectDeadlineMs ?? 8000;
    const started = Date.now();
    let restarted = false;
    try {
      let attempt = await this.attempt(config, false, deadlineMs);
      if (attempt.error && this.diedOnProbe(config, attempt.transport)) {
        this.log.event(
          "discover-probe-closed",
          "warn",
          "the server closed the connection on the server/discover probe: restarting it for the legacy initialize handshake",
        );
        restarted = true;
        attempt = await this.attempt(config, true, Math.max(1000, deadlineMs - (Date.now() - started)));
      }
      if (generation !== this.generation) return;
      if (attempt.error) throw attempt.error;
    } catch (error) {
      if (generation !== this.generation) return;
      const transport = this.transport;
      const failure = this.authorization.required
        ? authorizationRequired(this.authorization.store.get().authorizationServer)
        : describeFailure(error, {
            config,
            log: this.log,
            exit: transport instanceof BridgeStdioTransport ? transport.exit : undefined,
            stderrTail: transport instanceof BridgeStdioTransport ? transport.stderrTail : undefined,
            timedOutAfterMs: error instanceof DeadlineError ? error.ms : undefined,
          });
      this.log.event("connect-failed", "error", failure.title);
      // A 401 from the server whose OAuth flow broke before any authorization URL: offer the debugger.
      if (!this.authorization.required && this.answered401(sessionStart))
        this.authorization.connectFailed(failure.detail ? `${failure.title} ${failure.detail}` : failure.title);
      // A failed reconnect still offers (or, automatically, plans) the next one.
      this.store.apply(options.continueLog ? R.lost : R.failed, failure);
      await this.closeTransport();
      if (options.continueLog && this.state.autoReconnect) this.auto.schedule();
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
    this.authorization.connected();
    this.auto.reset();
    this.log.event(
      "connected",
      "info",
      `connected: ${client.getProtocolEra()} era, protocol ${client.getNegotiatedProtocolVersion()}`,
    );
    // From the session's start: the SDK opens its GET stream during the handshake.
    if (config.transport !== "stdio") this.watchConnection(client, config.url, sessionStart);
    await this.refreshAll("connect");
  }

  /** Reconnect with the same settings: a new session (a new initialize, or a restarted server), the log going on. */
  async reconnect(reason = "reconnected by you"): Promise<void> {
    if (this.state.status === "connecting" || this.state.recording) return;
    await this.connect(this.state.config, { continueLog: reason });
  }

  /** Reconnect by itself after a loss (from now on, for this session). */
  setAutoReconnect(on: boolean): void {
    this.store.apply(R.autoReconnectSet, on);
    if (!on) this.auto.cancel();
    else if (this.state.status === "failed" && this.state.failure?.reconnect) this.auto.schedule();
  }

  /** An HTTP connection is lost when its traffic says so (a refused request, an unknown session): found as it is logged. */
  private watchConnection(client: Client, url: string, from: number): void {
    this.lossTitle = undefined;
    const transport = this.transport as { sessionId?: string } | undefined;
    const watch = new ConnectionWatch(() => transport?.sessionId, url, from);
    const log = this.log;
    this.unwatch = log.subscribe(() => {
      const loss = watch.scan(log.entries);
      if (loss) this.lost(client, loss, url);
    });
  }

  private lost(client: Client, loss: ConnectionLoss, url: string): void {
    if (client !== this.client || this.state.status !== "connected") return;
    const failure = describeLoss(loss, url);
    this.lossTitle = failure.title;
    this.log.sessionEnded("connection-lost", "error", failure.title, loss.kind);
    this.clientFeatures.detach("the connection was lost");
    this.store.apply(R.lost, failure);
    // The request that showed the loss settles with its own error first; then the rest are ended.
    setTimeout(() => {
      if (this.client === client) void this.closeTransport();
    }, LOSS_CLOSE_DELAY_MS);
    if (this.state.autoReconnect) this.auto.schedule();
  }

  private async attempt(
    config: ConnectionConfig,
    forceLegacy: boolean,
    deadlineMs: number,
  ): Promise<{ transport: Transport; error?: unknown }> {
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
    const authProvider = this.authorization.providerFor(config);
    const created = this.deps.createTransport(config, this.log, authProvider && { authProvider });
    // SEP-2243: tools/call over Streamable HTTP mirrors the listed tool's x-mcp-header parameters.
    const transport =
      config.transport === "streamable-http"
        ? withToolParamHeaders(created, (name) => this.listedTool(name)?.inputSchema)
        : created;
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
    const probed = this.log.entries.some(
      (e) => e.kind === "frame" && e.rpc.type === "request" && e.rpc.method === "server/discover",
    );
    return probed && transport.exit !== undefined && !transport.exit.error;
  }

  private onClosed(client: Client): void {
    if (client !== this.client || this.state.status !== "connected") return;
    const transport = this.transport;
    const exit = transport instanceof BridgeStdioTransport ? transport.exit : undefined;
    const tail = transport instanceof BridgeStdioTransport ? transport.stderrTail : [];
    const stderr = stderrOf(tail);
    const failure =
      exit && (exit.code !== 0 || exit.error)
        ? {
            title:
              exit.error?.message ??
              `The server exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`}).`,
            detail: stderr ? stripAnsi(tail[stderr.firstError >= 0 ? stderr.firstError : tail.length - 1]!) : undefined,
            hint: exit.error?.hint ?? "Reconnect to start it again.",
            stderr,
          }
        : { title: "The connection was closed by the server.", hint: "Reconnect to start a new session.", stderr };
    // The cause (an exit, the bridge's refusal) is already in the log as an error: the boundary is a warning.
    this.log.sessionEnded(
      "connection-closed",
      "warn",
      failure.title,
      exit ? "the server exited" : "the server closed the connection",
    );
    this.clientFeatures.detach("the connection closed");
    this.store.apply(R.lost, {
      ...failure,
      hint:
        transport instanceof BridgeStdioTransport && !exit?.error
          ? "Reconnect starts the server again with the same command and settings (a new initialize); the traffic log goes on."
          : failure.hint,
    });
    if (this.state.autoReconnect) this.auto.schedule();
  }

  /** The title of the loss that closed the live connection, if one did (see lost()). */
  private lossTitle: string | undefined;

  /** Why the live connection went away, when more is known than "Connection closed". */
  private closeReason(): string | undefined {
    const refused = this.transport instanceof BridgeStdioTransport ? this.transport.exit?.error?.refused : undefined;
    // A loss seen in the traffic closes the connection: a call still waiting then ends with its reason
    // (the request that showed the loss usually settles first with its own error, but not always).
    return refused ? refusedAnswerMessage(refused) : this.lossTitle;
  }

  /**
   * The person's Authorize click (`page` opens the popup, synchronously inside the click): the
   * code comes back through the callback page, the SDK redeems it through the connection's
   * relayed, captured fetch, then the connection completes (or, after a step-up, simply goes on).
   */
  async authorize(page: AuthorizationPage): Promise<void> {
    const config = this.state.config;
    const fetch = this.deps.createFetch?.(this.log);
    if (config.transport !== "streamable-http" || !fetch) return;
    this.log.event("authorization", "info", "authorization: waiting for the authorization server's answer");
    const ok = await this.authorization.authorize(page, config.url, fetch);
    const problem = this.authorization.store.get().error;
    this.log.event(
      "authorization",
      ok ? "info" : "warn",
      ok ? "authorization: tokens obtained" : `authorization failed: ${problem ?? "unknown"}`,
    );
    if (!ok) return;
    if (this.state.status === "connected")
      // Authorized while connected (a list or call met 401/403): what failed for want of it loads now.
      await this.refreshAll("refresh");
    else if (this.state.status !== "connecting") await this.connect(config, { continueLog: "authorized" });
  }

  /** The guided OAuth debugger for this connection (lib/auth/guided.ts), its exchanges in this log; undefined without OAuth. */
  guidedOAuth(page: AuthorizationPage): GuidedFlow | undefined {
    const fetch = this.deps.createFetch?.(this.log);
    const redirect = this.authorization.callbackUrl;
    if (!fetch || !redirect) return undefined;
    this.log.event("authorization", "info", "authorization: guided debugger started");
    return guidedFlowFor(this.state.config, redirect, fetch, page);
  }

  /** The server answered 401 since entry `from` of the log (this connect's). */
  private answered401(from: number): boolean {
    const url = this.state.config.transport === "stdio" ? undefined : this.state.config.url;
    return this.log.entries
      .slice(from)
      .some((e) => e.kind === "http" && e.phase === "response" && e.status === 401 && e.url === url);
  }

  /** "Forget credentials": drops this connection's tokens and client registration, and disconnects. */
  async forgetCredentials(): Promise<void> {
    this.authorization.forget();
    this.log.event("authorization", "info", "credentials forgotten (tokens, client registration)");
    if (this.state.status === "connected" || this.state.status === "connecting") await this.disconnect();
  }

  /** Ping the server (2025 era) and time the round trip. */
  ping(): Promise<PingOutcome> {
    return this.clientFeatures.ping();
  }

  /** The relay fetch for side requests such as icons (SessionDeps.relayFetch); undefined when there is none. */
  get relayFetch(): FetchLike | undefined {
    return this.deps.relayFetch;
  }

  /** For an HTTP connection: a recorded fetch to the server and the live Mcp-Session-Id (see SessionDeps.createFetch). */
  http(): { fetch: FetchLike; sessionId?: string; hostHeader?: boolean } | undefined {
    const fetch = this.state.config.transport === "stdio" ? undefined : this.deps.createFetch?.(this.log);
    return (
      fetch && {
        fetch,
        sessionId: (this.transport as { sessionId?: string } | undefined)?.sessionId,
        hostHeader: this.deps.sendsHostHeader === true,
      }
    );
  }

  /** Transport errors surface as the calls' own failures and, for a lost connection, through the traffic (see watchConnection). */
  private onClientError(_client: Client, _error: unknown): void {}

  /**
   * Send a message exactly as written, bypassing the SDK client: a request, a notification, a
   * response to a server request, a batch, or deliberately malformed text (stdio only). Answers
   * appear in the traffic log like everything else.
   */
  async sendRaw(text: string): Promise<void> {
    const transport = this.transport;
    if (!transport || this.state.status !== "connected")
      throw new Error("Connect first: raw messages go over the live connection.");
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
    if (!isJson)
      throw new Error(
        "Over HTTP, raw text must be JSON (the SDK transport frames it); malformed text can be sent to stdio servers.",
      );
    await transport.send(parsed as never);
  }

  /** Show a recording: its traffic becomes this session's log, offline, for every view. */
  async openRecording(recording: Recording, file?: string): Promise<void> {
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
      recording: { exportedAt: recording.exportedAt, ...(file !== undefined && { file }) },
      lists: recordedListStates(recordedLists(this.log.entries), n.serverCapabilities),
    });
    // Past tool calls, prompts and reads in their views, as a live session would show them.
    replayRecordedCalls(this, this.log.entries);
  }

  /** A tool of the loaded list by name (invalid entries, set aside, are not in it). */
  private listedTool(name: string): { inputSchema?: unknown } | undefined {
    return (this.state.lists.tools.items as { name?: unknown; inputSchema?: unknown }[]).find((t) => t.name === name);
  }

  async refreshAll(reason: R.ListState<unknown>["reason"] = "refresh"): Promise<void> {
    await Promise.all(LIST_METHODS.map(({ kind }) => this.refresh(kind, reason)));
  }

  async refresh(kind: R.ListKind, reason: R.ListState<unknown>["reason"] = "refresh"): Promise<void> {
    const client = this.client;
    if (!client || this.state.status !== "connected") return;
    await loadList(
      client,
      kind,
      reason,
      (list) => {
        if (client === this.client) this.store.apply(R.listUpdated, { kind, list } as never);
      },
      this.state.lists[kind],
      // SEP-2243: a Streamable HTTP client of the 2026 era excludes tools with invalid x-mcp-header annotations.
      { headerRules: this.state.config.transport === "streamable-http" && client.getProtocolEra() === "modern" },
    );
  }

  /** Close the connection. `forReconnect`: the caller connects again at once (the log goes on, automatic reconnecting stays). */
  async disconnect(forReconnect = false): Promise<void> {
    this.generation++;
    if (!forReconnect) this.auto.reset();
    this.tools.cancelAll();
    const wasLive = this.state.status === "connected" || this.state.status === "connecting";
    await this.closeTransport();
    if (wasLive) {
      this.log.event("disconnected", "info", forReconnect ? "disconnected to reconnect" : "disconnected by the user");
      this.store.apply(R.disconnected, undefined);
    }
  }

  private async closeTransport(): Promise<void> {
    this.authorization.live = false;
    this.unwatch?.();
    this.unwatch = undefined;
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

/** The failure shown while the server waits for the person to authorize (a 401 the SDK could not answer alone). */
function authorizationRequired(authorizationServer: string | undefined): R.Failure {
  return {
    title: "Authorization required",
    detail: `The server answered 401 and named its authorization server${authorizationServer ? ` (${authorizationServer})` : ""}.`,
    hint: "Authorize opens the authorization server's page in a popup; approve there and the connection completes.",
  };
}

export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no complete handshake within ${ms} ms`);
  }
}
