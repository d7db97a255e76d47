import { describe, expect, it } from "vitest";
import { addConnection, deleteConnection, saveConnection, selectConnection } from "./actions";
import { createConnectionsStore } from "./connectionsStore";
import { loadConnections, saveConnections, STORAGE_KEY, type StorageLike } from "./storage";

function memory(initial?: string): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("saved connections", () => {
  it("round-trips and keeps secret values out of storage", () => {
    const storage = memory();
    saveConnections(storage, [
      {
        id: "a",
        name: "A",
        transport: "streamable-http",
        protocol: "auto",
        url: "http://127.0.0.1:1/mcp",
        headers: [
          { name: "Authorization", value: "Bearer s3cret", secret: true },
          { name: "X-Plain", value: "ok", secret: false },
        ],
      },
    ]);
    expect(storage.data.get(STORAGE_KEY)).not.toContain("s3cret");
    const { connections, problems } = loadConnections(storage);
    expect(problems).toEqual([]);
    expect(connections[0]).toMatchObject({
      id: "a",
      headers: [
        { name: "Authorization", value: "" },
        { name: "X-Plain", value: "ok" },
      ],
    });
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!).v).toBe(1);
  });

  it("keeps a connection's OAuth client id, metadata URL and scopes, never its client secret", () => {
    const storage = memory();
    const oauth = { clientId: "lens", clientSecret: "oauth-s3cret", clientMetadataUrl: "", scope: "mcp admin" };
    saveConnections(storage, [
      {
        id: "o",
        name: "O",
        transport: "streamable-http",
        protocol: "auto",
        url: "http://127.0.0.1:1/mcp",
        headers: [],
        oauth,
      },
    ]);
    expect(storage.data.get(STORAGE_KEY)).not.toContain("oauth-s3cret");
    expect(loadConnections(storage).connections[0]).toMatchObject({ oauth: { ...oauth, clientSecret: "" } });
  });

  it("keeps a connection's roots (and an entry saved before roots existed still loads)", () => {
    const storage = memory();
    const roots = [{ uri: "file:///home/me/project", name: "project" }, { uri: "file:///tmp" }];
    saveConnections(storage, [
      { id: "r", name: "R", transport: "stdio", protocol: "auto", command: "x", args: [], env: [], cwd: "", roots },
    ]);
    expect(loadConnections(storage).connections[0]?.roots).toEqual(roots);
    const old = memory(
      JSON.stringify({ v: 1, connections: [{ id: "o", name: "O", transport: "stdio", command: "x" }] }),
    );
    expect(loadConnections(old).connections[0]?.roots).toBeUndefined();
  });

  it("reports unreadable entries and keeps the readable ones", () => {
    const storage = memory(
      JSON.stringify({
        v: 1,
        connections: [
          { id: "b", name: "B", transport: "stdio", command: "x" },
          { name: "Broken", transport: "carrier-pigeon" },
        ],
      }),
    );
    const { connections, problems } = loadConnections(storage);
    expect(connections.map((c) => c.id)).toEqual(["b"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"Broken"');
  });

  it("reports garbage and newer formats instead of crashing", () => {
    expect(loadConnections(memory("{not json")).problems[0]).toMatch(/not valid JSON/);
    expect(loadConnections(memory(JSON.stringify({ v: 99, connections: [] }))).problems[0]).toMatch(/newer/);
    const unknown = loadConnections(
      memory(JSON.stringify({ v: 0, connections: [{ id: "z", name: "Z", transport: "stdio", command: "x" }] })),
    );
    expect(unknown).toEqual({
      connections: [],
      problems: ["Saved connections have a format version this MCP Lens does not know (v0) and were not loaded."],
    });
  });
});

describe("the connection store over storage", () => {
  const demo = {
    id: "demo",
    name: "Demo",
    transport: "streamable-http" as const,
    protocol: "auto" as const,
    url: "http://127.0.0.1:2/mcp",
    headers: [],
  };
  it("keeps the selection across a reload, but not a draft's or a forgotten one's; a draft is never stored", () => {
    const storage = memory();
    const first = createConnectionsStore([demo], storage);
    saveConnection(first, { ...demo, id: "c-a", name: "A" });
    saveConnection(first, { ...demo, id: "c-b", name: "B" });
    selectConnection(first, "c-a");
    addConnection(first, () => 5); // a draft, selected: the stored selection stays on A
    expect(createConnectionsStore([demo], storage).get().selectedId).toBe("c-a");
    expect(loadConnections(storage).connections.map((c) => c.id)).toEqual(["c-a", "c-b"]);
    selectConnection(first, "c-b");
    const reloaded = createConnectionsStore([demo], storage);
    expect(reloaded.get().selectedId).toBe("c-b");
    expect(reloaded.get().draft).toBeUndefined();
    deleteConnection(reloaded, "c-b");
    expect(createConnectionsStore([demo], storage).get().selectedId).toBe("demo");
  });
});
