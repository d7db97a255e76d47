import type { ParsedTemplate } from "./uriTemplate";

/**
 * Whether a URI could have come from a template: its literal text in order, each expression
 * standing for any text. Loose on purpose (it finds a recording's past reads of a template), and
 * linear: no regular expression is built from the server's template.
 */
export function templateMatches(parsed: Pick<ParsedTemplate, "parts">, uri: string): boolean {
  const parts = parsed.parts.map((p) => (p.kind === "expression" ? undefined : p.kind === "literal" ? p.text : p.raw));
  if (!parts.includes(undefined)) return parts.join("") === uri;
  // Adjacent literals join; expressions (undefined) are gaps.
  const runs: (string | undefined)[] = [];
  for (const p of parts) {
    const last = runs.length - 1;
    if (p !== undefined && typeof runs[last] === "string") runs[last] += p;
    else if (p !== undefined || runs[last] !== undefined || runs.length === 0) runs.push(p);
  }
  let start = 0;
  let end = uri.length;
  const first = runs[0];
  if (first !== undefined) {
    if (!uri.startsWith(first)) return false;
    start = first.length;
    runs.shift();
  }
  const lastRun = runs.at(-1);
  if (lastRun !== undefined) {
    if (!uri.endsWith(lastRun) || uri.length - lastRun.length < start) return false;
    end = uri.length - lastRun.length;
    runs.pop();
  }
  for (const run of runs) {
    if (run === undefined) continue;
    const at = uri.indexOf(run, start);
    if (at < 0 || at + run.length > end) return false;
    start = at + run.length;
  }
  return true;
}
