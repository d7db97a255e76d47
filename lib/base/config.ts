import { z } from "./zod";
import { ClientFeatureSwitchesSchema } from "./featureSwitches";

export const PROTOCOL_CHOICES = ["auto", "2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"] as const;
export type ProtocolChoice = (typeof PROTOCOL_CHOICES)[number];
export const LEGACY_VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"] as const;

const KeyValue = z.object({ name: z.string(), value: z.string(), secret: z.boolean().default(false) });
export type KeyValue = z.infer<typeof KeyValue>;

/**
 * Where an imported connection came from (lib/connections/configs): the file's shape, the entry's
 * name there, and what MCP Lens does not use, kept so an export in the same shape gives it back.
 */
export const ImportOriginSchema = z.object({
  shape: z.string(),
  key: z.string(),
  /** The entry's fields MCP Lens does not use, as they were. */
  fields: z.record(z.string(), z.unknown()).default({}),
  /** `env:NAME` / `header:NAME` → the reference the file had there (`${input:token}`, `${API_KEY}`). */
  refs: z.record(z.string(), z.string()).optional(),
  /** VS Code `inputs` the entry refers to. */
  inputs: z.array(z.record(z.string(), z.unknown())).optional(),
  /** A registry server.json: its own fields other than `packages` and `remotes`. */
  document: z.record(z.string(), z.unknown()).optional(),
});
export type ImportOrigin = z.infer<typeof ImportOriginSchema>;

const Common = {
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  protocol: z.enum(PROTOCOL_CHOICES).default("auto"),
  /** Which client capabilities to declare and answer; all on when absent. */
  clientFeatures: ClientFeatureSwitchesSchema.optional(),
  /** The roots offered to the server (roots/list), as last saved with the connection. */
  roots: z
    .array(z.object({ uri: z.string(), name: z.string().optional() }))
    .max(1000)
    .optional(),
  /** Imported from a config file. */
  origin: ImportOriginSchema.optional(),
  /**
   * Came from outside (an imported file, a deep link, the command line): a stdio command is shown
   * whole and confirmed by the person before its first run (docs/security.md, rule 6).
   */
  unconfirmed: z.boolean().optional(),
};

export const StdioConnectionSchema = z.object({
  ...Common,
  transport: z.literal("stdio"),
  command: z.string(),
  args: z.array(z.string()).default([]),
  env: z.array(KeyValue).default([]),
  cwd: z.string().default(""),
});

/**
 * OAuth for a Streamable HTTP connection (issue 14): which client identity to use when the server
 * answers 401. A client id (and secret) of a pre-registered client, else a Client ID Metadata
 * Document URL, else dynamic registration. The secret is never saved (lib/connections/storage.ts).
 */
export const OAuthSettingsSchema = z.object({
  clientId: z.string().default(""),
  clientSecret: z.string().default(""),
  clientMetadataUrl: z.string().default(""),
  /** Space-separated scopes to ask for at the first authorization (else the server's). */
  scope: z.string().default(""),
});
export type OAuthSettings = z.infer<typeof OAuthSettingsSchema>;

export const HttpConnectionSchema = z.object({
  ...Common,
  transport: z.enum(["streamable-http", "sse"]),
  url: z.string(),
  headers: z.array(KeyValue).default([]),
  oauth: OAuthSettingsSchema.optional(),
});

export const ConnectionConfigSchema = z.discriminatedUnion("transport", [StdioConnectionSchema, HttpConnectionSchema]);
export type ConnectionConfig = z.infer<typeof ConnectionConfigSchema>;
export type StdioConnection = z.infer<typeof StdioConnectionSchema>;
export type HttpConnection = z.infer<typeof HttpConnectionSchema>;
export type TransportKind = ConnectionConfig["transport"];

export const TRANSPORT_LABELS: Record<TransportKind, string> = {
  stdio: "stdio",
  "streamable-http": "Streamable HTTP",
  sse: "SSE (legacy HTTP+SSE)",
};

/**
 * One argument as typed in the Arguments box: bare when it has no whitespace or quote, otherwise in
 * double quotes with `"` and `\` escaped. `splitArgs` reads it back.
 */
export function quoteArg(arg: string): string {
  return /^[^\s"']+$/.test(arg) ? arg : `"${arg.replace(/(["\\])/g, "\\$1")}"`;
}

/** The arguments as one line for the Arguments box: `splitArgs(joinArgs(args))` gives `args` back. */
export function joinArgs(args: readonly string[]): string {
  return args.map(quoteArg).join(" ");
}

/** Split a command line typed in one box into words, honouring quotes. No shell ever sees it. */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let current = "";
  let quote: '"' | "'" | undefined;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has || current) out.push(current);
      current = "";
      has = false;
    } else {
      current += c;
      has = true;
    }
  }
  if (has || current) out.push(current);
  return out;
}
