import type { Client } from "@modelcontextprotocol/client";
import type { ListKind, ListState } from "./state";

export const LIST_METHODS: { kind: ListKind; capability: "tools" | "resources" | "prompts"; label: string }[] = [
  { kind: "tools", capability: "tools", label: "Tools" },
  { kind: "resources", capability: "resources", label: "Resources" },
  { kind: "resourceTemplates", capability: "resources", label: "Resource templates" },
  { kind: "prompts", capability: "prompts", label: "Prompts" },
];

/** Load one list in full (every page: the SDK walks `nextCursor`), reporting loading → ready/error. */
export async function loadList(
  client: Client,
  kind: ListKind,
  reason: ListState<unknown>["reason"],
  update: (list: ListState<unknown>) => void,
  previous: ListState<unknown>,
): Promise<void> {
  const capability = LIST_METHODS.find((m) => m.kind === kind)!.capability;
  if (!client.getServerCapabilities()?.[capability]) {
    update({ status: "unsupported", items: [] });
    return;
  }
  update({ ...previous, status: "loading" });
  try {
    const options = { cacheMode: "refresh" } as const;
    const items =
      kind === "tools" ? (await client.listTools(undefined, options)).tools
      : kind === "resources" ? (await client.listResources(undefined, options)).resources
      : kind === "resourceTemplates" ? (await client.listResourceTemplates(undefined, options)).resourceTemplates
      : (await client.listPrompts(undefined, options)).prompts;
    update({ status: "ready", items, loadedAt: Date.now(), reason });
  } catch (error) {
    update({ status: "error", items: previous.items, error: error instanceof Error ? error.message : String(error), reason });
  }
}
