import { describe, expect, it } from "vitest";
import { listKeyTarget } from "./listKeys";

const names = ["add", "echo", "get-env", "get-resource", "long-op", "zip"];
const at = (key: string, current: number, typed = "") =>
  listKeyTarget({ key, current, count: names.length, page: 3, typed, names: (i) => names[i]! });

describe("listKeyTarget", () => {
  it("arrows, Home, End and Page keys move within the list, from nothing picked too", () => {
    expect(at("ArrowDown", -1)).toBe(0);
    expect(at("ArrowDown", 2)).toBe(3);
    expect(at("ArrowDown", 5)).toBe(5);
    expect(at("ArrowUp", -1)).toBe(5);
    expect(at("ArrowUp", 0)).toBe(0);
    expect(at("Home", 4)).toBe(0);
    expect(at("End", 1)).toBe(5);
    expect(at("PageDown", 1)).toBe(4);
    expect(at("PageUp", 1)).toBe(0);
  });
  it("type-ahead finds the next name with the typed start; a repeated letter cycles", () => {
    expect(at("g", 0, "g")).toBe(2);
    expect(at("e", 2, "ge")).toBe(2);
    expect(at("t", 2, "get-r")).toBe(3);
    expect(at("g", 2, "gg")).toBe(3);
    expect(at("g", 3, "g")).toBe(2); // wraps around
    expect(at("q", 0, "q")).toBeUndefined();
    expect(at("Tab", 0)).toBeUndefined();
    expect(
      listKeyTarget({ key: "ArrowDown", current: -1, count: 0, page: 3, typed: "", names: () => "" }),
    ).toBeUndefined();
  });
});
