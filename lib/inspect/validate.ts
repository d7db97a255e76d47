import { errorMessage } from "../base";
/**
 * Validation of the frames of a traffic log: JSON, the JSON-RPC envelope and pairing, then the
 * MCP schema of the negotiated protocol version (the SDK's own, see wireSchemas.ts). Lazy: a frame
 * is checked when someone asks, and the answer is cached by seq.
 */
import type { FrameEntry, RequestId, RpcInfo, TrafficEntry } from "../traffic";
import { formatBytes } from "../traffic";
import { checkEnvelope, pairingViolation, violationsFromRpc } from "./jsonrpc";
import { checkError, checkNotification, checkRequest, checkResult, versionFor, type SchemaCheck } from "./schemaCheck";
import type { FrameValidity, ValidationStatus, Violation } from "../base";
import { schemaNote } from "./wireSchemas";

export type { FrameValidity, ValidationStatus, Violation } from "../base";

/** Frames above this size are not parsed for schema validation (their JSON-RPC facts still count). */
export const DEFAULT_VALIDATION_LIMIT = 4 * 1024 * 1024;

/** How far back a batch member's request is looked for (single responses use the log's pairing). */
const BATCH_PAIR_WINDOW = 5000;

export interface ValidateOptions {
  /** The negotiated protocol version; without it only lifecycle methods get a schema check. */
  protocolVersion?: string;
  maxBytes?: number;
}

type Segment = string | number;

export function validateFrame(
  entry: FrameEntry,
  entries: readonly TrafficEntry[],
  options: ValidateOptions = {},
): FrameValidity {
  const maxBytes = options.maxBytes ?? DEFAULT_VALIDATION_LIMIT;
  const pairing = pairingViolation(entry);
  const known = [...violationsFromRpc(entry.rpc), ...(pairing ? [pairing] : [])];
  if (entry.channel.transport === "app")
    // Between an MCP App view and MCP Lens: lib/apps checks it against the MCP Apps schemas as it arrives (its `problem`).
    return {
      status: known.length > 0 ? "invalid" : "unchecked",
      violations: known,
      note: "A message between an MCP App view and its host: checked against the MCP Apps extension's schemas (see its flags), not the MCP schema",
    };
  if (entry.truncated || entry.size > maxBytes) {
    const note = entry.truncated
      ? `Stored cut at the log's frame limit (original ${formatBytes(entry.size)}), so it cannot be parsed; schema not checked`
      : `${formatBytes(entry.size)} is above the ${formatBytes(maxBytes)} validation limit; schema not checked`;
    return { status: known.length > 0 ? "invalid" : "unchecked", violations: known, note };
  }
  if (entry.rpc.type === "invalid-json") return { status: "invalid", violations: known };

  let value: unknown;
  try {
    value = JSON.parse(entry.raw);
  } catch (e) {
    // Only a log rebuilt from an edited recording gets here: its classification says JSON.
    return {
      status: "invalid",
      violations: [{ path: "(root)", message: `Invalid JSON: ${errorMessage(e)}`, source: "json" }],
    };
  }
  const violations: Violation[] = [];
  const checks: SchemaCheck[] = [];
  const version = options.protocolVersion;
  const checkOne = (message: unknown, at: Segment[]) => {
    const env = checkEnvelope(message, at, violations);
    const m = message as Record<string, unknown>;
    const need = (method: string, run: (v: string) => SchemaCheck) => {
      const v = versionFor(method, version);
      checks.push(v ? run(v) : { checked: false, note: "The protocol version is not known yet, so no schema applies" });
    };
    switch (env.type) {
      case "request":
        return need(env.method, (v) => checkRequest(value, m, at, env.method, v, violations));
      case "notification":
        return need(env.method, (v) => checkNotification(value, m, at, env.method, v, violations));
      case "result": {
        const method = env.id === null ? undefined : requestMethod(entry, entries, env.id);
        if (method === undefined)
          checks.push({ checked: false, note: "No request answered by this result, so its schema is unknown" });
        else need(method, (v) => checkResult(value, m, at, method, v, violations));
        return;
      }
      case "error":
        checks.push(checkError(value, m, at, violations));
        return;
      case "broken":
        checks.push({ checked: true });
    }
  };

  if (Array.isArray(value)) {
    if (value.length === 0)
      violations.push({
        path: "(root)",
        found: "[]",
        message: "An empty batch is not valid JSON-RPC",
        source: "jsonrpc",
      });
    if (version !== undefined && version >= "2025-06-18") {
      violations.push({
        path: "(root)",
        message: `JSON-RPC batches were removed in 2025-06-18; this session speaks ${version}`,
        source: "jsonrpc",
      });
    }
    value.forEach((item, i) => checkOne(item, [i]));
  } else checkOne(value, []);
  if (pairing) violations.push(pairing);

  const schemaVersion = checks.find((c) => c.schemaVersion)?.schemaVersion;
  const notes = new Set(checks.map((c) => c.note).filter((n): n is string => n !== undefined));
  if (version && schemaVersion) {
    const approx = schemaNote(version, schemaVersion);
    if (approx) notes.add(approx);
  }
  const status: ValidationStatus =
    violations.length > 0 ? "invalid" : checks.every((c) => c.checked) ? "valid" : "unchecked";
  return {
    status,
    violations,
    ...(schemaVersion && { schemaVersion }),
    ...(notes.size > 0 && { note: [...notes].join(". ") }),
  };
}

