import { describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../base";
import { Store } from "../base";
import {
  addConnection,
  addRecording,
  deleteConnection,
  dismissDeleted,
  dismissProblems,
  undoDelete,
  saveBeforeConnect,
  saveConnection,
  saveConnectionCopy,
  selectConnection,
} from "./actions";
import { allConnections, type ConnectionsState } from "./connectionsStore";

const everything: ConnectionConfig = {
  id: "everything",
  name: "Everything",
  transport: "stdio",
  protocol: "auto",
  command: "npx",
  args: [],
  env: [],
  cwd: "",
};
const mine: ConnectionConfig = {
  id: "c-mine",
  name: "Mine",
  transport: "streamable-http",
  protocol: "auto",
  url: "http://127.0.0.1:9/mcp",
  headers: [],
};
const clock = (ms: number) => () => ms;

function store(partial: Partial<ConnectionsState> = {}): Store<ConnectionsState> {
  return new Store<ConnectionsState>({
    builtIn: [everything],
    saved: [mine],
    recordings: [],
    selectedId: "everything",
    problems: [],
    ...partial,
  });
}

describe("connection actions", () => {
  it("adds a new HTTP connection with a clock-made id and selects it", () => {
    const s = store();
    const added = addConnection(s, clock(36 ** 3));
    expect(added).toEqual({
      id: "c-1000",
      name: "New connection",
      transport: "streamable-http",
      protocol: "auto",
      url: "http://127.0.0.1:3001/mcp",
      headers: [],
    });
    // A draft: listed and selected, not saved until Save or Connect.
    expect(s.get().saved.map((c) => c.id)).toEqual(["c-mine"]);
    expect(allConnections(s.get()).map((c) => c.id)).toEqual(["everything", "c-mine", "c-1000"]);
    expect(s.get().selectedId).toBe("c-1000");
    saveBeforeConnect(s, { ...added, name: "Typed" });
    expect(s.get().saved.map((c) => c.name)).toEqual(["Mine", "Typed"]);
    expect(s.get().draft).toBeUndefined();
    expect(allConnections(s.get())).toHaveLength(3);
  });

  it("discards an abandoned draft, and Delete of a saved one can be undone in place", () => {
    const s = store({ saved: [mine, { ...mine, id: "c-two", name: "Two" }] });
    const draft = addConnection(s, clock(1));
    deleteConnection(s, draft.id);
    expect(s.get().draft).toBeUndefined();
    expect(s.get().selectedId).toBe("everything");
    expect(s.get().deleted).toBeUndefined();
    selectConnection(s, "c-mine");
    deleteConnection(s, "c-mine");
    expect(s.get().saved.map((c) => c.id)).toEqual(["c-two"]);
    expect(s.get().deleted).toEqual({ config: mine, index: 0 });
    undoDelete(s);
    expect(s.get().saved.map((c) => c.id)).toEqual(["c-mine", "c-two"]);
    expect(s.get().selectedId).toBe("c-mine");
    expect(s.get().deleted).toBeUndefined();
    deleteConnection(s, "c-two");
    dismissDeleted(s);
    undoDelete(s);
    expect(s.get().saved.map((c) => c.id)).toEqual(["c-mine"]);
  });

  it("selects, saves in place and saves a copy", () => {
    const s = store();
    selectConnection(s, "c-mine");
    expect(s.get().selectedId).toBe("c-mine");
    saveConnection(s, { ...mine, name: "Renamed" });
    expect(s.get().saved).toEqual([{ ...mine, name: "Renamed" }]);
    const copy = saveConnectionCopy(s, everything, clock(35));
    expect(copy).toMatchObject({ id: "c-z", name: "Everything (copy)", command: "npx" });
    expect(s.get().saved.map((c) => c.id)).toEqual(["c-mine", "c-z"]);
    expect(s.get().selectedId).toBe("c-z");
    expect(s.get().builtIn).toEqual([everything]);
  });

  it("saves on Connect, except a built-in connection or a recording", () => {
    const s = store({ recordings: [{ ...mine, id: "rec-1" }] });
    const before = s.get();
    saveBeforeConnect(s, { ...everything, args: ["changed"] });
    saveBeforeConnect(s, { ...mine, id: "rec-1", name: "changed" });
    expect(s.get()).toBe(before);
    saveBeforeConnect(s, { ...mine, name: "Edited" });
    expect(s.get().saved).toEqual([{ ...mine, name: "Edited" }]);
  });

  it("deletes a saved connection, moving the selection to the first built-in one", () => {
    const s = store({ selectedId: "c-mine" });
    deleteConnection(s, "c-mine");
    expect(s.get().saved).toEqual([]);
    expect(s.get().selectedId).toBe("everything");
  });

  it("adds an opened recording as a connection of this tab, named after the file", () => {
    const s = store();
    const rec = addRecording(s, mine, "run.json", clock(10));
    expect(rec).toMatchObject({ id: "rec-a", name: "Recording · run.json", url: mine.url });
    expect(s.get().recordings).toEqual([rec]);
    expect(s.get().selectedId).toBe("rec-a");
    expect(allConnections(s.get()).map((c) => c.id)).toEqual(["everything", "c-mine", "rec-a"]);
  });

  it("dismisses the storage problems", () => {
    const s = store({ problems: ["one entry could not be read"] });
    dismissProblems(s);
    expect(s.get().problems).toEqual([]);
  });
});
