/**
 * A session's connection from start to end: connecting (an attempt, a second one the legacy way
 * when the version probe killed a stdio server, what a failure says), the live client and
 * transport, and closing them.
 */
import type { Client, ClientCapabilities, Transport } from "@modelcontextprotocol/client";
import * as R from "../base";
import type { ConnectionConfig } from "../base";
import type { ToolRunner } from "../tools";
import { TrafficLog } from "../traffic";
import { BridgeStdioTransport } from "../transports";
import { DeadlineError, diedOnProbe, newClient, newTransport, startDeadline } from "./attempt";
import type { SessionAuthorization } from "./authorization";
import { describeFailure } from "./failure";
import type { ConnectionRecovery, RecoveryHost } from "./recovery";
import type { SessionDeps } from "./sessionDeps";

/** What connecting reads and changes of its session: besides the recovery's, the log it starts, the live client, the lists it loads. */
export interface ConnectionHost extends RecoveryHost {
  log: TrafficLog;
  client?: Client;
  readonly tools: ToolRunner;
  readonly authorization: SessionAuthorization;
  refresh(kind: R.ListKind, reason: R.ListState<unknown>["reason"]): Promise<void>;
  refreshAll(reason: R.ListState<unknown>["reason"]): Promise<void>;
}

export class SessionConnection {
  /** The live client's transport (the client itself is the session's `client`). */
  transport?: Transport;
  private generation = 0;

  constructor(
    private readonly session: ConnectionHost,
    private readonly deps: SessionDeps,
    private readonly extraCapabilities: ClientCapabilities,
    private readonly recovery: ConnectionRecovery,
  ) {}

  private get state(): R.SessionState {
    return this.session.store.get();
  }

