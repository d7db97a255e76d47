import { ConnectionConfigSchema, type ConnectionConfig } from "../base";
import type { Store } from "../base";
import {
  deletionDismissed,
  drafted,
  isBuiltIn,
  problemsDismissed,
  recordingAdded,
  removed,
  restored,
  selected,
  upserted,
  type ConnectionsState,
} from "./connectionsStore";

/**
 * What the page does to the connection list, by name: each applies one of the store's reducers and
 * makes the ids (from the clock, `c-` for saved connections, `rec-` for recordings opened in this tab).
 */
type Clock = () => number;

const idAt = (prefix: string, now: Clock) => `${prefix}-${now().toString(36)}`;

/** The connection "+ New connection" adds: Streamable HTTP on a local port, selected, a draft until saved or connected. */
export function addConnection(store: Store<ConnectionsState>, now: Clock = Date.now): ConnectionConfig {
  const config: ConnectionConfig = {
    id: idAt("c", now),
    name: "New connection",
    transport: "streamable-http",
    protocol: "auto",
    url: "http://127.0.0.1:3001/mcp",
    headers: [],
  };
  store.apply(drafted, config);
  return config;
}

export function selectConnection(store: Store<ConnectionsState>, id: string): void {
  store.apply(selected, id);
}

/** Save (a new one is added, one with the same id replaced) and select it. */
export function saveConnection(store: Store<ConnectionsState>, config: ConnectionConfig): void {
  store.apply(upserted, config);
}

/** Connect saves what the form holds, except for a built-in connection or a recording (those cannot be edited). */
export function saveBeforeConnect(store: Store<ConnectionsState>, config: ConnectionConfig): void {
  if (!isBuiltIn(store.get(), config.id)) store.apply(upserted, config);
}

/** Save a copy under a new id, named "… (copy)", and select it. */
export function saveConnectionCopy(
  store: Store<ConnectionsState>,
  config: ConnectionConfig,
  now: Clock = Date.now,
): ConnectionConfig {
  const copy = { ...config, id: idAt("c", now), name: `${config.name} (copy)` };
  store.apply(upserted, copy);
  return copy;
}

/** Forget a saved connection (Undo brings it back) or discard a draft; if it was selected, the first built-in (or saved) one is. */
export function deleteConnection(store: Store<ConnectionsState>, id: string): void {
  store.apply(removed, id);
}

export function undoDelete(store: Store<ConnectionsState>): void {
  store.apply(restored, undefined);
}

export function dismissDeleted(store: Store<ConnectionsState>): void {
  store.apply(deletionDismissed, undefined);
}

/** A recording opened from a file: a connection of its own in this tab, named after the file, selected. */
export function addRecording(
  store: Store<ConnectionsState>,
  connection: ConnectionConfig,
  fileName: string,
  now: Clock = Date.now,
): ConnectionConfig {
  const config = { ...connection, id: idAt("rec", now), name: `Recording · ${fileName}` };
  store.apply(recordingAdded, config);
  return config;
}

export function dismissProblems(store: Store<ConnectionsState>): void {
  store.apply(problemsDismissed, undefined);
}

/**
 * The connection the command line named (`mcp-lens -- <command>`, `<url>`, `--config … --server …`),
 * as the inspector hands it to the page: validated, saved and selected, never started. A stdio
 * command is unconfirmed, whatever the answer said, so the first Connect shows it whole first.
 */
export function addPending(store: Store<ConnectionsState>, raw: unknown): ConnectionConfig | undefined {
  const parsed = ConnectionConfigSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const config: ConnectionConfig =
    parsed.data.transport === "stdio" ? { ...parsed.data, unconfirmed: true } : parsed.data;
  store.apply(upserted, config);
  return config;
}
