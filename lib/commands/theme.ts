/**
 * The page's theme: "system" follows the OS (prefers-color-scheme), "light" and "dark" override it.
 * The choice is a preference kept in localStorage (no secret). `<html data-theme>` carries an
 * explicit choice; app/globals.css's `dark` variant reads it, and with none follows the OS in CSS
 * alone, so "system" needs no script. THEME_SCRIPT sets the attribute before the first paint
 * (app/layout.tsx inlines it with the page's CSP nonce).
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_KEY = "mcp-lens.theme";

export function readTheme(stored: string | null | undefined): Theme {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** Whether the page is dark under `theme` when the OS prefers dark or not. */
export function isDark(theme: Theme, systemDark: boolean): boolean {
  return theme === "dark" || (theme === "system" && systemDark);
}

/** Runs in <head> before the body is parsed: the stored choice onto <html>. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
