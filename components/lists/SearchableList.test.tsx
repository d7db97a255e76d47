import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Tool } from "@modelcontextprotocol/client";
import { ItemList, type ListEntry } from "../features/ItemList";
import { ToolList } from "../tools/ToolList";
import { filterItems, SearchableList } from "./SearchableList";

interface Fruit {
  name: string;
  note: string;
}
const fruits: Fruit[] = [
  { name: "Apple", note: "red or green" },
  { name: "Banana", note: "yellow" },
  { name: "Cherry", note: "RED, small" },
];
const haystack = (f: Fruit) => `${f.name}\n${f.note}`;

function fruitList(items: Fruit[] = fruits, empty?: string) {
  return render(
    <SearchableList
      label="Fruits"
      items={items}
      haystack={haystack}
      role="list"
      listLabel="Fruit list"
      rowHeight={20}
      empty={empty === undefined ? undefined : <p>{empty}</p>}
      renderRow={(f, style) => (
        <div role="listitem" style={style}>
          {f.name}
        </div>
      )}
    />,
  );
}

const names = (list: HTMLElement) =>
  within(list)
    .queryAllByRole("listitem")
    .map((r) => r.textContent);

describe("filterItems", () => {
  it("keeps the items whose text holds the trimmed query, in any case", () => {
    const stacks = fruits.map((f) => haystack(f).toLowerCase());
    expect(filterItems(fruits, stacks, "")).toBe(fruits);
    expect(filterItems(fruits, stacks, "   ")).toBe(fruits);
    expect(filterItems(fruits, stacks, " RED ").map((f) => f.name)).toEqual(["Apple", "Cherry"]);
    expect(filterItems(fruits, stacks, "kiwi")).toEqual([]);
  });
});

describe("SearchableList", () => {
  it("names its search box after the list and counts the matches as you type", async () => {
    fruitList();
    const search = screen.getByRole("textbox", { name: "Search fruits" });
    expect(search.getAttribute("placeholder")).toBe("Search 3 fruits");
    const list = screen.getByRole("list", { name: "Fruit list" });
    expect(names(list)).toEqual(["Apple", "Banana", "Cherry"]);
    await userEvent.type(search, "red");
    expect(names(list)).toEqual(["Apple", "Cherry"]);
    expect(screen.getByText("2")).toBeTruthy();
    await userEvent.clear(search);
    await userEvent.type(search, "yellow");
    expect(names(list)).toEqual(["Banana"]);
    await userEvent.type(search, "!");
    expect(names(list)).toEqual([]);
    expect(screen.getByText("0")).toBeTruthy();
  });

  it("shows its empty note only when there are no items at all", async () => {
    const { unmount } = fruitList([], "Nothing here.");
    expect(screen.getByText("Nothing here.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
    unmount();
    fruitList(fruits, "Nothing here.");
    await userEvent.type(screen.getByRole("textbox", { name: "Search fruits" }), "kiwi");
    expect(screen.queryByText("Nothing here.")).toBeNull();
    expect(names(screen.getByRole("list", { name: "Fruit list" }))).toEqual([]);
  });
});

describe("the lists built on it", () => {
  it("ToolList: a listbox of tools, searched by name, title and description; choosing one selects it", async () => {
    const tools: Tool[] = [
      { name: "echo", description: "Echoes the input", inputSchema: { type: "object" } },
      { name: "add", title: "Adder", inputSchema: { type: "object" } },
      { name: "wipe", annotations: { title: "Wipe the disk", destructiveHint: true }, inputSchema: { type: "object" } },
    ];
    const onSelect = vi.fn();
    render(<ToolList tools={tools} selected="add" onSelect={onSelect} />);
    const listbox = screen.getByRole("listbox", { name: "Tools" });
    expect(within(listbox).getByRole("option", { name: "add" }).getAttribute("aria-selected")).toBe("true");
    await userEvent.type(screen.getByRole("textbox", { name: "Search tools" }), "disk");
    expect(
      within(listbox)
        .getAllByRole("option")
        .map((o) => o.querySelector(":scope > .sr-only")?.textContent),
    ).toEqual(["wipe"]);
    await userEvent.click(within(listbox).getByRole("option", { name: "wipe" }));
    expect(onSelect).toHaveBeenCalledWith("wipe");
  });

  it("ItemList: a list of buttons named by id, searched by the extra haystack too; says when the server lists none", async () => {
    const entries: ListEntry[] = [
      { id: "file:///a.txt", primary: "a", secondary: "file:///a.txt", haystack: "text/plain" },
      { id: "file:///b.png", primary: "b", secondary: "file:///b.png", haystack: "image/png" },
    ];
    const onSelect = vi.fn();
    const { unmount } = render(
      <ItemList label="Resources" entries={entries} selected="file:///b.png" onSelect={onSelect} />,
    );
    const list = screen.getByRole("list", { name: "Resources list" });
    expect(within(list).getByRole("button", { name: "file:///b.png" }).getAttribute("aria-current")).toBe("true");
    await userEvent.type(screen.getByRole("textbox", { name: "Search resources" }), "IMAGE/");
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.querySelector(":scope > .sr-only")?.textContent),
    ).toEqual(["file:///b.png"]);
    await userEvent.click(within(list).getByRole("button", { name: "file:///b.png" }));
    expect(onSelect).toHaveBeenCalledWith("file:///b.png");
    unmount();
    render(<ItemList label="Prompts" entries={[]} onSelect={onSelect} />);
    expect(screen.getByText("None listed by the server.")).toBeTruthy();
  });
});
