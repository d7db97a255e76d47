import { describe, expect, it } from "vitest";
import { FloodGate } from "./flood";

describe("FloodGate", () => {
  it("logs up to the limit per second, then counts what it left out and reports it once", () => {
    let t = 0;
    const gate = new FloodGate(3, () => t);
    const seen = Array.from({ length: 5 }, () => gate.admit().log);
    expect(seen).toEqual([true, true, true, false, false]);
    expect(gate.pending).toBe(2);
    t = 1000;
    expect(gate.admit()).toEqual({ log: true, report: { dropped: 2 } });
    expect(gate.admit()).toEqual({ log: true, report: undefined });
  });
});
