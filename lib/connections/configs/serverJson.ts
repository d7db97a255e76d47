import { isRecord, looksSecret, type ConnectionConfig, type KeyValue } from "../../base";
import { EntryError, httpUrl, unknownFields } from "./common";
import type { EntryIn, EntryOut, ExportOptions, ImportedEntry, InvalidConfigEntry } from "./types";

/**
 * A registry `server.json` (the MCP registry's server schema): `packages` run on this machine
 * (npm through npx, PyPI through uvx, OCI images through docker, NuGet through dnx) and `remotes`
 * reached by URL. Each package and each remote is one connection.
 */
export const SERVER_SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json";

interface Derived {
  command: string;
  args: string[];
  env: KeyValue[];
  notes: string[];
}

/** Each package and remote of a server.json, read or refused one by one. */
export function readServerJson(
  doc: Record<string, unknown>,
  newId: () => string,
): { entries: ImportedEntry[]; invalid: InvalidConfigEntry[] } {
  const entries: ImportedEntry[] = [];
  const invalid: InvalidConfigEntry[] = [];
  const document = unknownFields(doc, ["packages", "remotes"]);
  const title = typeof doc.title === "string" ? doc.title : typeof doc.name === "string" ? doc.name : "server.json";
  const packages = Array.isArray(doc.packages) ? doc.packages : [];
  const remotes = Array.isArray(doc.remotes) ? doc.remotes : [];
  if (doc.packages !== undefined && !Array.isArray(doc.packages))
    invalid.push({ key: "packages", reason: `"packages" must be a list` });
  if (doc.remotes !== undefined && !Array.isArray(doc.remotes))
    invalid.push({ key: "remotes", reason: `"remotes" must be a list` });
  const add = (key: string, read: EntryIn) => {
    if (read.ok) entries.push({ key, config: { ...read.config, id: newId() } as ConnectionConfig, notes: read.notes });
    else invalid.push({ key, reason: read.reason });
  };
  packages.forEach((pkg, i) => {
    const label = isRecord(pkg) ? String(pkg.registryType ?? pkg.registry_type ?? pkg.registry_name ?? "package") : "";
    const key = `packages[${i}]`;
    add(
      key,
      guard(() => readPackage(pkg, `${title} (${label})`, document, key)),
    );
  });
  remotes.forEach((remote, i) => {
    const label = isRecord(remote) ? String(remote.type ?? "remote") : "";
    const key = `remotes[${i}]`;
    add(
      key,
      guard(() => readRemote(remote, `${title} (${label})`, document, key)),
    );
  });
  if (packages.length === 0 && remotes.length === 0 && invalid.length === 0) {
    invalid.push({ key: title, reason: "has neither packages nor remotes" });
  }
  return { entries, invalid };
}

function guard(read: () => EntryIn): EntryIn {
  try {
    return read();
  } catch (error) {
    if (error instanceof EntryError) return { ok: false, reason: error.message };
    throw error;
  }
}

function readPackage(pkg: unknown, name: string, document: Record<string, unknown>, key: string): EntryIn {
  if (!isRecord(pkg)) throw new EntryError("is not an object");
  const derived = packageCommand(pkg);
  return {
    ok: true,
    config: {
      name,
      transport: "stdio",
      protocol: "auto",
      command: derived.command,
      args: derived.args,
      env: derived.env,
      cwd: "",
      origin: { shape: "server-json", key, fields: pkg, document },
      unconfirmed: true,
    },
    notes: derived.notes,
  };
}

/** The command line that runs a package, the way the registry's clients run it. */
export function packageCommand(pkg: Record<string, unknown>): Derived {
  const type = String(pkg.registryType ?? pkg.registry_type ?? pkg.registry_name ?? "");
  const identifier = pkg.identifier ?? pkg.name;
  if (typeof identifier !== "string" || identifier === "") throw new EntryError(`"identifier" must be a string`);
  const version = typeof pkg.version === "string" && pkg.version !== "latest" ? pkg.version : undefined;
  const transport = isRecord(pkg.transport) ? pkg.transport : undefined;
  if (transport && transport.type !== undefined && transport.type !== "stdio") {
    const at = typeof transport.url === "string" ? ` at ${transport.url}` : "";
    throw new EntryError(
      `runs its own ${String(transport.type)} server${at}: start it yourself, then connect to its URL`,
    );
  }
  const notes: string[] = [];
  const runtimeArgs = argumentList(pkg.runtimeArguments ?? pkg.runtime_arguments, "runtimeArguments", notes);
  const packageArgs = argumentList(pkg.packageArguments ?? pkg.package_arguments, "packageArguments", notes);
  const env = environment(pkg.environmentVariables ?? pkg.environment_variables, notes);
  const hint = typeof pkg.runtimeHint === "string" ? pkg.runtimeHint : undefined;
  const run = (command: string, defaults: string[], spec: string, after: string[] = []): Derived => ({
    command: hint ?? command,
    args: [...(runtimeArgs.length ? runtimeArgs : defaults), spec, ...after, ...packageArgs],
    env,
    notes,
  });
  switch (type) {
    case "npm":
      return run("npx", ["-y"], version ? `${identifier}@${version}` : identifier);
    case "pypi":
      return run("uvx", [], version ? `${identifier}==${version}` : identifier);
    case "nuget":
      return run("dnx", [], version ? `${identifier}@${version}` : identifier, ["--yes"]);
    case "oci": {
      const image = version && !/:[^/]+$/.test(identifier) ? `${identifier}:${version}` : identifier;
      const envFlags = env.flatMap((e) => ["-e", e.name]);
      return {
        command: hint ?? "docker",
        args: ["run", "-i", "--rm", ...runtimeArgs, ...envFlags, image, ...packageArgs],
        env,
        notes,
      };
    }
    case "":
      throw new EntryError(`"registryType" is missing`);
    default:
      throw new EntryError(`registry type "${type}" is not one MCP Lens can run (npm, pypi, oci, nuget)`);
  }
}

