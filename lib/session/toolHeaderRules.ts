import type { InvalidEntry } from "../base";
import { scanHeaderDeclarations } from "../transports";

const RAW_LIMIT = 2000;

/**
 * SEP-2243: a Streamable HTTP client MUST exclude a tool whose `x-mcp-header` annotations break the
 * rules (empty, not an HTTP token, on a non-primitive or number property, repeated, or outside a
 * plain `properties` chain). Such a tool is set aside like any invalid entry, with the reason, so
 * the person sees why it cannot be called; the rest of the list stays usable.
 */
export function setAsideInvalidHeaders(
  split: { valid: unknown[]; invalid: InvalidEntry[] },
  /** Position of the page's first entry in the whole list, and the page's length. */
  offset: number,
  count: number,
): { valid: unknown[]; invalid: InvalidEntry[] } {
  const setAside = new Set(split.invalid.map((e) => e.index));
  const positions = Array.from({ length: count }, (_, i) => offset + i).filter((i) => !setAside.has(i));
  const valid: unknown[] = [];
  const invalid = [...split.invalid];
  for (const [j, tool] of split.valid.entries()) {
    const { name, inputSchema } = tool as { name: string; inputSchema?: unknown };
    const scan = scanHeaderDeclarations(inputSchema);
    if (scan.valid) {
      valid.push(tool);
      continue;
    }
    const raw = JSON.stringify(tool);
    invalid.push({
      index: positions[j] ?? offset + j,
      label: name,
      violations: [
        {
          path: `/inputSchema${scan.pointer}`,
          message: `Excluded from the tool list (SEP-2243: invalid x-mcp-header): ${scan.reason}`,
          source: "schema",
        },
      ],
      raw: raw.length > RAW_LIMIT ? `${raw.slice(0, RAW_LIMIT)}…` : raw,
    });
  }
  invalid.sort((a, b) => a.index - b.index);
  return { valid, invalid };
}
