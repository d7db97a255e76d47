/** Shared Tailwind classes for the result views. */
export const BUTTON =
  "rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800";
export const BADGE = "rounded bg-slate-100 px-1 text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300";
export const PRE =
  "mono max-h-[480px] overflow-auto rounded border border-slate-200 bg-white p-2 text-xs whitespace-pre-wrap break-words text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200";
export const NOTE = "text-xs text-slate-500 dark:text-slate-400";
export const WARN =
  "rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100";
