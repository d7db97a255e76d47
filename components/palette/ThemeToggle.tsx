"use client";
import { THEMES, type Theme } from "@/lib/commands";
import { setTheme, useTheme } from "./theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** System / light / dark, remembered in this browser. */
export function ThemeToggle() {
  const theme = useTheme();
  return (
    <div role="group" aria-label="Theme" className="flex rounded border border-slate-300 text-xs dark:border-slate-700">
      {THEMES.map((t) => (
        <button
          key={t}
          type="button"
          aria-pressed={theme === t}
          onClick={() => setTheme(t)}
          title={t === "system" ? "Follow the operating system" : `Always ${t}`}
          className={`px-1.5 py-0.5 first:rounded-l last:rounded-r ${theme === t ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"}`}
        >
          {LABELS[t]}
        </button>
      ))}
    </div>
  );
}
