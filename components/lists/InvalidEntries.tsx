"use client";
import type { InvalidEntry } from "@/lib/base";

/**
 * The entries of a list set aside because they break the MCP schema: how many, and for each its
 * violations (path, expected, found) and what was sent. Every string is server data, shown as text.
 */
export function InvalidEntries({
  entries,
  noun,
  usable,
}: {
  entries: InvalidEntry[] | undefined;
  noun: string;
  usable: number;
}) {
  if (!entries?.length) return null;
  const n = entries.length;
  return (
    <section
      aria-label="Entries set aside"
      className="m-3 rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <p className="font-medium">
        {n} {noun}
        {n === 1 ? "" : "s"} set aside: {n === 1 ? "it does" : "they do"} not match the MCP schema. The {usable} usable{" "}
        {noun}
        {usable === 1 ? " is" : "s are"} listed.
      </p>
      <ul className="mt-1 space-y-1">
        {entries.map((entry) => (
          <li key={entry.index}>
            <details open={n <= 3}>
              <summary className="cursor-pointer">
                <span className="mono">{entry.label}</span> (entry {entry.index}): {entry.violations.length} violation
                {entry.violations.length === 1 ? "" : "s"}
              </summary>
              <table className="mono mt-1 w-full text-left">
                <thead>
                  <tr className="text-amber-700 dark:text-amber-400">
                    <th className="pr-2 font-normal">path</th>
                    <th className="pr-2 font-normal">expected</th>
                    <th className="pr-2 font-normal">found</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.violations.map((v, i) => (
                    <tr key={i} title={v.message}>
                      <td className="pr-2">{v.path}</td>
                      <td className="pr-2">{v.expected ?? v.message}</td>
                      <td className="pr-2">{v.found ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <pre
                tabIndex={0}
                className="mono mt-1 overflow-auto whitespace-pre-wrap break-all text-slate-700 dark:text-slate-300"
              >
                {entry.raw}
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
