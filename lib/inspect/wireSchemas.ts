/**
 * The SDK's own per-era wire schemas, reached through its codec. `@modelcontextprotocol/client` 2.4
 * ships exactly two: the 2025-11-25 codec (used for every legacy version) and the 2026-07-28 codec.
 * They are not public exports, but `Protocol` hands the codec of its negotiated version to
 * subclasses (`_wireCodec()`), so a never-connected Client subclass gives us the very schemas the
 * SDK validates traffic with, with no copy of the MCP schema here.
 */
import { Client, LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/client";

class WireSchemaProbe extends Client {
  constructor(protocolVersion: string) {
    super({ name: "mcp-lens-validator", version: "0" });
    this._negotiatedProtocolVersion = protocolVersion;
  }

  codec() {
    return this._wireCodec();
  }
}

export type WireCodec = ReturnType<WireSchemaProbe["codec"]>;

/** The SDK's latest legacy revision, where the legacy codec's schemas come from. */
export const LEGACY_SCHEMA_VERSION = LATEST_PROTOCOL_VERSION;

const codecs = new Map<string, WireCodec>();

/** The codec the SDK would speak for a negotiated version (unknown or legacy → the 2025 codec). */
export function codecFor(protocolVersion: string): WireCodec {
  let codec = codecs.get(protocolVersion);
  if (!codec) {
    codec = new WireSchemaProbe(protocolVersion).codec();
    codecs.set(protocolVersion, codec);
  }
  return codec;
}

/** Lifecycle methods name their own era, as the SDK's bootstrap does before negotiation. */
export function pinnedVersion(method: string): string | undefined {
  if (method === "initialize" || method === "notifications/initialized") return LEGACY_SCHEMA_VERSION;
  if (method === "server/discover") return "2026-07-28";
  return undefined;
}

/** Why the schema checked against is not the version's own, when it is not. */
export function schemaNote(protocolVersion: string, schemaVersion: string): string | undefined {
  if (protocolVersion === schemaVersion) return undefined;
  return `The SDK ships no ${protocolVersion} schema; checked against ${schemaVersion}, the nearest one it ships`;
}

/** True when some era's codec knows the request method (else it is an extension method). */
export function isSpecRequest(method: string): boolean {
  return codecFor(LEGACY_SCHEMA_VERSION).hasRequestMethod(method) || codecFor("2026-07-28").hasRequestMethod(method);
}

export function isSpecNotification(method: string): boolean {
  return (
    codecFor(LEGACY_SCHEMA_VERSION).hasNotificationMethod(method) ||
    codecFor("2026-07-28").hasNotificationMethod(method)
  );
}
