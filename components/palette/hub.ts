"use client";
import { createContext, useContext, useEffect, useRef } from "react";
import type { ActionId, PaletteLists } from "@/lib/commands";

/** What the session view lends the palette: its tabs, its lists, and a way to open either. */
export interface PaletteSession {
  tabs: readonly { id: string; label: string }[];
  lists: PaletteLists;
  openTab: (tab: string) => void;
  openItem: (kind: keyof PaletteLists, key: string) => void;
}

/**
 * Where the page's parts offer what the palette can do: each part registers a handler for the
 * actions it can run now (the newest registration of an id wins), and the session view lends its
 * tabs and lists. The palette asks when it opens, so nothing re-renders here.
 */
export class PaletteHub {
  private readonly actions = new Map<string, (() => void)[]>();
  private sessions: PaletteSession[] = [];
  private shower?: (what: "palette" | "help") => void;

  /** Open the palette or the shortcut help (PaletteProvider answers). */
  show(what: "palette" | "help"): void {
    this.shower?.(what);
  }

  onShow(shower: ((what: "palette" | "help") => void) | undefined): void {
    this.shower = shower;
  }

  register(id: ActionId, run: () => void): () => void {
    const list = this.actions.get(id) ?? [];
    list.push(run);
    this.actions.set(id, list);
    return () => {
      const at = list.indexOf(run);
      if (at >= 0) list.splice(at, 1);
    };
  }

  has(id: ActionId): boolean {
    return (this.actions.get(id)?.length ?? 0) > 0;
  }

  run(id: ActionId): boolean {
    const run = this.actions.get(id)?.at(-1);
    run?.();
    return run !== undefined;
  }

  lend(session: PaletteSession): () => void {
    this.sessions.push(session);
    return () => {
      this.sessions = this.sessions.filter((s) => s !== session);
    };
  }

  get session(): PaletteSession | undefined {
    return this.sessions.at(-1);
  }
}

export const PaletteContext = createContext<PaletteHub | undefined>(undefined);

/** Offer an action to the palette while this component is mounted and `enabled`; `run` may change every render. */
export function usePaletteAction(id: ActionId, run: () => void, enabled = true): void {
  const hub = useContext(PaletteContext);
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!hub || !enabled) return;
    return hub.register(id, () => latest.current());
  }, [hub, id, enabled]);
}

/** Lend the session's tabs and lists to the palette while mounted (read when the palette opens). */
export function usePaletteSession(session: PaletteSession): void {
  const hub = useContext(PaletteContext);
  const latest = useRef(session);
  useEffect(() => {
    latest.current = session;
  });
  useEffect(() => {
    if (!hub) return;
    return hub.lend({
      get tabs() {
        return latest.current.tabs;
      },
      get lists() {
        return latest.current.lists;
      },
      openTab: (tab) => latest.current.openTab(tab),
      openItem: (kind, key) => latest.current.openItem(kind, key),
    });
  }, [hub]);
}
