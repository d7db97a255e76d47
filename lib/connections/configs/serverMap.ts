import { isRecord, type ConnectionConfig, type KeyValue } from "../../base";
import {
  EntryError,
  httpUrl,
  isReference,
  origin,
  pairValue,
  readPairs,
  stringList,
  unknownFields,
  variableName,
} from "./common";
import type { ConfigShape } from "./shapes";
import type { EntryIn, EntryOut, ExportOptions, UnsavedConnection } from "./types";

/**
 * The shapes that keep servers as a map of names to entries: `mcpServers` (Claude Desktop, Cursor,
 * Claude Code) and VS Code's `servers`. An entry is a stdio command (`command`, `args`, `env`, `cwd`)
 * or a remote server (`url`, `headers`, with `type` saying which transport).
 */
export type MapShape = Exclude<ConfigShape, "server-json">;

const KNOWN = ["command", "args", "env", "cwd", "type", "transport", "url", "serverUrl", "headers"] as const;

/** `type` values that mean Streamable HTTP (VS Code and Claude Code write `http`). */
const STREAMABLE = ["http", "streamable-http", "streamableHttp", "streamable_http"];

/** Reads one entry of a server map. `inputs`: VS Code's `inputs` by id. */
export function readMapEntry(
  shape: MapShape,
  key: string,
  entry: unknown,
  inputs: Map<string, Record<string, unknown>> = new Map(),
): EntryIn {
  try {
    return { ok: true, ...read(shape, key, entry, inputs) };
  } catch (error) {
    if (error instanceof EntryError) return { ok: false, reason: error.message };
    throw error;
  }
}

function read(
  shape: MapShape,
  key: string,
  entry: unknown,
  inputs: Map<string, Record<string, unknown>>,
): { config: UnsavedConnection; notes: string[] } {
  if (!isRecord(entry)) throw new EntryError("is not an object");
  const type = typeof entry.type === "string" ? entry.type : typeof entry.transport === "string" ? entry.transport : "";
  if (entry.type !== undefined && typeof entry.type !== "string") throw new EntryError(`"type" must be a string`);
  const fields = unknownFields(entry, KNOWN);
  const name = key.trim() || "(unnamed)";
  const stdio = type === "stdio" || (type === "" && entry.command !== undefined);
  if (stdio) {
    if (typeof entry.command !== "string" || entry.command.trim() === "") {
      throw new EntryError(`"command" must be a non-empty string`);
    }
    const args = stringList(entry.args, "args");
    const env = readPairs(entry.env, "env", "env");
    if (entry.cwd !== undefined && typeof entry.cwd !== "string") throw new EntryError(`"cwd" must be a string`);
    const cwd = typeof entry.cwd === "string" ? entry.cwd : "";
    const notes = [...env.notes, ...expansionNotes([entry.command, ...args, cwd])];
    const referenced = referencedInputs(env.refs, inputs, notes);
    return {
      config: {
        name,
        transport: "stdio",
        protocol: "auto",
        command: entry.command,
        args,
        env: env.pairs,
        cwd,
        origin: origin(shape, key, fields, env.refs, referenced.length ? { inputs: referenced } : {}),
        unconfirmed: true,
      },
      notes,
    };
  }
  const rawUrl = entry.url ?? entry.serverUrl;
  if (rawUrl === undefined) {
    throw new EntryError(type ? `type "${type}" needs a "url"` : `has neither a "command" nor a "url"`);
  }
  let transport: "streamable-http" | "sse";
  if (type === "sse") transport = "sse";
  else if (STREAMABLE.includes(type)) transport = "streamable-http";
  else if (type === "") transport = /\/sse\/?$/.test(String(rawUrl)) ? "sse" : "streamable-http";
  else throw new EntryError(`type "${type}" is not one MCP Lens connects to (stdio, http, sse)`);
  const url = httpUrl(rawUrl, entry.url !== undefined ? "url" : "serverUrl");
  const headers = readPairs(entry.headers, "header", "headers");
  const notes = [...headers.notes];
  const referenced = referencedInputs(headers.refs, inputs, notes);
  return {
    config: {
      name,
      transport,
      protocol: "auto",
      url,
      headers: headers.pairs,
      origin: origin(shape, key, fields, headers.refs, referenced.length ? { inputs: referenced } : {}),
    },
    notes,
  };
}

/** VS Code `inputs` the references name, with their descriptions added to the notes. */
function referencedInputs(
  refs: Record<string, string>,
  inputs: Map<string, Record<string, unknown>>,
  notes: string[],
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const text of Object.values(refs)) {
    for (const m of text.matchAll(/\$\{input:([^}]+)\}/g)) {
      const input = inputs.get(m[1]!);
      if (input && !out.includes(input)) {
        out.push(input);
        if (typeof input.description === "string") notes.push(`Input ${m[1]}: ${input.description}`);
      }
    }
  }
  return out;
}

