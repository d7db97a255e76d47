import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHORTCUTS, formatChord, matchesChord, shortcutsMarkdown } from "./shortcuts";
import { THEME_SCRIPT, isDark, readTheme } from "./theme";

describe("shortcuts", () => {
  it("writes chords for each system", () => {
    expect(formatChord("Mod+K", false)).toBe("Ctrl+K");
    expect(formatChord("Mod+K", true)).toBe("⌘K");
    expect(formatChord("Mod+Enter", false)).toBe("Ctrl+Enter");
    expect(formatChord("ArrowUp", false)).toBe("↑");
  });

  it("reads key events: Ctrl or ⌘ with K opens the palette, K alone or with Alt does not", () => {
    const e = (key: string, m: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) => ({
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      ...m,
    });
    expect(matchesChord(e("k", { ctrlKey: true }), "Mod+K")).toBe(true);
    expect(matchesChord(e("K", { metaKey: true }), "Mod+K")).toBe(true);
    expect(matchesChord(e("k"), "Mod+K")).toBe(false);
    expect(matchesChord(e("k", { ctrlKey: true, altKey: true }), "Mod+K")).toBe(false);
    expect(matchesChord(e("?"), "?")).toBe(true);
    expect(matchesChord(e("?", { ctrlKey: true }), "?")).toBe(false);
  });

  it("lists the palette, the help, Escape, Ctrl+Enter, list and tab keys", () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    for (const k of ["Mod+K", "?", "Escape", "Mod+Enter", "Home", "End", "ArrowLeft", "ArrowDown"])
      expect(keys).toContain(k);
  });

  it("docs/shortcuts.md holds the same table as the help overlay", () => {
    const doc = readFileSync(join(import.meta.dirname, "../../docs/shortcuts.md"), "utf8");
    expect(doc).toContain(shortcutsMarkdown());
  });
});

describe("theme", () => {
  it("reads a stored choice, anything else is system", () => {
    expect(readTheme("dark")).toBe("dark");
    expect(readTheme("light")).toBe("light");
    expect(readTheme(null)).toBe("system");
    expect(readTheme("purple")).toBe("system");
  });

  it("system follows the OS, an explicit choice does not", () => {
    expect(isDark("system", true)).toBe(true);
    expect(isDark("system", false)).toBe(false);
    expect(isDark("light", true)).toBe(false);
    expect(isDark("dark", false)).toBe(true);
  });

  it("the first-paint script puts only a known choice on <html>", () => {
    const run = (stored: string | null) => {
      const root = { dataset: {} as Record<string, string> };
      new Function("localStorage", "document", THEME_SCRIPT)({ getItem: () => stored }, { documentElement: root });
      return root.dataset.theme;
    };
    expect(run("dark")).toBe("dark");
    expect(run("light")).toBe("light");
    expect(run('x"<script>')).toBeUndefined();
    expect(run(null)).toBeUndefined();
  });
});
