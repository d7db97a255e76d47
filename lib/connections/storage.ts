import { z } from "../base";
import { migrate, migrationChain } from "../base";
import { ConnectionConfigSchema, type ConnectionConfig } from "../base";

/** The subset of Web Storage this needs; injected so tests need no DOM. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = "mcp-lens.connections";
export const SELECTION_KEY = "mcp-lens.selected";
const CURRENT_VERSION = 1;

const Envelope = z.object({ v: z.number().int(), connections: z.array(z.unknown()) });

/** One migration per version (lib/base/migrate.ts): step n turns a version-n list into version n+1. */
const MIGRATIONS = migrationChain<unknown[]>(CURRENT_VERSION, {});

export interface LoadResult {
  connections: ConnectionConfig[];
  /** Entries that could not be read: reported to the user, never silently dropped. */
  problems: string[];
}

export function loadConnections(storage: StorageLike): LoadResult {
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null) return { connections: [], problems: [] };
  let envelope: z.infer<typeof Envelope>;
  try {
    const parsed = Envelope.safeParse(JSON.parse(raw));
    if (!parsed.success)
      return { connections: [], problems: ["Saved connections are in an unknown format and were not loaded."] };
    envelope = parsed.data;
  } catch {
    return { connections: [], problems: ["Saved connections are not valid JSON and were not loaded."] };
  }
  const migrated = migrate(MIGRATIONS, envelope.v, envelope.connections);
  if (!migrated.ok) {
    const problem =
      migrated.reason === "too-new"
        ? `Saved connections were written by a newer MCP Lens (format v${envelope.v}).`
        : `Saved connections have a format version this MCP Lens does not know (v${envelope.v}) and were not loaded.`;
    return { connections: [], problems: [problem] };
  }
  const items = migrated.value;
  const connections: ConnectionConfig[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const parsed = ConnectionConfigSchema.safeParse(item);
    if (parsed.success) connections.push(parsed.data);
    else {
      const name =
        typeof (item as { name?: unknown })?.name === "string"
          ? `"${(item as { name: string }).name}"`
          : `#${index + 1}`;
      problems.push(`Saved connection ${name} could not be read: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
    }
  });
  return { connections, problems };
}

/** Save connections with secret values left out: secrets live only in memory (docs/security.md §S17). */
export function saveConnections(storage: StorageLike, connections: ConnectionConfig[]): void {
  const stripped = connections.map((c) =>
    c.transport === "stdio"
      ? { ...c, env: c.env.map(stripSecret) }
      : {
          ...c,
          headers: c.headers.map(stripSecret),
          ...(c.oauth && { oauth: { ...c.oauth, clientSecret: "" } }),
        },
  );
  storage.setItem(STORAGE_KEY, JSON.stringify({ v: CURRENT_VERSION, connections: stripped }));
}

function stripSecret<T extends { secret: boolean; value: string }>(pair: T): T {
  return pair.secret ? { ...pair, value: "" } : pair;
}

/** The id of the connection selected last (not a secret: an id the page made). */
export function loadSelection(storage: StorageLike): string | undefined {
  try {
    return storage.getItem(SELECTION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveSelection(storage: StorageLike, id: string): void {
  storage.setItem(SELECTION_KEY, id);
}
