/**
 * One JSON-RPC message against the MCP schema of a protocol version, the way the SDK checks it:
 * lift the wire-only material (the `_meta` envelope, retry fields), then the era codec's
 * request / notification / result validators. Error responses use the core JSON-RPC schema.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  PROTOCOL_VERSION_META_KEY,
} from "@modelcontextprotocol/client";
import { JSONRPCErrorResponseSchema } from "@modelcontextprotocol/core";
import { codecFor, isSpecNotification, isSpecRequest, pinnedVersion, type WireCodec } from "./wireSchemas";
import {
  describeFound,
  isRecord,
  pointer,
  type Violation,
  violationsFromCodecMessage,
  violationsFromIssues,
} from "../base";

type Segment = string | number;
type Message = Record<string, unknown>;

export interface SchemaCheck {
  /** False when there was no schema to check against (an extension method, an unknown version…). */
  checked: boolean;
  schemaVersion?: string;
  note?: string;
}

const ENVELOPE_KEYS = [
  PROTOCOL_VERSION_META_KEY,
  CLIENT_INFO_META_KEY,
  CLIENT_CAPABILITIES_META_KEY,
  LOG_LEVEL_META_KEY,
];
const RETRY_KEYS = ["inputResponses", "requestState"];

/** The version whose codec applies: lifecycle methods pin their own era, the rest follow the session. */
export function versionFor(method: string, negotiated: string | undefined): string | undefined {
  const pinned = pinnedVersion(method);
  if (!pinned) return negotiated;
  return negotiated !== undefined && codecFor(negotiated).era === codecFor(pinned).era ? negotiated : pinned;
}

/** The message as the SDK's dispatch sees it: reserved envelope keys and retry fields removed. */
function lift(message: Message, kind: "request" | "notification"): Message {
  const params = message.params;
  if (!isRecord(params)) return message;
  const next: Message = { ...params };
  if (isRecord(params._meta)) {
    const meta: Message = { ...params._meta };
    for (const key of ENVELOPE_KEYS) delete meta[key];
    if (Object.keys(meta).length > 0) next._meta = meta;
    else delete next._meta;
  }
  if (kind === "request") for (const key of RETRY_KEYS) delete next[key];
  return { ...message, params: next };
}

function notInEra(
  codec: WireCodec,
  method: string,
  known: boolean,
  at: readonly Segment[],
  out: Violation[],
): SchemaCheck {
  if (!known)
    return { checked: false, schemaVersion: codec.era, note: `"${method}" is not an MCP method, so no schema applies` };
  const how = codec.hasInputRequestMethod(method)
    ? " as a JSON-RPC message (it travels inside an input_required result)"
    : "";
  out.push({
    path: pointer([...at, "method"]),
    found: JSON.stringify(method),
    message: `"${method}" is not part of protocol ${codec.era}${how}`,
    source: "schema",
  });
  return { checked: true, schemaVersion: codec.era };
}

export function checkRequest(
  root: unknown,
  message: Message,
  at: readonly Segment[],
  method: string,
  version: string,
  out: Violation[],
): SchemaCheck {
  const codec = codecFor(version);
  if (!codec.hasRequestMethod(method)) return notInEra(codec, method, isSpecRequest(method), at, out);
  const params = message.params;
  const meta = isRecord(params) && isRecord(params._meta) ? params._meta : {};
  for (const issue of codec.validateEnvelopeMeta(meta)) {
    const missing = issue.problem === "missing";
    out.push({
      path: pointer([...at, "params", "_meta", issue.key]),
      found: missing ? "missing" : undefined,
      message: missing
        ? `Missing _meta "${issue.key}": every ${codec.era} request must carry it`
        : `_meta "${issue.key}": ${issue.problem}`,
      source: "schema",
    });
  }
  const outcome = codec.validateRequest(method, lift(message, "request"));
  if (!outcome.ok && outcome.reason === "invalid") out.push(...violationsFromCodecMessage(outcome.message, root, at));
  return { checked: true, schemaVersion: codec.era };
}

export function checkNotification(
  root: unknown,
  message: Message,
  at: readonly Segment[],
  method: string,
  version: string,
  out: Violation[],
): SchemaCheck {
  const codec = codecFor(version);
  if (!codec.hasNotificationMethod(method)) return notInEra(codec, method, isSpecNotification(method), at, out);
  const outcome = codec.validateNotification(method, lift(message, "notification"));
  if (!outcome.ok && outcome.reason === "invalid") out.push(...violationsFromCodecMessage(outcome.message, root, at));
  return { checked: true, schemaVersion: codec.era };
}

/** A result, against the result schema of the method of the request it answers. */
export function checkResult(
  root: unknown,
  message: Message,
  at: readonly Segment[],
  method: string,
  version: string,
  out: Violation[],
): SchemaCheck {
  const codec = codecFor(version);
  if (!codec.hasRequestMethod(method))
    return { checked: false, schemaVersion: codec.era, note: `No ${codec.era} result schema for "${method}"` };
  const resultAt = [...at, "result"];
  const decoded = codec.decodeResult(method, message.result);
  if (decoded.kind === "invalid") {
    const data = decoded.error.data as { violation?: string } | undefined;
    if (data?.violation === "missing-resultType") {
      out.push({
        path: pointer([...resultAt, "resultType"]),
        expected: '"complete" | "input_required"',
        found: "missing",
        message: decoded.error.message,
        source: "schema",
      });
    } else out.push(...violationsFromCodecMessage(decoded.error.message, root, resultAt));
  } else if (decoded.kind === "input_required") {
    for (const [key, request] of Object.entries(decoded.inputRequests)) {
      const inner =
        isRecord(request) && typeof request.method === "string"
          ? codec.validateInputRequest(request.method, request)
          : undefined;
      const path = [...resultAt, "inputRequests", key];
      if (!inner || (!inner.ok && inner.reason === "not-in-era")) {
        out.push({
          path: pointer(path),
          found: describeFound(isRecord(request) ? request.method : request),
          message: "Not an input request this protocol defines",
          source: "schema",
        });
      } else if (!inner.ok) out.push(...violationsFromCodecMessage(inner.message, root, path));
    }
  } else {
    const outcome = codec.validateResult(method, decoded.result);
    if (!outcome.ok && outcome.reason === "invalid")
      out.push(...violationsFromCodecMessage(outcome.message, root, resultAt));
  }
  return { checked: true, schemaVersion: codec.era };
}

/** An error response's `error` member (code, message, data) against the SDK's JSON-RPC schema. */
export function checkError(root: unknown, message: Message, at: readonly Segment[], out: Violation[]): SchemaCheck {
  // The envelope (jsonrpc, id) was checked already; only the error member is judged here.
  const probe: Message = { ...message, jsonrpc: "2.0" };
  if (probe.id === null) delete probe.id;
  const parsed = JSONRPCErrorResponseSchema.safeParse(probe);
  if (!parsed.success)
    out.push(
      ...violationsFromIssues(
        parsed.error.issues.filter((i) => i.path[0] === "error"),
        root,
        at,
      ),
    );
  return { checked: true };
}