/** Runtime or package arguments: positional values and named flags. */
function argumentList(value: unknown, field: string, notes: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new EntryError(`"${field}" must be a list`);
  return value.flatMap((arg, i): string[] => {
    if (typeof arg === "string") return [arg];
    if (!isRecord(arg)) throw new EntryError(`"${field}[${i}]" must be an object`);
    const given = arg.value ?? arg.default;
    const text = given === undefined ? undefined : String(given);
    if (text !== undefined && /\{[^}]+\}/.test(text)) notes.push(`Argument ${text}: fill in the {…} part`);
    if (arg.type === "named") {
      if (typeof arg.name !== "string") throw new EntryError(`"${field}[${i}].name" must be a string`);
      return text === undefined ? [arg.name] : [arg.name, text];
    }
    if (text !== undefined) return [text];
    const hint = typeof arg.valueHint === "string" ? arg.valueHint : `argument ${i + 1}`;
    notes.push(`Argument <${hint}>: fill in`);
    return [`<${hint}>`];
  });
}

function environment(value: unknown, notes: string[]): KeyValue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new EntryError(`"environmentVariables" must be a list`);
  return value.map((v, i) => {
    if (!isRecord(v) || typeof v.name !== "string") {
      throw new EntryError(`"environmentVariables[${i}]" needs a "name"`);
    }
    const given = v.value ?? v.default;
    if (given === undefined || /\{[^}]+\}/.test(String(given))) {
      const what = typeof v.description === "string" ? ` (${v.description})` : "";
      notes.push(`Environment variable ${v.name}: fill in${what}`);
      return { name: v.name, value: "", secret: true };
    }
    return { name: v.name, value: String(given), secret: true };
  });
}

function readRemote(remote: unknown, name: string, document: Record<string, unknown>, key: string): EntryIn {
  if (!isRecord(remote)) throw new EntryError("is not an object");
  const type = remote.type ?? remote.transport_type;
  if (type !== "streamable-http" && type !== "sse") {
    throw new EntryError(`type "${String(type)}" is not one MCP Lens connects to (streamable-http, sse)`);
  }
  const url = httpUrl(remote.url, "url");
  const notes: string[] = [];
  if (/\{[^}]+\}/.test(url)) notes.push(`URL ${url}: fill in the {…} part`);
  const headers = remoteHeaders(remote.headers, notes);
  return {
    ok: true,
    config: {
      name,
      transport: type,
      protocol: "auto",
      url,
      headers,
      origin: { shape: "server-json", key, fields: remote, document },
    },
    notes,
  };
}

function remoteHeaders(value: unknown, notes: string[]): KeyValue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new EntryError(`"headers" must be a list`);
  return value.map((h, i) => {
    if (!isRecord(h) || typeof h.name !== "string") throw new EntryError(`"headers[${i}]" needs a "name"`);
    const secret = h.isSecret === true || looksSecret(h.name);
    const given = h.value ?? h.default;
    if (given === undefined || /\{[^}]+\}/.test(String(given))) {
      const what = typeof h.description === "string" ? ` (${h.description})` : "";
      notes.push(`Header ${h.name}: fill in${given === undefined ? "" : ` (the file has ${String(given)})`}${what}`);
      return { name: h.name, value: "", secret: true };
    }
    return { name: h.name, value: String(given), secret };
  });
}

