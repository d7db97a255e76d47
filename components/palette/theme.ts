"use client";
import { useSyncExternalStore } from "react";
import { THEME_KEY, isDark, readTheme, type Theme } from "@/lib/commands";

const listeners = new Set<() => void>();

function stored(): Theme {
  try {
    return readTheme(window.localStorage.getItem(THEME_KEY));
  } catch {
    return "system";
  }
}

/** Choose a theme: remembered in this browser, put on <html data-theme> (app/globals.css's dark variant reads it). */
export function setTheme(theme: Theme): void {
  try {
    if (theme === "system") window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage refused (private mode): the choice holds until the page is reloaded.
  }
  const root = document.documentElement;
  if (theme === "system") delete root.dataset.theme;
  else root.dataset.theme = theme;
  for (const l of listeners) l();
}

/** The stored choice onto <html>, if the first-paint script could not run (a page without the nonce). */
export function applyStoredTheme(): void {
  const theme = stored();
  if (document.documentElement.dataset.theme !== (theme === "system" ? undefined : theme)) setTheme(theme);
}

/** The theme on <html> now (set before the first paint by app/layout.tsx's script). */
export function currentTheme(): Theme {
  return readTheme(document.documentElement.dataset.theme ?? stored());
}

const systemDark = () => window.matchMedia("(prefers-color-scheme: dark)").matches;

/** Whether the page is dark now. */
export function pageIsDark(): boolean {
  return isDark(currentTheme(), systemDark());
}

/** Call `onChange` when the page turns dark or light (a choice here, or the OS under "system"). */
export function watchDark(onChange: (dark: boolean) => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const fire = () => onChange(pageIsDark());
  listeners.add(fire);
  media.addEventListener("change", fire);
  return () => {
    listeners.delete(fire);
    media.removeEventListener("change", fire);
  };
}

export function useTheme(): Theme {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    currentTheme,
    () => "system",
  );
}
