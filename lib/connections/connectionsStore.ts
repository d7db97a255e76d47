import type { ConnectionConfig } from "../base";
import { Store } from "../base";
import { loadConnections, loadSelection, saveConnections, saveSelection, type StorageLike } from "./storage";

export interface ConnectionsState {
  builtIn: ConnectionConfig[];
  saved: ConnectionConfig[];
  /** Recordings opened in this tab (kept in memory only). */
  recordings: ConnectionConfig[];
  /** "+ New connection" not yet saved or connected: in memory only, gone on reload if abandoned. */
  draft?: ConnectionConfig;
  /** The last connection deleted, and where it stood, until Undo or the next deletion. */
  deleted?: { config: ConnectionConfig; index: number };
  selectedId?: string;
  problems: string[];
}

export const selected = (s: ConnectionsState, id: string): ConnectionsState => ({ ...s, selectedId: id });

/** Saved (a draft saved becomes a saved connection) and selected. */
export const upserted = (s: ConnectionsState, c: ConnectionConfig): ConnectionsState => {
  const exists = s.saved.some((x) => x.id === c.id);
  const saved = exists ? s.saved.map((x) => (x.id === c.id ? c : x)) : [...s.saved, c];
  return { ...s, saved, draft: s.draft?.id === c.id ? undefined : s.draft, selectedId: c.id };
};

/** A new connection to fill in: selected, not saved. */
export const drafted = (s: ConnectionsState, c: ConnectionConfig): ConnectionsState => ({
  ...s,
  draft: c,
  selectedId: c.id,
});

/** A saved connection forgotten (kept for Undo), or a draft discarded. */
export const removed = (s: ConnectionsState, id: string): ConnectionsState => {
  const fallback = (saved: ConnectionConfig[]) => (s.selectedId === id ? (s.builtIn[0] ?? saved[0])?.id : s.selectedId);
  if (s.draft?.id === id) return { ...s, draft: undefined, selectedId: fallback(s.saved) };
  const index = s.saved.findIndex((x) => x.id === id);
  if (index < 0) return s;
  const saved = s.saved.filter((x) => x.id !== id);
  return { ...s, saved, deleted: { config: s.saved[index]!, index }, selectedId: fallback(saved) };
};

/** Undo of the last deletion: back where it stood, selected. */
export const restored = (s: ConnectionsState): ConnectionsState => {
  if (!s.deleted) return s;
  const { config, index } = s.deleted;
  const saved = [...s.saved.slice(0, index), config, ...s.saved.slice(index)];
  return { ...s, saved, deleted: undefined, selectedId: config.id };
};

export const deletionDismissed = (s: ConnectionsState): ConnectionsState => ({ ...s, deleted: undefined });

export const recordingAdded = (s: ConnectionsState, c: ConnectionConfig): ConnectionsState => ({
  ...s,
  recordings: [...s.recordings, c],
  selectedId: c.id,
});

export const problemsDismissed = (s: ConnectionsState): ConnectionsState => ({ ...s, problems: [] });

export function allConnections(s: ConnectionsState): ConnectionConfig[] {
  return [...s.builtIn, ...s.saved, ...(s.draft ? [s.draft] : []), ...s.recordings];
}

export function isDraft(s: ConnectionsState, id: string): boolean {
  return s.draft?.id === id;
}

export function isBuiltIn(s: ConnectionsState, id: string): boolean {
  return s.builtIn.some((c) => c.id === id) || s.recordings.some((c) => c.id === id);
}

/** A recording opened from a file in this tab: read-only, never connected. */
export function isRecording(s: ConnectionsState, id: string): boolean {
  return s.recordings.some((c) => c.id === id);
}

/** The connection list, loaded from and saved to storage (secrets excluded). */
export function createConnectionsStore(
  builtIn: ConnectionConfig[],
  storage: StorageLike | undefined,
): Store<ConnectionsState> {
  const loaded = storage ? loadConnections(storage) : { connections: [], problems: [] };
  // The selection survives a reload when it names a connection that still exists.
  const remembered = storage ? loadSelection(storage) : undefined;
  const known = [...builtIn, ...loaded.connections].some((c) => c.id === remembered);
  const store = new Store<ConnectionsState>({
    builtIn,
    saved: loaded.connections,
    recordings: [],
    selectedId: known ? remembered : (builtIn[0]?.id ?? loaded.connections[0]?.id),
    problems: loaded.problems,
  });
  if (storage) {
    let last = store.get().saved;
    let lastSelected = store.get().selectedId;
    store.subscribe(() => {
      const { saved: now, selectedId } = store.get();
      try {
        if (now !== last) saveConnections(storage, now);
        last = now;
        // Drafts and recordings live in this tab only: the stored selection stays on the last lasting one.
        const lasting = selectedId !== undefined && [...builtIn, ...now].some((c) => c.id === selectedId);
        if (selectedId !== lastSelected && lasting) saveSelection(storage, selectedId);
        lastSelected = selectedId;
      } catch {
        /* storage full or blocked: connections stay in memory for this tab */
      }
    });
  }
  return store;
}
