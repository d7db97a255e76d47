/** Shared Tailwind classes for the server-feature views (the result views' classes, plus a few). */
export { BADGE, BUTTON, NOTE, PRE, WARN } from "../results/ui";
export const PRIMARY =
  "rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50";
export const UPDATED =
  "rounded bg-amber-100 px-1 text-[11px] font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100";
export const ALERT = "text-sm text-red-700 dark:text-red-300";