/** The method of the request a response (or a batch member with `id`) answers. */
function requestMethod(entry: FrameEntry, entries: readonly TrafficEntry[], id: RequestId): string | undefined {
  if (entry.rpc.type !== "batch" && entry.pairedSeq !== undefined) {
    const request = entries[entry.pairedSeq];
    return request?.kind === "frame" ? methodOfId(request.rpc, id) : undefined;
  }
  if (entry.rpc.type !== "batch") return undefined;
  const from = Math.max(0, entry.seq - BATCH_PAIR_WINDOW);
  for (let i = entry.seq - 1; i >= from; i--) {
    const e = entries[i];
    if (e?.kind !== "frame" || e.direction === entry.direction) continue;
    const method = methodOfId(e.rpc, id);
    if (method !== undefined) return method;
  }
  return undefined;
}

function methodOfId(rpc: RpcInfo, id: RequestId): string | undefined {
  if (rpc.type === "request") return rpc.id === id ? rpc.method : undefined;
  if (rpc.type === "batch")
    for (const item of rpc.items) if (item.type === "request" && item.id === id) return item.method;
  return undefined;
}

/**
 * Per-log validation on demand, cached by seq. The protocol version is read on each call (a live
 * session learns it after the first frames); a cached answer for another version is redone.
 */
export class FrameValidator {
  private readonly cache = new Map<number, { version: string | undefined; result: FrameValidity }>();

  constructor(
    private readonly log: { readonly entries: readonly TrafficEntry[] },
    private readonly options: { protocolVersion?: () => string | undefined; maxBytes?: number } = {},
  ) {}

  /** The validity of the frame at `seq`; undefined for entries that are not frames. */
  validate(seq: number): FrameValidity | undefined {
    const entry = this.log.entries[seq];
    if (entry?.kind !== "frame") return undefined;
    const version = this.options.protocolVersion?.();
    const cached = this.cache.get(seq);
    if (cached && cached.version === version) return cached.result;
    const result = validateFrame(entry, this.log.entries, {
      protocolVersion: version,
      maxBytes: this.options.maxBytes,
    });
    this.cache.set(seq, { version, result });
    return result;
  }

  /** The cached answer, if this frame was already checked for the current version: never validates. */
  peek(seq: number): FrameValidity | undefined {
    const cached = this.cache.get(seq);
    return cached && cached.version === this.options.protocolVersion?.() ? cached.result : undefined;
  }

  /** Shaped for `compileQuery`'s `validity` option. */
  readonly status = (entry: TrafficEntry): ValidationStatus | undefined => this.validate(entry.seq)?.status;
}
