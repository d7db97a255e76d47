import type { ConnectionConfig } from "../base";
import { Store } from "../base";
import { loadConnections, saveConnections, type StorageLike } from "./storage";

export interface ConnectionsState {
  builtIn: ConnectionConfig[];
  saved: ConnectionConfig[];
  /** Recordings opened in this tab (kept in memory only). */
  recordings: ConnectionConfig[];
  selectedId?: string;
  problems: string[];
}

export const selected = (s: ConnectionsState, id: string): ConnectionsState => ({ ...s, selectedId: id });

export const upserted = (s: ConnectionsState, c: ConnectionConfig): ConnectionsState => {
  const exists = s.saved.some((x) => x.id === c.id);
  return { ...s, saved: exists ? s.saved.map((x) => (x.id === c.id ? c : x)) : [...s.saved, c], selectedId: c.id };
};

export const removed = (s: ConnectionsState, id: string): ConnectionsState => {
  const saved = s.saved.filter((x) => x.id !== id);
  return { ...s, saved, selectedId: s.selectedId === id ? (s.builtIn[0] ?? saved[0])?.id : s.selectedId };
};

export const recordingAdded = (s: ConnectionsState, c: ConnectionConfig): ConnectionsState => ({
  ...s,
  recordings: [...s.recordings, c],
  selectedId: c.id,
});

export const problemsDismissed = (s: ConnectionsState): ConnectionsState => ({ ...s, problems: [] });

export function allConnections(s: ConnectionsState): ConnectionConfig[] {
  return [...s.builtIn, ...s.saved, ...s.recordings];
}

export function isBuiltIn(s: ConnectionsState, id: string): boolean {
  return s.builtIn.some((c) => c.id === id) || s.recordings.some((c) => c.id === id);
}

/** The connection list, loaded from and saved to storage (secrets excluded). */
export function createConnectionsStore(
  builtIn: ConnectionConfig[],
  storage: StorageLike | undefined,
): Store<ConnectionsState> {
  const loaded = storage ? loadConnections(storage) : { connections: [], problems: [] };
  const store = new Store<ConnectionsState>({
    builtIn,
    saved: loaded.connections,
    recordings: [],
    selectedId: builtIn[0]?.id ?? loaded.connections[0]?.id,
    problems: loaded.problems,
  });
  if (storage) {
    let last = store.get().saved;
    store.subscribe(() => {
      const now = store.get().saved;
      if (now === last) return;
      last = now;
      try {
        saveConnections(storage, now);
      } catch {
        /* storage full or blocked: connections stay in memory for this tab */
      }
    });
  }
  return store;
}
