import type { Tool } from "@modelcontextprotocol/client";

const BADGES = [
  {
    key: "readOnlyHint",
    on: "read-only",
    off: undefined,
    cls: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  },
  {
    key: "destructiveHint",
    on: "destructive",
    off: undefined,
    cls: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  },
  {
    key: "idempotentHint",
    on: "idempotent",
    off: undefined,
    cls: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  },
  {
    key: "openWorldHint",
    on: "open-world",
    off: "closed-world",
    cls: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  },
] as const;

/** Annotations are hints from an untrusted server: shown as such, never relied on. */
export function AnnotationBadges({ tool, compact = false }: { tool: Tool; compact?: boolean }) {
  const a = (tool.annotations ?? {}) as Record<string, unknown>;
  const execution = (tool as { execution?: { taskSupport?: string } }).execution;
  const badges: { text: string; cls: string }[] = BADGES.flatMap((b) => {
    const v = a[b.key];
    // A destructive hint only means something on a tool that is not read-only (spec defaults).
    if (b.key === "destructiveHint" && (a.readOnlyHint === true || v === false)) return [];
    const text = v === true ? b.on : v === false ? b.off : undefined;
    return text ? [{ text, cls: b.cls }] : [];
  });
  if (execution?.taskSupport && execution.taskSupport !== "forbidden")
    badges.push({
      text: `tasks: ${execution.taskSupport}`,
      cls: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
    });
  if (!badges.length) return null;
  return (
    <span className="flex shrink-0 gap-1" aria-label="Annotations">
      {badges.map((b) => (
        <span key={b.text} className={`rounded px-1 ${compact ? "text-[10px]" : "text-xs"} ${b.cls}`}>
          {b.text}
        </span>
      ))}
    </span>
  );
}