/** One connection as a server.json package or remote: `kind` says which list it goes in. */
export function writeServerJsonEntry(
  c: ConnectionConfig,
  options: ExportOptions,
): EntryOut & { kind?: "packages" | "remotes" } {
  const original = c.origin?.shape === "server-json" ? c.origin.fields : undefined;
  if (c.transport === "stdio") {
    if (original && unchangedPackage(original, c)) return { ok: true, kind: "packages", entry: original };
    const pkg = packageFor(c, options);
    if (!pkg) {
      return {
        ok: false,
        reason: `"${c.command}" is not a package runner the registry knows (npx for npm, uvx for PyPI, docker run for OCI, dnx for NuGet)`,
      };
    }
    return { ok: true, kind: "packages", entry: pkg };
  }
  if (original && original.url === c.url && original.type === c.transport && sameHeaderNames(original, c)) {
    return { ok: true, kind: "remotes", entry: original };
  }
  const headers = c.headers
    .filter((h) => h.name)
    .map((h) => ({
      name: h.name,
      ...(h.secret ? { isSecret: true } : {}),
      ...((!h.secret || options.includeSecrets) && h.value !== "" ? { value: h.value } : {}),
    }));
  return {
    ok: true,
    kind: "remotes",
    entry: { type: c.transport, url: c.url, ...(headers.length ? { headers } : {}) },
  };
}

function unchangedPackage(pkg: Record<string, unknown>, c: Extract<ConnectionConfig, { transport: "stdio" }>): boolean {
  try {
    const derived = packageCommand(pkg);
    return (
      derived.command === c.command &&
      derived.args.join("\0") === c.args.join("\0") &&
      derived.env.map((e) => e.name).join("\0") === c.env.map((e) => e.name).join("\0")
    );
  } catch {
    return false;
  }
}

function sameHeaderNames(
  remote: Record<string, unknown>,
  c: Extract<ConnectionConfig, { transport: "sse" | "streamable-http" }>,
) {
  const names = Array.isArray(remote.headers) ? remote.headers.map((h) => (isRecord(h) ? h.name : undefined)) : [];
  return names.join("\0") === c.headers.map((h) => h.name).join("\0");
}

/** A package from the command that runs it: npx / uvx / docker run / dnx followed by the package. */
function packageFor(
  c: Extract<ConnectionConfig, { transport: "stdio" }>,
  options: ExportOptions,
): Record<string, unknown> | undefined {
  const runner = c.command
    .split(/[\\/]/)
    .pop()!
    .replace(/\.(cmd|exe)$/i, "");
  const environmentVariables = c.env
    .filter((e) => e.name)
    .map((e) => ({
      name: e.name,
      ...(e.secret ? { isSecret: true } : {}),
      ...((!e.secret || options.includeSecrets) && e.value !== "" ? { value: e.value } : {}),
    }));
  const withEnv = (pkg: Record<string, unknown>) =>
    environmentVariables.length ? { ...pkg, environmentVariables } : pkg;
  const positional = (args: string[]) =>
    args.length ? { packageArguments: args.map((value) => ({ type: "positional", value })) } : {};
  if (runner === "npx" || runner === "uvx" || runner === "dnx") {
    const at = c.args.findIndex((a) => !a.startsWith("-"));
    if (at === -1) return undefined;
    const spec = c.args[at]!;
    const split =
      runner === "uvx"
        ? spec.split("==")
        : spec.lastIndexOf("@") > 0
          ? [spec.slice(0, spec.lastIndexOf("@")), spec.slice(spec.lastIndexOf("@") + 1)]
          : [spec];
    const runtime = c.args.slice(0, at);
    const rest = c.args.slice(at + 1).filter((a, i) => !(runner === "dnx" && i === 0 && a === "--yes"));
    const defaults = runner === "npx" ? ["-y"] : [];
    return withEnv({
      registryType: runner === "npx" ? "npm" : runner === "uvx" ? "pypi" : "nuget",
      identifier: split[0],
      ...(split[1] ? { version: split[1] } : {}),
      transport: { type: "stdio" },
      ...(runtime.join(" ") === defaults.join(" ")
        ? {}
        : { runtimeArguments: runtime.map((value) => ({ type: "positional", value })) }),
      ...positional(rest),
    });
  }
  if (runner === "docker" && c.args[0] === "run") {
    const withValue = new Set([
      "-e",
      "--env",
      "-v",
      "--volume",
      "-p",
      "--publish",
      "--name",
      "--network",
      "-w",
      "--workdir",
    ]);
    let i = 1;
    while (i < c.args.length && c.args[i]!.startsWith("-")) i += withValue.has(c.args[i]!) ? 2 : 1;
    const image = c.args[i];
    if (!image) return undefined;
    const tag = /:([^/:]+)$/.exec(image);
    return withEnv({
      registryType: "oci",
      identifier: tag ? image.slice(0, tag.index) : image,
      ...(tag ? { version: tag[1] } : {}),
      transport: { type: "stdio" },
      ...positional(c.args.slice(i + 1)),
    });
  }
  return undefined;
}

/** A new server.json's own fields, for a connection that did not come from one. */
export function newDocument(name: string): Record<string, unknown> {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "server";
  return {
    $schema: SERVER_SCHEMA,
    name: `io.github.your-name/${slug}`,
    description: name,
    version: "1.0.0",
  };
}
