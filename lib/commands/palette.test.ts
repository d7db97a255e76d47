import { describe, expect, it } from "vitest";
import { ACTIONS, actionEntries, listEntries, parseEntryId, rankEntries, tabEntries } from "./palette";

const lists = {
  tools: [
    { name: "echo", description: "Echoes back the input" },
    { name: "get-tiny-image", title: "Tiny image" },
    { name: "longRunningOperation", description: "A long one\nsecond line" },
  ],
  resources: [{ uri: "test://static/resource/1", name: "Resource 1" }],
  resourceTemplates: [{ uriTemplate: "test://static/resource/{id}", name: "Static Resource" }],
  prompts: [{ name: "simple_prompt", description: "A prompt without arguments" }],
};

describe("palette entries", () => {
  it("lists every tool, resource, template and prompt with the key its view selects it by", () => {
    const entries = listEntries(lists);
    expect(entries.map((e) => e.id)).toEqual([
      "tools:echo",
      "tools:get-tiny-image",
      "tools:longRunningOperation",
      "resources:test://static/resource/1",
      "resourceTemplates:test://static/resource/{id}",
      "prompts:simple_prompt",
    ]);
    expect(entries[0]!.detail).toBe("Echoes back the input");
    expect(entries[1]!.detail).toBe("Tiny image");
    expect(entries[2]!.detail).toBe("A long one");
    expect(entries[3]).toMatchObject({ kind: "resources", label: "Resource 1", detail: "test://static/resource/1" });
  });

  it("offers only the actions the page can run now, in the catalogue's order", () => {
    const can = new Set<string>(["theme.dark", "connection.new", "help.shortcuts"]);
    expect(actionEntries((id) => can.has(id)).map((e) => e.id)).toEqual([
      "action:connection.new",
      "action:theme.dark",
      "action:help.shortcuts",
    ]);
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
  });

  it("reads an id back, a key holding colons included", () => {
    expect(parseEntryId("resources:test://static/resource/1")).toEqual({
      kind: "resources",
      key: "test://static/resource/1",
    });
    expect(parseEntryId("tab:tools")).toEqual({ kind: "tab", tab: "tools" });
    expect(parseEntryId("action:theme.dark")).toEqual({ kind: "action", action: "theme.dark" });
    expect(parseEntryId("nonsense")).toBeUndefined();
    expect(parseEntryId("other:x")).toBeUndefined();
  });
});

describe("rankEntries", () => {
  const entries = [
    ...tabEntries([
      { id: "handshake", label: "Handshake" },
      { id: "tools", label: "Tools" },
      { id: "prompts", label: "Prompts" },
    ]),
    ...actionEntries(() => true),
    ...listEntries(lists),
  ];
  const ids = (q: string) => rankEntries(q, entries).map((r) => r.entry.id);

  it("keeps the given order for an empty query", () => {
    expect(ids("")).toEqual(entries.map((e) => e.id));
  });

  it("puts a name's prefix first and highlights it", () => {
    const [first] = rankEntries("tiny", entries);
    expect(first!.entry.id).toBe("tools:get-tiny-image");
    expect(first!.ranges).toEqual([[4, 8]]);
    expect(ids("prom")[0]).toBe("tab:prompts");
    expect(ids("echo")[0]).toBe("tools:echo");
  });

  it("finds by fuzzy letters, by every word, and by detail or keywords (without a highlight)", () => {
    expect(ids("lro")[0]).toBe("tools:longRunningOperation");
    expect(ids("theme dark")[0]).toBe("action:theme.dark");
    const byDetail = rankEntries("echoes back", entries);
    expect(byDetail.map((r) => r.entry.id)).toEqual(["tools:echo"]);
    expect(byDetail[0]!.ranges).toEqual([]);
    expect(ids("snippet")).toEqual(["action:config.export"]);
  });

  it("drops what does not match, and stops at the limit", () => {
    expect(ids("zzzz")).toEqual([]);
    const many = listEntries({
      ...lists,
      tools: Array.from({ length: 5000 }, (_, i) => ({ name: `tool-${i}` })),
    });
    expect(rankEntries("tool", many, 50)).toHaveLength(50);
  });
});