/** `${workspaceFolder}` and the like in a command, its arguments or directory are run as written. */
function expansionNotes(words: string[]): string[] {
  const found = words.filter(isReference);
  return found.length
    ? [`${found.map((w) => `"${w}"`).join(", ")}: the editor fills in \${…}; MCP Lens runs it as written, so edit it`]
    : [];
}

/** The reference each shape's own tool fills in for a value left out. */
const PLACEHOLDERS: Record<MapShape, (name: string) => string> = {
  "claude-desktop": () => "",
  cursor: (name) => `\${env:${name}}`,
  "claude-code": (name) => `\${${name}}`,
  vscode: (name) => `\${input:${inputId(name)}}`,
};

export function inputId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** One connection as an entry of `shape`'s server map. */
export function writeMapEntry(shape: MapShape, c: ConnectionConfig, options: ExportOptions): EntryOut {
  const sameShape = c.origin && (c.origin.shape === shape || (shape !== "vscode" && c.origin.shape !== "vscode"));
  const kept = sameShape && c.origin?.shape !== "server-json" ? c.origin!.fields : {};
  const refs = c.origin?.shape === shape ? c.origin.refs : undefined;
  const value = (pair: KeyValue, kind: "env" | "header") =>
    pairValue(pair, kind, (n) => PLACEHOLDERS[shape](kind === "header" ? variableName(n) : n), { ...options, refs });
  const object = (pairs: KeyValue[], kind: "env" | "header") =>
    Object.fromEntries(pairs.filter((p) => p.name).map((p) => [p.name, value(p, kind)]));
  const typed = shape === "claude-code" || shape === "vscode";
  if (c.transport === "stdio") {
    const entry: Record<string, unknown> = {
      ...(typed ? { type: "stdio" } : {}),
      command: c.command,
      args: c.args,
    };
    if (c.env.length) entry.env = object(c.env, "env");
    if (c.cwd) entry.cwd = c.cwd;
    return { ok: true, entry: { ...entry, ...kept } };
  }
  if (shape === "claude-desktop") return { ok: true, entry: { ...viaMcpRemote(c, value), ...kept } };
  const entry: Record<string, unknown> = typed
    ? { type: c.transport === "sse" ? "sse" : "http", url: c.url }
    : { url: c.url };
  if (c.headers.length) entry.headers = object(c.headers, "header");
  return { ok: true, entry: { ...entry, ...kept } };
}

/**
 * Claude Desktop's file holds stdio servers only; a remote one goes through `mcp-remote` (its own
 * documented bridge), with each header from an environment variable so the value stays out of the arguments.
 */
function viaMcpRemote(
  c: Extract<ConnectionConfig, { transport: "streamable-http" | "sse" }>,
  value: (pair: KeyValue, kind: "env" | "header") => string,
): Record<string, unknown> {
  const args = ["-y", "mcp-remote", c.url];
  const env: Record<string, string> = {};
  for (const h of c.headers.filter((p) => p.name)) {
    const variable = `HEADER_${variableName(h.name)}`;
    args.push("--header", `${h.name}:\${${variable}}`);
    env[variable] = value(h, "header");
  }
  if (c.transport === "sse") args.push("--transport", "sse-only");
  return Object.keys(env).length ? { command: "npx", args, env } : { command: "npx", args };
}

/** VS Code `inputs` for the exported entries: those kept from the import, and one per secret left out. */
export function vscodeInputs(connections: ConnectionConfig[], options: ExportOptions): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const ids = new Set<string>();
  const add = (input: Record<string, unknown>) => {
    const id = String(input.id);
    if (ids.has(id)) return;
    ids.add(id);
    out.push(input);
  };
  for (const c of connections) {
    const refs = c.origin?.shape === "vscode" ? (c.origin.refs ?? {}) : {};
    for (const input of c.origin?.shape === "vscode" ? (c.origin.inputs ?? []) : []) add(input);
    const pairs: [KeyValue, "env" | "header"][] =
      c.transport === "stdio" ? c.env.map((p) => [p, "env"]) : c.headers.map((p) => [p, "header"]);
    for (const [pair, kind] of pairs) {
      if (!pair.name || !pair.secret || refs[`${kind}:${pair.name}`]) continue;
      if (options.includeSecrets && pair.value !== "") continue;
      const name = kind === "header" ? variableName(pair.name) : pair.name;
      add({ type: "promptString", id: inputId(name), description: `${pair.name} for ${c.name}`, password: true });
    }
  }
  return out;
}
