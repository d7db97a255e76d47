import type { ConnectionConfig } from "../../base";
import type { ConfigShape } from "./shapes";

/** One server read from a config file, as a connection, with what the person still has to do. */
export interface ImportedEntry {
  /** The entry's name in the file. */
  key: string;
  config: ConnectionConfig;
  /** Values to fill in (secrets the file only refers to) and things MCP Lens cannot expand. */
  notes: string[];
}

/** An entry that could not be read, with the reason; the valid ones still import. */
export interface InvalidConfigEntry {
  key: string;
  reason: string;
}

export type ImportResult =
  | { ok: true; shape: ConfigShape; entries: ImportedEntry[]; invalid: InvalidConfigEntry[] }
  | { ok: false; error: string };

export interface ExportOptions {
  /** Write secret values (env values, secret headers) as they are; otherwise a reference to fill in. */
  includeSecrets?: boolean;
}

/** One entry of a shape's server map, or why the connection cannot be written in that shape. */
export type EntryOut = { ok: true; entry: Record<string, unknown> } | { ok: false; reason: string };

/** A connection before it has an id (each member of the union without `id`). */
export type UnsavedConnection = ConnectionConfig extends infer C
  ? C extends ConnectionConfig
    ? Omit<C, "id">
    : never
  : never;

/** Reading one entry: a connection without id (the caller gives it one) or the reason it is invalid. */
export type EntryIn = { ok: true; config: UnsavedConnection; notes: string[] } | { ok: false; reason: string };
