/** The recording file format (v2: events carry `source` and `code`), validated on import. MCP shapes inside use the SDK's own guards. */
import {
  isSpecType,
  type ClientCapabilities,
  type Implementation,
  type ServerCapabilities,
} from "@modelcontextprotocol/client";
import { z } from "../base";
import { ConnectionConfigSchema, type ConnectionConfig } from "../base";
import type { Channel, RpcInfo, TrafficEntry } from "../traffic";
import { EVENT_CODES, EVENT_SOURCES, type EventCode } from "../traffic";

export const RECORDING_FORMAT = "mcp-lens-recording";
/** v1: the first format. v2: events gained `source` and `code` (recordingMigration.ts lifts v1 files). */
export const RECORDING_VERSION = 2;

export interface NegotiatedInfo {
  protocolVersion?: string;
  era?: "legacy" | "modern";
  serverInfo?: Implementation;
  serverCapabilities?: ServerCapabilities;
  clientCapabilities: ClientCapabilities;
  instructions?: string;
}

export interface Recording {
  format: typeof RECORDING_FORMAT;
  v: typeof RECORDING_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  /** The connection, secrets redacted. */
  connection: ConnectionConfig;
  negotiated: NegotiatedInfo;
  traffic: TrafficEntry[];
}

const RequestId = z.union([z.string(), z.number()]);

const RpcInfoSchema: z.ZodType<RpcInfo> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("request"), id: RequestId, method: z.string(), subject: z.string().optional() }),
    z.object({ type: z.literal("notification"), method: z.string(), subject: z.string().optional() }),
    z.object({ type: z.literal("result"), id: RequestId }),
    z.object({ type: z.literal("error"), id: RequestId.nullable(), code: z.number(), message: z.string() }),
    z.object({ type: z.literal("batch"), items: z.array(RpcInfoSchema) }),
    z.object({ type: z.literal("invalid-json"), reason: z.string() }),
    z.object({ type: z.literal("not-jsonrpc"), reason: z.string() }),
  ]),
);

const ChannelSchema: z.ZodType<Channel> = z.discriminatedUnion("transport", [
  z.object({ transport: z.literal("stdio") }),
  z.object({
    transport: z.literal("http"),
    exchange: z.number().int(),
    stream: z.enum(["request-body", "json-body", "sse"]),
    sseId: z.string().optional(),
    dataLines: z.number().int().min(0).optional(),
  }),
  z.object({ transport: z.literal("memory") }),
  z.object({ transport: z.literal("app"), view: z.string() }),
]);

const Seq = z.number().int().min(0);

const TrafficEntrySchema: z.ZodType<TrafficEntry> = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("frame"),
    seq: Seq,
    ts: z.number(),
    direction: z.enum(["outgoing", "incoming"]),
    raw: z.string(),
    size: z.number().int().min(0),
    truncated: z.boolean(),
    channel: ChannelSchema,
    rpc: RpcInfoSchema,
    pairedSeq: Seq.optional(),
    latencyMs: z.number().optional(),
    subject: z.string().optional(),
    cancelledSeq: Seq.optional(),
    lostSeq: Seq.optional(),
    problem: z.string().optional(),
    negotiation: z.string().optional(),
    expected: z.string().optional(),
    from: z.string().optional(),
  }),
  z.object({
    kind: z.literal("http"),
    seq: Seq,
    ts: z.number(),
    exchange: z.number().int(),
    phase: z.enum(["request", "response", "failed"]),
    method: z.string(),
    url: z.string(),
    status: z.number().int().optional(),
    headers: z.record(z.string(), z.string()),
    durationMs: z.number().optional(),
    note: z.string().optional(),
    negotiation: z.string().optional(),
    expected: z.string().optional(),
  }),
  z.object({ kind: z.literal("stderr"), seq: Seq, ts: z.number(), line: z.string() }),
  z.object({
    kind: z.literal("event"),
    seq: Seq,
    ts: z.number(),
    level: z.enum(["info", "warn", "error"]),
    source: z.enum(EVENT_SOURCES),
    code: z.enum(Object.keys(EVENT_CODES) as [EventCode, ...EventCode[]]),
    message: z.string(),
    mark: z.object({ type: z.enum(["session-ended", "session-started"]), reason: z.string() }).optional(),
  }),
  z.object({
    kind: z.literal("sse"),
    seq: Seq,
    ts: z.number(),
    exchange: z.number().int(),
    shape: z.enum(["priming", "empty", "id-only", "retry", "comment", "endpoint", "ignored"]),
    id: z.string().optional(),
    event: z.string().optional(),
    data: z.string().optional(),
    retryMs: z.number().optional(),
    comments: z.array(z.string()).optional(),
    problem: z.string().optional(),
  }),
]);

// MCP objects are checked with the SDK's guards and kept exactly as written (no stripping).
const NegotiatedSchema = z.object({
  protocolVersion: z.string().optional(),
  era: z.enum(["legacy", "modern"]).optional(),
  serverInfo: z
    .custom<Implementation>((v) => isSpecType.Implementation(v), "serverInfo is not an MCP Implementation")
    .optional(),
  serverCapabilities: z
    .custom<ServerCapabilities>(
      (v) => isSpecType.ServerCapabilities(v),
      "serverCapabilities are not MCP ServerCapabilities",
    )
    .optional(),
  clientCapabilities: z.custom<ClientCapabilities>(
    (v) => isSpecType.ClientCapabilities(v),
    "clientCapabilities are not MCP ClientCapabilities",
  ),
  instructions: z.string().optional(),
});

/** Everything but the traffic, which is checked entry by entry (see recording.ts: parsing yields between entries). */
export const RecordingHeadSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  v: z.literal(RECORDING_VERSION),
  exportedAt: z.string(),
  connection: ConnectionConfigSchema,
  negotiated: NegotiatedSchema,
  traffic: z.array(z.unknown()),
});

/** One traffic entry at position `i` of `count`: its shape, its seq, and a pairedSeq inside the log. */
export function checkTrafficEntry(
  raw: unknown,
  i: number,
  count: number,
): { entry: TrafficEntry } | { path: (string | number)[]; message: string } {
  const parsed = TrafficEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      path: ["traffic", i, ...(issue?.path ?? []).map((p) => (typeof p === "symbol" ? String(p) : p))],
      message: issue?.message ?? "invalid",
    };
  }
  const entry = parsed.data;
  if (entry.kind === "event" && EVENT_CODES[entry.code] !== entry.source)
    return {
      path: ["traffic", i, "source"],
      message: `event code "${entry.code}" is written by "${EVENT_CODES[entry.code]}", not "${entry.source}"`,
    };
  if (entry.seq !== i)
    return { path: ["traffic", i, "seq"], message: `entry ${i} has seq ${entry.seq}; entries must be in order` };
  if (entry.kind === "frame" && entry.pairedSeq !== undefined && entry.pairedSeq >= count)
    return { path: ["traffic", i, "pairedSeq"], message: `pairedSeq ${entry.pairedSeq} points past the end` };
  return { entry };
}
