import type { Client, StandardSchemaV1 } from "@modelcontextprotocol/client";
import { splitEntries } from "./listEntries";
import { setAsideInvalidHeaders } from "./toolHeaderRules";
import type { InvalidEntry, ListKind, ListState } from "../base";
import { errorMessage } from "../base";

export const LIST_METHODS: {
  kind: ListKind;
  capability: "tools" | "resources" | "prompts";
  label: string;
  method: string;
  field: string;
}[] = [
  { kind: "tools", capability: "tools", label: "Tools", method: "tools/list", field: "tools" },
  { kind: "resources", capability: "resources", label: "Resources", method: "resources/list", field: "resources" },
  {
    kind: "resourceTemplates",
    capability: "resources",
    label: "Resource templates",
    method: "resources/templates/list",
    field: "resourceTemplates",
  },
  { kind: "prompts", capability: "prompts", label: "Prompts", method: "prompts/list", field: "prompts" },
];

/** How many pages a list may take before it is taken for a server that never ends it (ours and the SDK client's limit). */
export const MAX_PAGES = 10_000;

/** Takes a result as it came: entries are checked one by one below, not by the SDK as a whole. */
const AsSent: StandardSchemaV1<unknown, unknown> = {
  "~standard": { version: 1, vendor: "mcp-lens", validate: (value) => ({ value }) },
};

/**
 * Load one list in full, every page (following `nextCursor`), reporting loading → ready/error. Pages
 * are requested raw and each entry validated on its own: the usable ones are listed, the invalid
 * ones set aside with their violations, so one bad entry never hides the rest.
 */
export async function loadList(
  client: Client,
  kind: ListKind,
  reason: ListState<unknown>["reason"],
  update: (list: ListState<unknown>) => void,
  previous: ListState<unknown>,
  /** `headerRules`: tools whose SEP-2243 x-mcp-header annotations break the rules are set aside (2026 era over Streamable HTTP). */
  options: { headerRules?: boolean } = {},
): Promise<void> {
  const spec = LIST_METHODS.find((m) => m.kind === kind)!;
  if (!client.getServerCapabilities()?.[spec.capability]) {
    update({ status: "unsupported", items: [] });
    return;
  }
  update({ ...previous, status: "loading" });
  const items: unknown[] = [];
  const invalid: InvalidEntry[] = [];
  try {
    const seen = new Set<string>();
    const request = (cursor: string | undefined) => {
      const sent = client.request(
        { method: spec.method, params: cursor === undefined ? {} : { cursor } } as never,
        AsSent,
      );
      sent.catch(() => {}); // awaited below; a page asked for ahead of a failure is not an unhandled rejection
      return sent;
    };
    let pending = request(undefined);
    for (let page = 1; ; page++) {
      const result = await pending;
      const entries = (result as Record<string, unknown> | null)?.[spec.field];
      if (!Array.isArray(entries))
        throw new Error(`Invalid result for ${spec.method}: "${spec.field}" is ${describe(entries)}, not an array`);
      const next = (result as { nextCursor?: unknown }).nextCursor;
      const last = next === undefined || next === null || next === "";
      if (!last) {
        if (typeof next !== "string")
          throw new Error(`Invalid result for ${spec.method}: nextCursor is ${describe(next)}, not a string`);
        if (seen.has(next))
          throw new Error(`${spec.method} sent the cursor ${JSON.stringify(next.slice(0, 80))} twice: the pages loop`);
        if (page >= MAX_PAGES) throw new Error(`${spec.method} did not end after ${MAX_PAGES} pages`);
        seen.add(next);
        // The next page is asked for before this one's entries are checked: the server works while the page does.
        pending = request(next);
      }
      const offset = items.length + invalid.length;
      const split = splitEntries(kind, entries, offset);
      const usable =
        kind === "tools" && options.headerRules ? setAsideInvalidHeaders(split, offset, entries.length) : split;
      items.push(...usable.valid);
      invalid.push(...usable.invalid);
      if (last) break;
    }
    update({ status: "ready", items, invalid, loadedAt: Date.now(), reason });
  } catch (error) {
    const message = errorMessage(error);
    // What was read before the failure is still shown.
    update({ status: "error", items: items.length ? items : previous.items, invalid, error: message, reason });
  }
}

function describe(value: unknown): string {
  return value === undefined
    ? "missing"
    : value === null
      ? "null"
      : Array.isArray(value)
        ? "an array"
        : typeof value === "object"
          ? "an object"
          : `a ${typeof value}`;
}