  /** See InspectorSession.connect. */
  async connect(config: ConnectionConfig, options: { continueLog?: string }): Promise<void> {
    const session = this.session;
    // A recording opened offline is read-only: its recorded command or URL is never started from it.
    if (this.state.recording) throw new Error("A recording is read-only: it cannot be connected.");
    if (!options.continueLog) this.recovery.auto.reset();
    await this.disconnect(options.continueLog !== undefined);
    const generation = ++this.generation;
    if (options.continueLog && session.log.entries.length)
      session.log.sessionStarted(`new session: ${options.continueLog}, same settings`, options.continueLog);
    else session.log = new TrafficLog({ now: this.deps.now });
    if (config.protocol === "auto") session.log.watchVersionProbe();
    const sessionStart = session.log.entries.length;
    session.store.apply(R.configured, {
      config,
      clientCapabilities: session.clientFeatures.capabilities(config.clientFeatures, this.extraCapabilities),
    });
    session.store.apply(R.connecting, config.transport === "stdio" ? "starting the server" : "contacting the server");
    session.log.event("connecting", "info", `connecting (${config.transport}, protocol ${config.protocol})`);

    const deadlineMs = this.deps.connectDeadlineMs ?? 8000;
    const started = Date.now();
    let restarted = false;
    try {
      let attempt = await this.attempt(config, false, deadlineMs);
      if (attempt.error && diedOnProbe(config, attempt.transport, session.log)) {
        session.log.event(
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
      await this.failed(error, config, sessionStart, options.continueLog);
      return;
    }
    const client = session.client!;
    session.store.apply(R.connected, {
      era: client.getProtocolEra(),
      protocolVersion: client.getNegotiatedProtocolVersion(),
      serverInfo: client.getServerVersion(),
      serverCapabilities: client.getServerCapabilities(),
      instructions: client.getInstructions(),
      discover: client.getDiscoverResult(),
      restartedAfterProbe: restarted,
      connectedAt: Date.now(),
    });
    session.clientFeatures.connected(client);
    session.authorization.connected();
    this.recovery.auto.reset();
    session.log.event(
      "connected",
      "info",
      `connected: ${client.getProtocolEra()} era, protocol ${client.getNegotiatedProtocolVersion()}`,
    );
    // From the session's start: the SDK opens its GET stream during the handshake.
    if (config.transport !== "stdio") this.recovery.watch(client, config.url, sessionStart);
    await session.refreshAll("connect");
  }

  /** The connect failed: say why, offer what helps (authorizing, the next reconnect), and close what is left. */
  private async failed(
    error: unknown,
    config: ConnectionConfig,
    sessionStart: number,
    continueLog: string | undefined,
  ): Promise<void> {
    const { authorization, log, store } = this.session;
    const transport = this.transport;
    const failure = authorization.required
      ? authorizationRequired(authorization.store.get().authorizationServer)
      : describeFailure(error, {
          config,
          log,
          exit: transport instanceof BridgeStdioTransport ? transport.exit : undefined,
          stderrTail: transport instanceof BridgeStdioTransport ? transport.stderrTail : undefined,
          timedOutAfterMs: error instanceof DeadlineError ? error.ms : undefined,
        });
    log.event("connect-failed", "error", failure.title);
    // A 401 from the server whose OAuth flow broke before any authorization URL: offer the debugger.
    if (!authorization.required && this.answered401(sessionStart))
      authorization.connectFailed(failure.detail ? `${failure.title} ${failure.detail}` : failure.title);
    // A failed reconnect still offers (or, automatically, plans) the next one.
    store.apply(continueLog ? R.lost : R.failed, failure);
    await this.close();
    if (continueLog && this.state.autoReconnect) this.recovery.auto.schedule();
  }

  private async attempt(
    config: ConnectionConfig,
    forceLegacy: boolean,
    deadlineMs: number,
  ): Promise<{ transport: Transport; error?: unknown }> {
    const session = this.session;
    await this.close();
    const client = newClient(config, forceLegacy, this.state.clientCapabilities, (kind, reason) =>
      session.refresh(kind, reason),
    );
    client.onclose = () => this.recovery.closed(client);
    session.clientFeatures.install(client, config.clientFeatures);
    client.onerror = (error) => this.onClientError(client, error);
    const authProvider = session.authorization.providerFor(config);
    const transport = newTransport(this.deps, config, session.log, authProvider, session.store);
    session.client = client;
    this.transport = transport;
    const deadline = startDeadline(deadlineMs);
    try {
      session.store.apply(R.phaseChanged, "negotiating the protocol");
      await Promise.race([
        client.connect(transport, { signal: deadline.signal, timeout: deadlineMs }),
        deadline.expired,
      ]);
      return { transport };
    } catch (error) {
      return { transport, error };
    } finally {
      deadline.clear();
    }
  }

  /** Transport errors surface as the calls' own failures and, for a lost connection, through the traffic (see ConnectionRecovery.watch). */
  private onClientError(_client: Client, _error: unknown): void {}

  /** The server answered 401 since entry `from` of the log (this connect's). */
  private answered401(from: number): boolean {
    const url = this.state.config.transport === "stdio" ? undefined : this.state.config.url;
    return this.session.log.entries
      .slice(from)
      .some((e) => e.kind === "http" && e.phase === "response" && e.status === 401 && e.url === url);
  }

  /** See InspectorSession.disconnect. */
  async disconnect(forReconnect = false): Promise<void> {
    const session = this.session;
    this.generation++;
    if (!forReconnect) this.recovery.auto.reset();
    session.tools.cancelAll();
    const wasLive = this.state.status === "connected" || this.state.status === "connecting";
    await this.close();
    if (wasLive) {
      session.log.event(
        "disconnected",
        "info",
        forReconnect ? "disconnected to reconnect" : "disconnected by the user",
      );
      session.store.apply(R.disconnected, undefined);
    }
  }

  /** Close the live client and its transport, whatever state they are in. */
  async close(): Promise<void> {
    const session = this.session;
    session.authorization.live = false;
    this.recovery.stopWatching();
    const client = session.client;
    const transport = this.transport;
    session.client = undefined;
    this.transport = undefined;
    if (client) client.onclose = undefined;
    session.clientFeatures.detach("disconnected");
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
