/**
 * How a live connection ends and comes back: a loss read from its traffic (HTTP), a close by the
 * server (a stdio server's exit), the reason a call still waiting is given, and automatic
 * reconnecting after either.
 */
import type { Client, Transport } from "@modelcontextprotocol/client";
import * as R from "../base";
import type { Store } from "../base";
import type { ClientFeatures } from "../client";
import type { TrafficLog } from "../traffic";
import { BridgeStdioTransport, refusedAnswerMessage } from "../transports";
import { AutoReconnect } from "./autoReconnect";
import { ConnectionWatch, describeLoss, type ConnectionLoss } from "./connectionWatch";
import { describeClose } from "./failure";

/** After a loss is seen in the traffic, how long the failing request has to settle with its own error before the connection is closed. */
const LOSS_CLOSE_DELAY_MS = 300;

/** What the recovery reads and changes of its session: the state, the log, the client features and the live client. */
export interface RecoveryHost {
  readonly store: Store<R.SessionState>;
  readonly log: TrafficLog;
  readonly client?: Client;
  readonly clientFeatures: ClientFeatures;
}

/** The session's live connection as the recovery reaches it: its transport, closing it, and a new session. */
export interface LiveLink {
  transport(): Transport | undefined;
  close(): Promise<void>;
  reconnect(reason: string): Promise<void>;
}

export class ConnectionRecovery {
  /** The session's "reconnect automatically": attempts after a loss, a close or a failed reconnect. */
  readonly auto: AutoReconnect;
  /** Stops watching the live connection's traffic for a loss. */
  private unwatch?: () => void;
  /** The title of the loss that closed the live connection, if one did (see lost()). */
  private lossTitle: string | undefined;

  constructor(
    private readonly session: RecoveryHost,
    private readonly link: LiveLink,
  ) {
    this.auto = new AutoReconnect(
      (attempt) => link.reconnect(`automatic reconnect, attempt ${attempt}`),
      (next) => session.store.apply(R.reconnectPlanned, next && { attempt: next.attempt, at: Date.now() + next.inMs }),
    );
  }

  /** An HTTP connection is lost when its traffic says so (a refused request, an unknown session): found as it is logged. */
  watch(client: Client, url: string, from: number): void {
    this.lossTitle = undefined;
    const transport = this.link.transport() as { sessionId?: string } | undefined;
    const watch = new ConnectionWatch(() => transport?.sessionId, url, from);
    const log = this.session.log;
    this.unwatch = log.subscribe(() => {
      const loss = watch.scan(log.entries);
      if (loss) this.lost(client, loss, url);
    });
  }

  /** Stop watching the traffic (the connection is being closed). */
  stopWatching(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  private lost(client: Client, loss: ConnectionLoss, url: string): void {
    const session = this.session;
    if (client !== session.client || session.store.get().status !== "connected") return;
    const failure = describeLoss(loss, url);
    this.lossTitle = failure.title;
    session.log.sessionEnded("connection-lost", "error", failure.title, loss.kind);
    session.clientFeatures.detach("the connection was lost");
    session.store.apply(R.lost, failure);
    // The request that showed the loss settles with its own error first; then the rest are ended.
    setTimeout(() => {
      if (session.client === client) void this.link.close();
    }, LOSS_CLOSE_DELAY_MS);
    if (session.store.get().autoReconnect) this.auto.schedule();
  }

  /** The live client's transport closed (a stdio server exited, the server ended the connection). */
  closed(client: Client): void {
    const session = this.session;
    if (client !== session.client || session.store.get().status !== "connected") return;
    const transport = this.link.transport();
    const exit = transport instanceof BridgeStdioTransport ? transport.exit : undefined;
    const tail = transport instanceof BridgeStdioTransport ? transport.stderrTail : [];
    const failure = describeClose(exit, tail);
    // The cause (an exit, the bridge's refusal) is already in the log as an error: the boundary is a warning.
    session.log.sessionEnded(
      "connection-closed",
      "warn",
      failure.title,
      exit ? "the server exited" : "the server closed the connection",
    );
    session.clientFeatures.detach("the connection closed");
    session.store.apply(R.lost, {
      ...failure,
      hint:
        transport instanceof BridgeStdioTransport && !exit?.error
          ? "Reconnect starts the server again with the same command and settings (a new initialize); the traffic log goes on."
          : failure.hint,
    });
    if (session.store.get().autoReconnect) this.auto.schedule();
  }

  /** Why the live connection went away, when more is known than "Connection closed". */
  closeReason(): string | undefined {
    const transport = this.link.transport();
    const refused = transport instanceof BridgeStdioTransport ? transport.exit?.error?.refused : undefined;
    // A loss seen in the traffic closes the connection: a call still waiting then ends with its reason
    // (the request that showed the loss usually settles first with its own error, but not always).
    return refused ? refusedAnswerMessage(refused) : this.lossTitle;
  }
}
