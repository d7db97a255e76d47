"use client";
import { useContext, useEffect, useState, type ReactNode } from "react";
import { matchesChord, parseEntryId, type PaletteEntry } from "@/lib/commands";
import { CommandPalette } from "./CommandPalette";
import { PaletteContext, PaletteHub, usePaletteAction } from "./hub";
import { isTextField } from "./platform";
import { ShortcutHelp } from "./ShortcutHelp";
import { applyStoredTheme, setTheme } from "./theme";

type Open = "palette" | "help" | undefined;

/**
 * The page's command palette and shortcut help: Ctrl/⌘+K anywhere, "?" outside a text field, or
 * the PaletteButton. The parts of the page below offer their actions through `usePaletteAction`.
 */
export function PaletteProvider({ children }: { children: ReactNode }) {
  const [hub] = useState(() => new PaletteHub());
  const [open, setOpen] = useState<Open>();
  useEffect(() => {
    hub.onShow(setOpen);
    applyStoredTheme();
    // Ctrl/⌘+K before anything else sees it (Monaco's own Ctrl+K chords included): the palette opens anywhere.
    const palette = (e: KeyboardEvent) => {
      if (e.isComposing || !matchesChord(e, "Mod+K")) return;
      e.preventDefault();
      e.stopPropagation();
      setOpen((o) => (o === "palette" ? undefined : "palette"));
    };
    // "?" only when nothing else took the key: not in a text field, not over another dialog.
    const help = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || !matchesChord(e, "?")) return;
      if (isTextField(e.target as Element | null) || document.querySelector('dialog[open], [aria-modal="true"]'))
        return;
      e.preventDefault();
      setOpen("help");
    };
    window.addEventListener("keydown", palette, true);
    window.addEventListener("keydown", help);
    return () => {
      hub.onShow(undefined);
      window.removeEventListener("keydown", palette, true);
      window.removeEventListener("keydown", help);
    };
  }, [hub]);

  return (
    <PaletteContext value={hub}>
      <PageActions />
      {children}
      {open === "palette" && (
        <CommandPalette hub={hub} onClose={() => setOpen(undefined)} onRun={(entry) => run(hub, entry)} />
      )}
      {open === "help" && <ShortcutHelp onClose={() => setOpen(undefined)} />}
    </PaletteContext>
  );
}

/** The actions the palette itself owns: the theme and the shortcut help. */
function PageActions() {
  const hub = useContext(PaletteContext)!;
  usePaletteAction("theme.system", () => setTheme("system"));
  usePaletteAction("theme.light", () => setTheme("light"));
  usePaletteAction("theme.dark", () => setTheme("dark"));
  // After the palette has closed (this runs in the same event): open the help in its place.
  usePaletteAction("help.shortcuts", () => setTimeout(() => hub.show("help")));
  return null;
}

function run(hub: PaletteHub, entry: PaletteEntry): void {
  const what = parseEntryId(entry.id);
  if (!what) return;
  if (what.kind === "action") {
    hub.run(what.action as Parameters<PaletteHub["run"]>[0]);
    return;
  }
  const session = hub.session;
  if (!session) return;
  if (what.kind === "tab") {
    session.openTab(what.tab);
    afterRender(() => document.getElementById(`tab-${what.tab}`)?.focus());
  } else {
    session.openItem(what.kind, what.key);
    // The picked entry of the tab's list takes the focus, as a pick by keyboard in the list does.
    afterRender(() => {
      const option = document.querySelector<HTMLElement>(
        `[role="tabpanel"]:not([data-hidden]) [role="option"][aria-selected="true"], [role="tabpanel"]:not([data-hidden]) [aria-current="true"]`,
      );
      option?.scrollIntoView({ block: "nearest" });
      option?.focus();
    });
  }
}

/** After React has rendered what the choice changed, and the closing dialog has given the focus back. */
function afterRender(f: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(f));
}

/** The palette's button, for those who use the mouse. */
export function PaletteButton() {
  const hub = useContext(PaletteContext);
  return (
    <button
      type="button"
      onClick={() => hub?.show("palette")}
      title="Command palette (Ctrl+K or ⌘K)"
      aria-keyshortcuts="Control+K Meta+K"
      className="rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Commands
    </button>
  );
}
