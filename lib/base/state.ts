import type {
  ClientCapabilities,
  DiscoverResult,
  Implementation,
  Prompt,
  Resource,
  ResourceTemplateType as ResourceTemplate,
  ServerCapabilities,
  Tool,
} from "@modelcontextprotocol/client";
import type { ConnectionConfig } from "./config";
import type { Violation } from "./violations";

/** An entry of a list result that does not match the MCP schema: set aside, with what is wrong. */
export interface InvalidEntry {
  /** Its position in the whole list (all pages). */
  index: number;
  /** Its name or URI when it has a usable one, else `#index`. */
  label: string;
  /** JSON pointers are relative to the entry ("/name"). */
  violations: Violation[];
  /** The entry as sent, as JSON (cut when long). */
  raw: string;
}

export type ListKind = "tools" | "resources" | "resourceTemplates" | "prompts";

export interface ListState<T> {
  status: "idle" | "loading" | "ready" | "error" | "unsupported";
  /** The usable entries. */
  items: T[];
  /** Entries set aside because they do not match the schema, with their violations. */
  invalid?: InvalidEntry[];
  error?: string;
  /** When the list was last (re)loaded, and why. */
  loadedAt?: number;
  reason?: "connect" | "list_changed" | "refresh";
}

export interface Failure {
  /** What failed, in one line. */
  title: string;
  /** The detail behind it: error text, exit code, stderr, what came back. */
  detail?: string;
  /** What to try. */
  hint?: string;
  /** The server's last stderr lines (as written, ANSI codes included), oldest first, and the first that looks like an error. */
  stderr?: { lines: string[]; firstError: number };
  /** A live connection was lost (the server exited, restarted, or forgot the session): a reconnect with the same settings is offered. */
  reconnect?: boolean;
}

export type Status = "idle" | "connecting" | "connected" | "disconnected" | "failed";

export interface SessionState {
  config: ConnectionConfig;
  status: Status;
  /** What the connection is doing now, while connecting. */
  phase?: string;
  failure?: Failure;
  era?: "legacy" | "modern";
  protocolVersion?: string;
  serverInfo?: Implementation;
  serverCapabilities?: ServerCapabilities;
  clientCapabilities: ClientCapabilities;
  instructions?: string;
  discover?: DiscoverResult;
  /** True when the server died on the server/discover probe and was restarted for `initialize`. */
  restartedAfterProbe?: boolean;
  connectedAt?: number;
  /** Set when this session is a recording opened offline (read-only): its traffic is read, nothing is sent. */
  recording?: { exportedAt: string; /** The file it was opened from. */ file?: string };
  /** Reconnect by itself when the connection is lost. */
  autoReconnect: boolean;
  /** The automatic reconnect attempt that is planned, while one is. */
  nextReconnect?: { attempt: number; at: number };
  lists: {
    tools: ListState<Tool>;
    resources: ListState<Resource>;
    resourceTemplates: ListState<ResourceTemplate>;
    prompts: ListState<Prompt>;
  };
}

const emptyList = { status: "idle", items: [] } as const;

export function initialState(config: ConnectionConfig, clientCapabilities: ClientCapabilities): SessionState {
  return {
    config,
    status: "idle",
    autoReconnect: false,
    clientCapabilities,
    lists: {
      tools: { ...emptyList, items: [] },
      resources: { ...emptyList, items: [] },
      resourceTemplates: { ...emptyList, items: [] },
      prompts: { ...emptyList, items: [] },
    },
  };
}

// Named reducers: every state change is one of these.

/** Before a connect: the configuration to use and the client capabilities it declares. */
export const configured = (
  s: SessionState,
  p: { config: ConnectionConfig; clientCapabilities: ClientCapabilities },
): SessionState => ({ ...s, ...p });

export const connecting = (s: SessionState, phase: string): SessionState => ({
  ...initialState(s.config, s.clientCapabilities),
  autoReconnect: s.autoReconnect,
  status: "connecting",
  phase,
});

/** The live connection is gone; `failure.reconnect` offers a fresh session with the same settings. */
export const lost = (s: SessionState, failure: Failure): SessionState => ({
  ...s,
  status: "failed",
  phase: undefined,
  failure: { ...failure, reconnect: true },
});

export const autoReconnectSet = (s: SessionState, on: boolean): SessionState => ({
  ...s,
  autoReconnect: on,
  ...(on ? {} : { nextReconnect: undefined }),
});

export const reconnectPlanned = (s: SessionState, next: SessionState["nextReconnect"]): SessionState => ({
  ...s,
  nextReconnect: next,
});

export const phaseChanged = (s: SessionState, phase: string): SessionState => ({ ...s, phase });

export const connected = (
  s: SessionState,
  p: Pick<
    SessionState,
    | "era"
    | "protocolVersion"
    | "serverInfo"
    | "serverCapabilities"
    | "instructions"
    | "discover"
    | "restartedAfterProbe"
    | "connectedAt"
  >,
): SessionState => ({ ...s, ...p, status: "connected", phase: undefined, failure: undefined });

export const failed = (s: SessionState, failure: Failure): SessionState => ({
  ...s,
  status: "failed",
  phase: undefined,
  failure,
});

export const disconnected = (s: SessionState, failure?: Failure): SessionState =>
  s.status === "failed" ? s : { ...s, status: failure ? "failed" : "disconnected", phase: undefined, failure };

export const listUpdated = <K extends ListKind>(
  s: SessionState,
  p: { kind: K; list: SessionState["lists"][K] },
): SessionState => ({
  ...s,
  lists: { ...s.lists, [p.kind]: p.list },
});

/** A recording opened offline: what was negotiated, and the lists its traffic carried (lib/session/recordingReplay.ts). */
export const recordingOpened = (
  s: SessionState,
  p: Pick<
    SessionState,
    | "era"
    | "protocolVersion"
    | "serverInfo"
    | "serverCapabilities"
    | "instructions"
    | "clientCapabilities"
    | "recording"
    | "lists"
  >,
): SessionState => ({
  ...initialState(s.config, p.clientCapabilities),
  ...p,
  autoReconnect: false,
  status: "disconnected",
});
