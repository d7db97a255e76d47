import { describe, expect, it } from "vitest";
import { joinArgs, quoteArg, splitArgs } from "./config";

describe("quoting and splitting arguments", () => {
  it("leaves plain words bare and quotes the rest", () => {
    expect(quoteArg("-y")).toBe("-y");
    expect(quoteArg("C:\\tmp")).toBe("C:\\tmp");
    expect(quoteArg("two words")).toBe('"two words"');
    expect(quoteArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteArg("it's")).toBe('"it\'s"');
    expect(quoteArg("")).toBe('""');
  });

  it("splits what a person types, honouring both quotes", () => {
    expect(splitArgs(`-y  @scope/pkg "a b" 'c "d"' e\\f`)).toEqual(["-y", "@scope/pkg", "a b", 'c "d"', "e\\f"]);
    expect(splitArgs(`"" ''`)).toEqual(["", ""]);
    expect(splitArgs("   ")).toEqual([]);
  });

  const cases: Record<string, string[]> = {
    empty: [],
    plain: ["-y", "@modelcontextprotocol/server-everything", "stdio"],
    spaces: ["a b", " leading", "trailing ", "  ", "tab\there", "new\nline"],
    quotes: ['"', "'", `"'"`, 'say "hi"', "it's", `mixed "double" and 'single'`],
    backslashes: ["\\", "\\\\", "ends with \\", '\\"', "C:\\Program Files\\x", "a\\ b", "\\n"],
    "empty strings": ["", "", "x", ""],
    unicode: ["héllo wörld", "日本語", "emoji 🎉", "nbsp\u00a0inside", "\u2028", "zero\u200bwidth", "🎉"],
    "all at once": ["", " \"\\' ", "\\", "x y", "é"],
  };
  for (const [name, args] of Object.entries(cases)) {
    it(`gives back the args after quoting: ${name}`, () => {
      expect(splitArgs(joinArgs(args))).toEqual(args);
    });
  }

  it("gives back random args after quoting", () => {
    // A small fixed-seed generator over the characters that matter to the two functions.
    const alphabet = ['"', "'", "\\", " ", "\t", "\n", "\u00a0", "a", "Z", "-", "=", "é", "🎉", "$"];
    let seed = 17;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const args = Array.from({ length: next(5) }, () =>
        Array.from({ length: next(7) }, () => alphabet[next(alphabet.length)]!).join(""),
      );
      expect(splitArgs(joinArgs(args))).toEqual(args);
    }
  });
});
