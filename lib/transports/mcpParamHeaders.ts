/**
 * SEP-2243 custom headers (2026-07-28, Streamable HTTP): a tool's `inputSchema` property annotated
 * `"x-mcp-header": "Name"` is mirrored on each `tools/call` as an `Mcp-Param-Name` header, and a
 * tool whose annotations break the rules is excluded from the list (the spec's client MUST). The
 * SDK's own copy of these rules runs only inside `Client.callTool`/`listTools` (and never in a
 * browser); MCP Lens sends `tools/call` and lists tools raw, so it applies the same rules here.
 */

export const MCP_PARAM_PREFIX = "Mcp-Param-";
const KEY = "x-mcp-header";
/** RFC 9110 §5.1 token: no spaces, control characters, non-ASCII or delimiters. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE = new Set(["string", "integer", "boolean"]);
/** Subschemas a `properties` chain does not pass through: an annotation under them is invalid. */
const UNREACHABLE = [
  "items",
  "prefixItems",
  "contains",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "patternProperties",
  "dependentSchemas",
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "$defs",
  "definitions",
];
const NAMED_SUBSCHEMAS = new Set(["patternProperties", "dependentSchemas", "$defs", "definitions"]);

export interface HeaderDeclaration {
  /** Property names from the schema's root to the annotated property. */
  path: string[];
  headerName: string;
}

export type HeaderScan =
  | { valid: true; declarations: HeaderDeclaration[] }
  /** `pointer`: JSON pointer of the faulty annotation inside `inputSchema`. */
  | { valid: false; reason: string; pointer: string };

type Fault = { reason: string; pointer: string };

/** Every `x-mcp-header` declaration of a tool's `inputSchema`, or the first rule it breaks. */
export function scanHeaderDeclarations(inputSchema: unknown): HeaderScan {
  const declarations: HeaderDeclaration[] = [];
  const seen = new Map<string, string>();
  const visit = (node: unknown, schemaPath: string[], path: string[], reachable: boolean): Fault | undefined => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    const schema = node as Record<string, unknown>;
    if (KEY in schema) {
      const at = (reason: string): Fault => ({ reason, pointer: toPointer([...schemaPath, KEY]) });
      const where = path.length ? `property '${path.join(".")}'` : "the schema root";
      if (!reachable || path.length === 0)
        return at(`${where}: x-mcp-header is allowed only on properties reached through 'properties' alone`);
      const raw = schema[KEY];
      if (typeof raw !== "string" || raw.length === 0) return at(`${where}: x-mcp-header must be a non-empty string`);
      if (!TOKEN.test(raw))
        return at(
          `${where}: x-mcp-header '${raw}' is not an HTTP token (no spaces, colons, control or non-ASCII characters)`,
        );
      const type = typeof schema.type === "string" ? schema.type : undefined;
      if (!type || !PRIMITIVE.has(type))
        return at(
          `${where}: x-mcp-header is allowed only on string, integer or boolean properties, not ${type ?? "an untyped one"}`,
        );
      const prior = seen.get(raw.toLowerCase());
      if (prior !== undefined)
        return at(`${where}: x-mcp-header '${raw}' repeats '${prior}' (names are case-insensitive)`);
      seen.set(raw.toLowerCase(), raw);
      declarations.push({ path, headerName: raw });
    }
    if (schema.properties !== null && typeof schema.properties === "object") {
      for (const [key, child] of Object.entries(schema.properties)) {
        const fault = visit(child, [...schemaPath, "properties", key], [...path, key], reachable);
        if (fault) return fault;
      }
    }
    for (const keyword of UNREACHABLE) {
      const sub = schema[keyword];
      if (sub === undefined || sub === null || typeof sub !== "object") continue;
      const branches: [string, unknown][] = Array.isArray(sub)
        ? sub.map((s, i) => [String(i), s])
        : NAMED_SUBSCHEMAS.has(keyword)
          ? Object.entries(sub)
          : [["", sub]];
      for (const [key, branch] of branches) {
        const fault = visit(branch, [...schemaPath, keyword, ...(key ? [key] : [])], path, false);
        if (fault) return fault;
      }
    }
    return undefined;
  };
  const fault = visit(inputSchema, [], [], true);
  return fault ? { valid: false, ...fault } : { valid: true, declarations };
}

/**
 * The `Mcp-Param-*` headers for one call. A value that is null, absent or not a primitive is left
 * out (the spec's "omit"); strings that are not safe plain field values travel as `=?base64?…?=`.
 */
export function mcpParamHeaders(declarations: readonly HeaderDeclaration[], args: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, headerName } of declarations) {
    let value: unknown = args;
    for (const key of path)
      value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    const text = primitiveText(value);
    if (text !== undefined) out[`${MCP_PARAM_PREFIX}${headerName}`] = encodeHeaderValue(text);
  }
  return out;
}

function primitiveText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" && Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value)))
    return String(value);
  return undefined;
}

/** A plain ASCII value as is; anything else (non-ASCII, control characters, outer whitespace, empty) in Base64. */
export function encodeHeaderValue(value: string): string {
  const plain =
    value.length > 0 &&
    value === value.trim() &&
    !(value.startsWith("=?base64?") && value.endsWith("?=")) &&
    [...value].every((c) => c === "\t" || (c >= " " && c <= "~"));
  if (plain) return value;
  let binary = "";
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return `=?base64?${btoa(binary)}?=`;
}

function toPointer(path: readonly string[]): string {
  return path.map((s) => "/" + s.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
