"use client";
import { NOTE } from "../results/ui";

export type ViewTheme = "light" | "dark";
export type DisplayMode = "inline" | "fullscreen" | "pip";
export const DISPLAY_MODES: DisplayMode[] = ["inline", "fullscreen", "pip"];

const SELECT =
  "rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200";

/** The host context an MCP App view sees, changeable live: the view is told each change. */
export function HostContextPanel({
  theme,
  displayMode,
  onTheme,
  onDisplayMode,
}: {
  theme: ViewTheme;
  displayMode: DisplayMode;
  onTheme: (theme: ViewTheme) => void;
  onDisplayMode: (mode: DisplayMode) => void;
}) {
  return (
    <fieldset aria-label="Host context" className="flex flex-wrap items-center gap-3">
      <span className={NOTE}>As the host:</span>
      <label className="flex items-center gap-1 text-xs">
        View theme
        <select className={SELECT} value={theme} onChange={(e) => onTheme(e.target.value as ViewTheme)}>
          <option value="light">light</option>
          <option value="dark">dark</option>
        </select>
      </label>
      <label className="flex items-center gap-1 text-xs">
        Display mode
        <select className={SELECT} value={displayMode} onChange={(e) => onDisplayMode(e.target.value as DisplayMode)}>
          {DISPLAY_MODES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
