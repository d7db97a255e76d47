import { describe, expect, it } from "vitest";
import { afterEdit, choose, NO_CHOICES } from "./choices";

describe("variant picks stick to their value", () => {
  const picked = choose(choose(choose(NO_CHOICES, ["edits", 0], 1), ["edits", 2], 1), ["edits", 2, "target"], 0);

  it("a pick replaces the picks below it", () => {
    expect([...choose(picked, ["edits", 2], 0)]).toEqual([
      ["/edits/0", 1],
      ["/edits/2", 0],
    ]);
  });

  it("follow array items when one is removed or moved", () => {
    const removed = afterEdit(picked, ["edits"], [], {
      kind: "reindex",
      to: (i) => (i === 0 ? undefined : i > 0 ? i - 1 : i),
    });
    expect([...removed]).toEqual([
      ["/edits/1", 1],
      ["/edits/1/target", 0],
    ]);
    const swapped = afterEdit(picked, ["edits"], [], { kind: "reindex", to: (i) => (i === 0 ? 2 : i === 2 ? 0 : i) });
    expect(new Map(swapped)).toEqual(
      new Map([
        ["/edits/2", 1],
        ["/edits/0", 1],
        ["/edits/0/target", 0],
      ]),
    );
  });

  it("follow a renamed map key, escaped as a pointer", () => {
    const m = choose(NO_CHOICES, ["env", "a/b", "v"], 1);
    expect([...afterEdit(m, ["env"], {}, { kind: "rename", from: "a/b", to: "c~d" })]).toEqual([["/env/c~0d/v", 1]]);
  });

  it("are forgotten when their value is cleared, and kept by ordinary edits", () => {
    expect([...afterEdit(picked, ["edits", 2], undefined)]).toEqual([["/edits/0", 1]]);
    expect([...afterEdit(picked, ["edits", 2], null)]).toEqual([["/edits/0", 1]]);
    expect(afterEdit(picked, ["edits", 2, "body"], "text")).toBe(picked);
    expect(afterEdit(picked, ["edits"], [1, 2, 3])).toBe(picked);
  });
});
