import { describe, expect, it } from "vitest";
import { partialInputs } from "./partialInput";

describe("partialInputs", () => {
  it("grows the arguments key by key, cutting strings, arrays and objects to half first", () => {
    expect(partialInputs({ city: "New York", days: 3, tags: ["a", "b", "c"] }, 10)).toEqual([
      { city: "New " },
      { city: "New York" },
      { city: "New York", days: 3 },
      { city: "New York", days: 3, tags: ["a", "b"] },
      { city: "New York", days: 3, tags: ["a", "b", "c"] },
    ]);
  });

  it("keeps at most `max` steps, evenly spread, ending with the whole input", () => {
    const args = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, `value ${i}`]));
    const steps = partialInputs(args, 4);
    expect(steps).toHaveLength(4);
    expect(steps.at(-1)).toEqual(args);
    expect(Object.keys(steps[0]!).length).toBeLessThan(Object.keys(steps[1]!).length);
  });

  it("has nothing to stream for no arguments", () => {
    expect(partialInputs({})).toEqual([]);
  });
});
