import type { Client, ClientCapabilities, FetchLike, Transport } from "@modelcontextprotocol/client";
import { ClientFeatures } from "../client";
import type { PingOutcome } from "../client";
import { ServerFeatures } from "../features";
import { recordedLists, recordingLogSteps, runPaced, type Recording } from "../inspect";
import { ToolRunner } from "../tools";
import { TrafficLog } from "../traffic";
import { BridgeStdioTransport } from "../transports";
import type { ConnectionConfig } from "../base";
import * as R from "../base";
import { Store } from "../base";
import type { GuidedFlow } from "../auth";
import { guidedFlowFor, SessionAuthorization, type AuthorizationPage } from "./authorization";
import { SessionConnection } from "./connection";
import { loadList, LIST_METHODS } from "./lists";
import { recordedListStates, replayRecordedCalls } from "./recordingReplay";
import { ConnectionRecovery } from "./recovery";
import type { SessionDeps } from "./sessionDeps";

/**
 * One connection to one MCP server: the SDK client, its capturing transport, the traffic log and
 * the state views render. Several can be live at once; each owns its own transport and log.
 * Connecting and closing are `SessionConnection`'s (connection.ts), a loss and what follows
 * `ConnectionRecovery`'s (recovery.ts).
 */
export class InspectorSession {
  readonly store: Store<R.SessionState>;
  log: TrafficLog;
  client?: Client;
  /** Tool calls and their history; kept across reconnects. */
  readonly tools = new ToolRunner(undefined, () => this.recovery.closeReason());
  /** MCP Lens as a client: server requests waiting for the user, the roots list, ping. Kept across reconnects. */
  readonly clientFeatures: ClientFeatures;
  /** Resources, subscriptions, completions, prompts, logging, tasks (lib/features). Follows the live client. */
  readonly features: ServerFeatures;
  /** OAuth for a protected Streamable HTTP server: credentials in memory, what the person sees as a Store. */
  readonly authorization: SessionAuthorization;
  /** The loss watch, the close by the server, automatic reconnecting. */
  private readonly recovery: ConnectionRecovery;
  /** Connecting, the live transport, closing. */
  private readonly connection: SessionConnection;

  constructor(
    config: ConnectionConfig,
    private readonly deps: SessionDeps,
    /** Capabilities declared besides the switched-on client features (see ClientFeatures.extend). */
    extraCapabilities: ClientCapabilities = {},
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
    this.recovery = new ConnectionRecovery(this, {
      transport: () => this.connection.transport,
      close: () => this.connection.close(),
      reconnect: (reason) => this.reconnect(reason),
    });
    this.connection = new SessionConnection(this, deps, extraCapabilities, this.recovery);
  }

  get state(): R.SessionState {
    return this.store.get();
  }

  /** The live transport (see SessionConnection). */
  private get transport(): Transport | undefined {
    return this.connection.transport;
  }

  /**
   * Connect with `config`. A fresh connection starts a new traffic log; `continueLog` (a reconnect,
   * with its reason) keeps the log and marks the boundary, so the traffic reads on across it.
   */
  connect(config: ConnectionConfig = this.state.config, options: { continueLog?: string } = {}): Promise<void> {
    return this.connection.connect(config, options);
  }

  /** Reconnect with the same settings: a new session (a new initialize, or a restarted server), the log going on. */
  async reconnect(reason = "reconnected by you"): Promise<void> {
    if (this.state.status === "connecting" || this.state.recording) return;
    await this.connect(this.state.config, { continueLog: reason });
  }

  /** Reconnect by itself after a loss (from now on, for this session). */
  setAutoReconnect(on: boolean): void {
    this.store.apply(R.autoReconnectSet, on);
    if (!on) this.recovery.auto.cancel();
    else if (this.state.status === "failed" && this.state.failure?.reconnect) this.recovery.auto.schedule();
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
  disconnect(forReconnect = false): Promise<void> {
    return this.connection.disconnect(forReconnect);
  }
}
