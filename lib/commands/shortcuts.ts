/**
 * Every keyboard shortcut of the page, in one list: the help overlay (components/palette/ShortcutHelp)
 * renders it and docs/shortcuts.md is checked against it (shortcuts.test.ts).
 * `Mod` is Ctrl, or ⌘ on a Mac.
 */
export interface Shortcut {
  /** Alternatives, each a chord written with `+` ("Mod+K"); a key named as `KeyboardEvent.key` does. */
  keys: string[];
  /** What it does. */
  action: string;
  /** Where it works. */
  where: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["Mod+K"], action: "Open the command palette", where: "Anywhere" },
  { keys: ["?"], action: "Show the keyboard shortcuts", where: "Anywhere but a text field" },
  { keys: ["Escape"], action: "Close the palette, this help or a dialog (the focus goes back)", where: "Dialogs" },
  { keys: ["ArrowUp", "ArrowDown"], action: "Move through the results", where: "Command palette" },
  { keys: ["Home", "End"], action: "First or last result", where: "Command palette" },
  {
    keys: ["Enter"],
    action: "Run the chosen action, or open the chosen tool, resource or prompt",
    where: "Command palette",
  },
  { keys: ["ArrowDown"], action: "From the search box into the list", where: "Tools, resources, templates, prompts" },
  { keys: ["ArrowUp", "ArrowDown"], action: "Previous or next entry", where: "Tools, resources, templates, prompts" },
  { keys: ["Home", "End"], action: "First or last entry", where: "Tools, resources, templates, prompts" },
  { keys: ["PageUp", "PageDown"], action: "A page up or down", where: "Tools, resources, templates, prompts" },
  { keys: ["a…z"], action: "Type the start of a name to jump to it", where: "Tools, resources, templates, prompts" },
  { keys: ["Enter", "Space"], action: "Pick the focused entry", where: "Tools, resources, templates, prompts" },
  { keys: ["ArrowLeft", "ArrowRight"], action: "Previous or next tab", where: "Session tabs" },
  { keys: ["Home", "End"], action: "First or last tab", where: "Session tabs" },
  { keys: ["Mod+Enter"], action: "Call the tool", where: "A tool's form" },
  {
    keys: ["ArrowUp", "ArrowDown"],
    action: "Give the traffic panel more or less room",
    where: "Traffic panel splitter",
  },
];

const KEY_NAMES: Record<string, [pc: string, mac: string]> = {
  Mod: ["Ctrl", "⌘"],
  ArrowUp: ["↑", "↑"],
  ArrowDown: ["↓", "↓"],
  ArrowLeft: ["←", "←"],
  ArrowRight: ["→", "→"],
  Escape: ["Esc", "Esc"],
  PageUp: ["Page Up", "Page Up"],
  PageDown: ["Page Down", "Page Down"],
};

/** A chord's keys as shown ("Mod+K" → ["Ctrl", "K"], or ["⌘", "K"] on a Mac). */
export function chordKeys(chord: string, mac: boolean): string[] {
  const parts = chord === "+" ? ["+"] : chord.split("+");
  return parts.map((p) => KEY_NAMES[p]?.[mac ? 1 : 0] ?? p);
}

/** A chord as text ("Ctrl+K", "⌘K"). */
export function formatChord(chord: string, mac: boolean): string {
  return chordKeys(chord, mac).join(mac ? "" : "+");
}

/** The table docs/shortcuts.md holds (written for both systems: "Ctrl/⌘"). */
export function shortcutsMarkdown(list: readonly Shortcut[] = SHORTCUTS): string {
  const keys = (s: Shortcut) =>
    s.keys.map((k) => `<kbd>${chordKeys(k, false).join("+").replace("Ctrl", "Ctrl/⌘")}</kbd>`).join(" / ");
  return [
    "| keys | what it does | where |",
    "|---|---|---|",
    ...list.map((s) => `| ${keys(s)} | ${s.action} | ${s.where} |`),
  ].join("\n");
}

/** Whether a key event means `chord` ("Mod+K": Ctrl or ⌘ with K, no Alt). */
export function matchesChord(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey?: boolean },
  chord: string,
): boolean {
  const parts = chord.split("+");
  const key = parts.at(-1)!;
  const mod = parts.includes("Mod");
  if (mod !== (e.ctrlKey || e.metaKey) || e.altKey) return false;
  return e.key.toLowerCase() === key.toLowerCase();
}
