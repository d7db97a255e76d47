import type { ListKind } from "../base";
import { matchText } from "./match";

/**
 * The command palette's entries: the page's actions (those a mounted part of the page can run right
 * now), the session's tabs, and every tool, resource, resource template and prompt of the session.
 */
export type EntryKind = "action" | "tab" | ListKind;

export interface PaletteEntry {
  /** `action:<id>`, `tab:<tab>` or `<list kind>:<key>` (name, URI or URI template). */
  id: string;
  kind: EntryKind;
  label: string;
  /** A second line: a title or description, matched too but weaker than the label. */
  detail?: string;
  /** Other words that find it ("switch", "view"), matched but never shown. */
  keywords?: string;
}

export const KIND_LABELS: Record<EntryKind, string> = {
  action: "Action",
  tab: "Tab",
  tools: "Tool",
  resources: "Resource",
  resourceTemplates: "Resource template",
  prompts: "Prompt",
};

/** Every action the palette knows, by id; the page registers a handler for those it can run. */
export const ACTIONS = [
  { id: "connection.new", label: "New connection", keywords: "add server" },
  { id: "connection.connect", label: "Connect", keywords: "start open" },
  { id: "connection.disconnect", label: "Disconnect", keywords: "stop close" },
  { id: "connection.reconnect", label: "Reconnect", keywords: "restart retry" },
  { id: "config.import", label: "Import config…", keywords: "claude desktop cursor vs code mcp.json server.json" },
  { id: "config.export", label: "Export / copy as config…", keywords: "snippet claude desktop cursor vs code" },
  { id: "recording.open", label: "Open recording…", keywords: "file load replay" },
  { id: "recording.save", label: "Export recording", keywords: "save download file" },
  { id: "traffic.toggle", label: "Show or hide the traffic panel", keywords: "toggle dock log collapse" },
  { id: "theme.system", label: "Theme: system", keywords: "appearance color os auto" },
  { id: "theme.light", label: "Theme: light", keywords: "appearance color" },
  { id: "theme.dark", label: "Theme: dark", keywords: "appearance color night" },
  { id: "help.shortcuts", label: "Keyboard shortcuts", keywords: "help keys ?" },
] as const satisfies readonly { id: string; label: string; keywords: string }[];

export type ActionId = (typeof ACTIONS)[number]["id"];

/** The actions whose ids `available` holds, in the catalogue's order. */
export function actionEntries(available: (id: ActionId) => boolean): PaletteEntry[] {
  return ACTIONS.filter((a) => available(a.id)).map((a) => ({
    id: `action:${a.id}`,
    kind: "action",
    label: a.label,
    keywords: a.keywords,
  }));
}

export function tabEntries(tabs: readonly { id: string; label: string }[]): PaletteEntry[] {
  return tabs.map((t) => ({ id: `tab:${t.id}`, kind: "tab", label: t.label, keywords: "tab view go switch" }));
}

/** What the lists hold, as far as the palette needs it. */
export interface PaletteLists {
  tools: readonly { name: string; title?: string; description?: string }[];
  resources: readonly { uri: string; name: string; title?: string }[];
  resourceTemplates: readonly { uriTemplate: string; name: string; title?: string }[];
  prompts: readonly { name: string; title?: string; description?: string }[];
}

/** Every entry of the session's lists, with the key its view selects it by. */
export function listEntries(lists: PaletteLists): PaletteEntry[] {
  const oneLine = (s: string | undefined) => s?.split("\n", 1)[0]?.slice(0, 200);
  return [
    ...lists.tools.map((t) => entry("tools", t.name, t.name, oneLine(t.title ?? t.description))),
    ...lists.resources.map((r) => entry("resources", r.uri, r.name, r.uri)),
    ...lists.resourceTemplates.map((r) => entry("resourceTemplates", r.uriTemplate, r.name, r.uriTemplate)),
    ...lists.prompts.map((p) => entry("prompts", p.name, p.name, oneLine(p.title ?? p.description))),
  ];
}

function entry(kind: ListKind, key: string, label: string, detail: string | undefined): PaletteEntry {
  return { id: `${kind}:${key}`, kind, label, detail: detail && detail !== label ? detail : undefined };
}

/** An entry's id read back: what to run or open. */
export function parseEntryId(
  id: string,
): { kind: "action"; action: string } | { kind: "tab"; tab: string } | { kind: ListKind; key: string } | undefined {
  const colon = id.indexOf(":");
  if (colon < 0) return undefined;
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (kind === "action") return { kind, action: rest };
  if (kind === "tab") return { kind, tab: rest };
  if (kind === "tools" || kind === "resources" || kind === "resourceTemplates" || kind === "prompts")
    return { kind, key: rest };
  return undefined;
}

export interface RankedEntry {
  entry: PaletteEntry;
  /** Spans of the label to highlight (none when only the detail or keywords matched). */
  ranges: [number, number][];
  score: number;
}

/**
 * The entries matching `query`, best first (ties keep the given order); every entry for an empty
 * query, in order. At most `limit` come back: a server of 5,000 tools stays quick to filter.
 */
export function rankEntries(query: string, entries: readonly PaletteEntry[], limit = 100): RankedEntry[] {
  if (!query.trim()) return entries.slice(0, limit).map((entry) => ({ entry, ranges: [], score: 0 }));
  const ranked: (RankedEntry & { index: number })[] = [];
  entries.forEach((entry, index) => {
    const label = matchText(query, entry.label);
    if (label) {
      ranked.push({ entry, ranges: label.ranges, score: label.score, index });
      return;
    }
    // By its detail or keywords: whole words only (no fuzzy letters), below any label match.
    const other = [entry.detail, entry.keywords]
      .map((text) => (text ? matchText(query, text) : undefined))
      .filter((m) => m !== undefined && m.score >= 600);
    if (other.length > 0)
      ranked.push({ entry, ranges: [], score: Math.max(...other.map((m) => m!.score)) / 10, index });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, limit).map(({ entry, ranges, score }) => ({ entry, ranges, score }));
}
