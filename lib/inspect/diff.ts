/**
 * What changed between two sessions (two recordings, two live sessions, or one of each):
 * server capabilities, the tool / resource / prompt lists, and the message sequence.
 */
import type { Prompt, Resource, Tool } from "@modelcontextprotocol/client";
import type { SessionState } from "../base";
import type { TrafficEntry } from "../traffic";
import { diffJson, type JsonChange } from "./jsonDiff";
import type { Recording } from "./recordingSchema";
import { diffSequences, sequenceOf, type SequenceDiff } from "./sequenceDiff";
import { snapshotFromRecording, snapshotFromSession, type SessionSnapshot } from "./snapshot";

export type { JsonChange } from "./jsonDiff";
export type { SequenceDiff, SequenceRun, SequenceStep } from "./sequenceDiff";
export { listsFromTraffic, snapshotFromRecording, snapshotFromSession, type SessionSnapshot } from "./snapshot";

export interface ItemChange<T> {
  /** The item's name (tools, prompts) or URI (resources). */
  key: string;
  before: T;
  after: T;
  /** JSON Pointer paths inside the item: "/inputSchema/properties/city/type", "/description". */
  changes: JsonChange[];
}

export interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange<T>[];
  /** Keys listed more than once (only the first is compared). */
  duplicates: string[];
}

export interface SessionDiff {
  /** Added, removed and changed capability keys, as JSON Pointer paths ("/tools/listChanged"). */
  capabilities: JsonChange[];
  tools: ListDiff<Tool>;
  resources: ListDiff<Resource>;
  prompts: ListDiff<Prompt>;
  sequence: SequenceDiff;
}

export function diffSnapshots(a: SessionSnapshot, b: SessionSnapshot): SessionDiff {
  return {
    capabilities: diffJson(a.serverCapabilities ?? {}, b.serverCapabilities ?? {}),
    tools: diffList(a.tools, b.tools, (t) => t.name),
    resources: diffList(a.resources, b.resources, (r) => r.uri),
    prompts: diffList(a.prompts, b.prompts, (p) => p.name),
    sequence: diffSequences(sequenceOf(a.traffic), sequenceOf(b.traffic)),
  };
}

export function diffRecordings(
  a: Pick<Recording, "negotiated" | "traffic">,
  b: Pick<Recording, "negotiated" | "traffic">,
): SessionDiff {
  return diffSnapshots(snapshotFromRecording(a), snapshotFromRecording(b));
}

type LiveSession = {
  state: Pick<SessionState, "serverCapabilities" | "lists">;
  log: { readonly entries: readonly TrafficEntry[] };
};

export function diffSessions(a: LiveSession, b: LiveSession): SessionDiff {
  return diffSnapshots(snapshotFromSession(a.state, a.log), snapshotFromSession(b.state, b.log));
}

/** Items matched by key; a changed item lists every JSON path that differs (schemas, description, annotations…). */
export function diffList<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => unknown): ListDiff<T> {
  const duplicates = new Set<string>();
  const index = (items: readonly T[]) => {
    const map = new Map<string, T>();
    items.forEach((item, i) => {
      const raw = keyOf(item);
      const key = typeof raw === "string" ? raw : `#${i}`;
      if (map.has(key)) duplicates.add(key);
      else map.set(key, item);
    });
    return map;
  };
  const a = index(before);
  const b = index(after);
  const diff: ListDiff<T> = { added: [], removed: [], changed: [], duplicates: [] };
  for (const [key, item] of a) {
    const other = b.get(key);
    if (other === undefined) diff.removed.push(item);
    else {
      const changes = diffJson(item, other);
      if (changes.length > 0) diff.changed.push({ key, before: item, after: other, changes });
    }
  }
  for (const [key, item] of b) if (!a.has(key)) diff.added.push(item);
  diff.duplicates = [...duplicates];
  return diff;
}
