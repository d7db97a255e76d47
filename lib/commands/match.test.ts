import { describe, expect, it } from "vitest";
import { highlightParts, isWordStart, matchText } from "./match";

describe("matchText", () => {
  it("finds a substring, any case, and says where", () => {
    expect(matchText("TINY", "get-tiny-resource")?.ranges).toEqual([[4, 8]]);
    expect(matchText("echo", "echo")?.ranges).toEqual([[0, 4]]);
  });

  it("ranks a prefix over a word start over the middle of a word, and shorter labels first", () => {
    const score = (q: string, t: string) => matchText(q, t)!.score;
    expect(score("get", "get-env")).toBeGreaterThan(score("env", "get-env"));
    expect(score("env", "get-env")).toBeGreaterThan(score("nv", "get-env"));
    expect(score("echo", "echo")).toBeGreaterThan(score("echo", "echo-twice"));
  });

  it("prefers a word-start occurrence when the text has several", () => {
    expect(matchText("add", "padded-add")?.ranges).toEqual([[7, 10]]);
  });

  it("matches every word of the query anywhere, below a whole substring", () => {
    const words = matchText("resource tiny", "get-tiny-resource")!;
    expect(words.ranges).toEqual([
      [4, 8],
      [9, 17],
    ]);
    expect(words.score).toBeLessThan(matchText("tiny", "get-tiny-resource")!.score);
  });

  it("falls back to letters in order (fuzzy), preferring word starts, and refuses letters out of order", () => {
    const m = matchText("gtr", "get-tiny-resource")!;
    expect(m.ranges).toEqual([
      [0, 1],
      [4, 5],
      [9, 10],
    ]);
    expect(m.score).toBeLessThan(matchText("tiny", "get-tiny-resource")!.score);
    expect(matchText("rtg", "get-tiny-resource")).toBeUndefined();
    expect(matchText("xyz", "echo")).toBeUndefined();
  });

  it("counts camelCase humps as word starts", () => {
    expect(isWordStart("longRunningOperation", 4)).toBe(true);
    expect(isWordStart("longRunningOperation", 5)).toBe(false);
    expect(matchText("lro", "longRunningOperation")?.ranges).toEqual([
      [0, 1],
      [4, 5],
      [11, 12],
    ]);
  });

  it("an empty query matches everything with no highlight", () => {
    expect(matchText("  ", "anything")).toEqual({ score: 0, ranges: [] });
  });
});

describe("highlightParts", () => {
  it("cuts a label into plain and matched pieces", () => {
    expect(highlightParts("get-tiny-resource", [[4, 8]])).toEqual([
      { text: "get-", hit: false },
      { text: "tiny", hit: true },
      { text: "-resource", hit: false },
    ]);
    expect(highlightParts("ab", [])).toEqual([{ text: "ab", hit: false }]);
  });
});
