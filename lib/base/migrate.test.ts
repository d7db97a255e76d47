import { describe, expect, it } from "vitest";
import { migrate, migrationChain } from "./migrate";

type Doc = { v: number; trail: string[] };
const step =
  (to: number) =>
  (doc: Doc): Doc => ({ v: to, trail: [...doc.trail, `→${to}`] });

describe("migrationChain", () => {
  it("checks at definition that every step from oldest to current is there, and none beyond", () => {
    expect(() => migrationChain<Doc>(3, { 1: step(2) })).toThrow("no step from v2 to v3");
    expect(() => migrationChain<Doc>(2, { 1: step(2), 2: step(3) })).toThrow("steps outside v1..v1: v2");
    expect(() => migrationChain<Doc>(2, { 0: step(1), 1: step(2) })).toThrow("v0");
    expect(() => migrationChain<Doc>(0, {})).toThrow(/whole number/);
    expect(() => migrationChain<Doc>(2, {}, 3)).toThrow(/whole number/);
    expect(migrationChain<Doc>(1, {})).toMatchObject({ current: 1, oldest: 1 });
  });
});

describe("migrate", () => {
  const chain = migrationChain<Doc>(4, { 1: step(2), 2: step(3), 3: step(4) });

  it("runs the steps from the document's version up to the current one, in order", () => {
    expect(migrate(chain, 1, { v: 1, trail: [] })).toEqual({
      ok: true,
      from: 1,
      value: { v: 4, trail: ["→2", "→3", "→4"] },
    });
    expect(migrate(chain, 3, { v: 3, trail: [] })).toEqual({ ok: true, from: 3, value: { v: 4, trail: ["→4"] } });
  });

  it("leaves a current document as it is (the same object)", () => {
    const doc = { v: 4, trail: [] };
    const result = migrate(chain, 4, doc);
    expect(result.ok && result.value).toBe(doc);
  });

  it("refuses a newer version as too new", () => {
    expect(migrate(chain, 5, { v: 5, trail: [] })).toMatchObject({
      ok: false,
      reason: "too-new",
      version: 5,
      message: "version 5 is newer than this program reads (up to 4)",
    });
  });

  it("refuses anything that is not a version it reads as unknown", () => {
    for (const v of [0, -1, 1.5, "2", null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(migrate(chain, v, { v: 0, trail: [] })).toMatchObject({ ok: false, reason: "unknown", version: v });
    }
    expect(migrate(chain, "2", { v: 0, trail: [] })).toMatchObject({
      message: 'version "2" is not one this program reads (1 to 4)',
    });
    expect(migrate(chain, undefined, { v: 0, trail: [] })).toMatchObject({
      message: "version undefined is not one this program reads (1 to 4)",
    });
  });

  it("refuses versions older than the oldest one still read", () => {
    const late = migrationChain<Doc>(4, { 2: step(3), 3: step(4) }, 2);
    expect(migrate(late, 1, { v: 1, trail: [] })).toMatchObject({
      ok: false,
      reason: "unknown",
      message: "version 1 is not one this program reads (2 to 4)",
    });
    expect(migrate(late, 2, { v: 2, trail: [] })).toMatchObject({ ok: true, value: { trail: ["→3", "→4"] } });
  });

  it("lets a step's own error through (a damaged document is the caller's to report)", () => {
    const failing = migrationChain<Doc>(2, {
      1: () => {
        throw new Error("bad doc");
      },
    });
    expect(() => migrate(failing, 1, { v: 1, trail: [] })).toThrow("bad doc");
  });
});
