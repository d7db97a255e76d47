import { specTypeSchemas } from "@modelcontextprotocol/client";
import { violationsFromIssues, type InvalidEntry, type ListKind, type ZodLikeIssue } from "../base";

const SCHEMA = {
  tools: "Tool",
  resources: "Resource",
  resourceTemplates: "ResourceTemplate",
  prompts: "Prompt",
} as const;
const KEY = { tools: "name", resources: "uri", resourceTemplates: "uriTemplate", prompts: "name" } as const;
const RAW_LIMIT = 2000;

/**
 * Validate each entry of a list on its own against the SDK's schema for it, so one bad entry does
 * not hide the others: the valid ones are kept (as parsed), the others set aside with their violations.
 */
export function splitEntries<T>(
  kind: ListKind,
  entries: readonly unknown[],
  offset = 0,
): { valid: T[]; invalid: InvalidEntry[] } {
  const schema = specTypeSchemas[SCHEMA[kind]]["~standard"];
  const valid: T[] = [];
  const invalid: InvalidEntry[] = [];
  entries.forEach((entry, i) => {
    const result = schema.validate(entry);
    if (!("issues" in result) || !result.issues) {
      valid.push(result.value as T);
      return;
    }
    const key = (entry as Record<string, unknown> | null)?.[KEY[kind]];
    const raw = safeJson(entry);
    invalid.push({
      index: offset + i,
      label: typeof key === "string" && key ? key : `#${offset + i}`,
      violations: violationsFromIssues(result.issues as readonly ZodLikeIssue[], entry, []),
      raw: raw.length > RAW_LIMIT ? `${raw.slice(0, RAW_LIMIT)}…` : raw,
    });
  });
  return { valid, invalid };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
