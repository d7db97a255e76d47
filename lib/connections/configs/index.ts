/**
 * Config files as people keep them (Claude Desktop, Cursor, Claude Code, VS Code, a registry
 * server.json): read into connections entry by entry, and any connection written back in each shape.
 * Pure and page-safe.
 */
import { isRecord, type ConnectionConfig } from "../../base";
import { readMapEntry, vscodeInputs, writeMapEntry, type MapShape } from "./serverMap";
import { newDocument, readServerJson, writeServerJsonEntry } from "./serverJson";
import { detectShape, type ConfigShape } from "./shapes";
import type { ExportOptions, ImportedEntry, ImportResult, InvalidConfigEntry } from "./types";

export * from "./shapes";
export * from "./types";
export { SERVER_SCHEMA } from "./serverJson";

let counter = 0;
/** Ids for imported connections: `c-` like the page's own, unique within this page. */
export function importId(now: number = Date.now()): string {
  counter = (counter + 1) % 1296;
  return `c-${now.toString(36)}${counter.toString(36).padStart(2, "0")}`;
}

/** Reads a config file's text: its shape from its content, each entry a connection or a reason. */
export function parseConfig(text: string, newId: () => string = importId): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(stripBom(text));
  } catch (error) {
    return { ok: false, error: `Not JSON: ${(error as Error).message}` };
  }
  return readConfig(doc, newId);
}

/** Like `parseConfig`, on a document already parsed. */
export function readConfig(doc: unknown, newId: () => string = importId): ImportResult {
  const shape = detectShape(doc);
  if (!shape || !isRecord(doc)) {
    return {
      ok: false,
      error:
        'Not a config MCP Lens knows: expected "mcpServers" (Claude Desktop, Cursor, Claude Code), "servers" (VS Code) or "packages" / "remotes" (a registry server.json)',
    };
  }
  if (shape === "server-json") return { ok: true, shape, ...readServerJson(doc, newId) };
  const { servers, inputs } = serverMap(doc);
  const entries: ImportedEntry[] = [];
  const invalid: InvalidConfigEntry[] = [];
  if (inputs.problem) invalid.push({ key: "inputs", reason: inputs.problem });
  for (const [key, entry] of Object.entries(servers)) {
    const read = readMapEntry(shape, key, entry, inputs.byId);
    if (read.ok) entries.push({ key, config: { ...read.config, id: newId() } as ConnectionConfig, notes: read.notes });
    else invalid.push({ key, reason: read.reason });
  }
  return { ok: true, shape, entries, invalid };
}

function serverMap(doc: Record<string, unknown>): {
  servers: Record<string, unknown>;
  inputs: { byId: Map<string, Record<string, unknown>>; problem?: string };
} {
  const holder = isRecord(doc.mcp) && isRecord(doc.mcp.servers) ? doc.mcp : doc;
  const servers = isRecord(holder.mcpServers) ? holder.mcpServers : isRecord(holder.servers) ? holder.servers : doc;
  const byId = new Map<string, Record<string, unknown>>();
  if (holder.inputs === undefined) return { servers, inputs: { byId } };
  if (!Array.isArray(holder.inputs)) return { servers, inputs: { byId, problem: `"inputs" must be a list` } };
  for (const input of holder.inputs) if (isRecord(input) && typeof input.id === "string") byId.set(input.id, input);
  return { servers, inputs: { byId } };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface ExportResult {
  /** The file's text (JSON, two-space indent, a final newline). */
  text: string;
  /** Connections that cannot be written in this shape, with the reason. */
  skipped: InvalidConfigEntry[];
}

/** Connections as one file of `shape`. */
export function exportConfig(
  connections: readonly ConnectionConfig[],
  shape: ConfigShape,
  options: ExportOptions = {},
): ExportResult {
  const skipped: InvalidConfigEntry[] = [];
  if (shape === "server-json") {
    const doc: Record<string, unknown> = {};
    const packages: unknown[] = [];
    const remotes: unknown[] = [];
    for (const c of connections) {
      const out = writeServerJsonEntry(c, options);
      if (!out.ok) {
        skipped.push({ key: c.name, reason: out.reason });
        continue;
      }
      if (Object.keys(doc).length === 0) {
        Object.assign(
          doc,
          c.origin?.shape === "server-json" && c.origin.document ? c.origin.document : newDocument(c.name),
        );
      }
      (out.kind === "packages" ? packages : remotes).push(out.entry);
    }
    if (Object.keys(doc).length === 0) Object.assign(doc, newDocument("server"));
    if (packages.length) doc.packages = packages;
    if (remotes.length) doc.remotes = remotes;
    return { text: json(doc), skipped };
  }
  const servers: Record<string, unknown> = {};
  for (const c of connections) {
    const out = writeMapEntry(shape, c, options);
    if (!out.ok) skipped.push({ key: c.name, reason: out.reason });
    else servers[uniqueKey(servers, entryKey(c))] = out.entry;
  }
  if (shape !== "vscode") return { text: json({ mcpServers: servers }), skipped };
  const inputs = vscodeInputs([...connections], options);
  return { text: json(inputs.length ? { inputs, servers } : { servers }), skipped };
}

/**
 * "Copy as config snippet": one connection as it goes inside the file — `"name": { … }` for the
 * shapes that keep a map of servers (to paste into `mcpServers` / `servers`), the whole document for server.json.
 */
export function configSnippet(connection: ConnectionConfig, shape: ConfigShape, options: ExportOptions = {}): string {
  if (shape === "server-json") {
    const { text, skipped } = exportConfig([connection], shape, options);
    if (skipped.length) throw new Error(skipped[0]!.reason);
    return text;
  }
  const out = writeMapEntry(shape as MapShape, connection, options);
  if (!out.ok) throw new Error(out.reason);
  const body = JSON.stringify({ [entryKey(connection)]: out.entry }, null, 2);
  return `${body.slice(2, -2).replace(/^ {2}/gm, "")}\n`;
}

function entryKey(c: ConnectionConfig): string {
  return c.origin && c.origin.shape !== "server-json" ? c.origin.key : c.name;
}

function uniqueKey(taken: Record<string, unknown>, key: string): string {
  if (!(key in taken)) return key;
  let n = 2;
  while (`${key} (${n})` in taken) n++;
  return `${key} (${n})`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The entry named `name` of a config file, as a connection (the command line's `--config <file>
 * --server <name>`). A server.json's entries are named `packages[0]`, `remotes[0]`, or by their own name when it has one entry.
 */
export function configEntry(
  text: string,
  name: string,
  newId: () => string = importId,
): { ok: true; entry: ImportedEntry } | { ok: false; error: string } {
  const read = parseConfig(text, newId);
  if (!read.ok) return read;
  const found =
    read.entries.find((e) => e.key === name) ??
    (read.entries.length === 1 &&
    read.shape === "server-json" &&
    read.entries[0]!.config.origin?.document?.name === name
      ? read.entries[0]
      : undefined);
  if (found) return { ok: true, entry: found };
  const bad = read.invalid.find((e) => e.key === name);
  if (bad) return { ok: false, error: `server "${name}" cannot be used: ${bad.reason}` };
  const names = [...read.entries.map((e) => e.key), ...read.invalid.map((e) => e.key)];
  return { ok: false, error: `no server "${name}" (it has: ${names.join(", ") || "none"})` };
}
