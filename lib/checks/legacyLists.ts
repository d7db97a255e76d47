/**
 * The 2025-11-25 list checks: tools/list, resources/list and prompts/list entries valid one by one
 * (lib/session's splitEntries, as the lists view loads them), tool names in the SEP-986 format, the
 * same order when listed twice, and pagination that ends without repeating an entry. Each list is
 * requested raw through `ask`, so every page is a log row.
 */
import type { ListKind } from "../base";
import { isRecord } from "../base";
import { splitEntries } from "../session";
import { describeAnswer, type ProbeContext } from "./probes";
import type { Asked, SessionOutcome, SessionProbe, SessionProbeContext } from "./sessionProbes";

/** Pages followed before a list is called endless. */
export const MAX_LIST_PAGES = 20;

interface ListSpec {
  kind: ListKind;
  capability: "tools" | "resources" | "prompts";
  method: string;
  field: string;
  key: "name" | "uri";
}
const LISTS: ListSpec[] = [
  { kind: "tools", capability: "tools", method: "tools/list", field: "tools", key: "name" },
  { kind: "resources", capability: "resources", method: "resources/list", field: "resources", key: "uri" },
  { kind: "prompts", capability: "prompts", method: "prompts/list", field: "prompts", key: "name" },
];

interface Listed {
  entries: unknown[];
  pages: number;
  first?: Asked;
  /** Why the listing stopped before its end (an error, a page without the array, a repeated cursor, too many pages). */
  broken?: string;
}

/** Follows nextCursor from the first page, at most MAX_LIST_PAGES pages. */
export async function listAll(ctx: SessionProbeContext, spec: ListSpec): Promise<Listed> {
  const entries: unknown[] = [];
  const cursors = new Set<string>();
  let first: Asked | undefined;
  let cursor: string | undefined;
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const a = await ctx.ask(spec.method, cursor === undefined ? {} : { cursor });
    first ??= a;
    const result = a.kind === "result" && isRecord(a.result) ? a.result : undefined;
    const items = result?.[spec.field];
    if (!Array.isArray(items))
      return {
        entries,
        pages: page,
        first,
        broken: result ? `page ${page} has no "${spec.field}" array` : `page ${page}: ${describeAnswer(a)}`,
      };
    entries.push(...(items as unknown[]));
    const next = result!.nextCursor;
    if (next === undefined || next === null) return { entries, pages: page, first };
    if (typeof next !== "string")
      return { entries, pages: page, first, broken: `page ${page}: nextCursor is not a string` };
    if (cursors.has(next))
      return {
        entries,
        pages: page,
        first,
        broken: `page ${page} repeats the cursor ${JSON.stringify(next.slice(0, 40))}: the pages loop`,
      };
    cursors.add(next);
    cursor = next;
  }
  return { entries, pages: MAX_LIST_PAGES, first, broken: `still a nextCursor after ${MAX_LIST_PAGES} pages` };
}

const declared = (ctx: ProbeContext) => LISTS.filter((l) => l.capability in ctx.capabilities);
const keyOf = (spec: ListSpec, entry: unknown) =>
  isRecord(entry) && typeof entry[spec.key] === "string" ? (entry[spec.key] as string) : undefined;
const seqs = (a?: Asked) => ({ requestSeq: a?.requestSeq, answerSeq: a?.answerSeq });

function structureProbe(spec: ListSpec, suite: string): SessionProbe {
  return {
    kind: "session",
    id: `${spec.kind}-list-structure`,
    title: `${spec.method}: every entry is a valid ${spec.kind.replace(/s$/, "")}`,
    page: spec.capability,
    level: "must",
    suite: [suite],
    expected: () => `a "${spec.field}" array whose entries each match the schema`,
    skip: (ctx) =>
      spec.capability in ctx.capabilities ? undefined : `the server does not declare '${spec.capability}'`,
    async run(ctx): Promise<SessionOutcome> {
      const listed = await listAll(ctx, spec);
      const { invalid } = splitEntries(spec.kind, listed.entries);
      const named = invalid
        .slice(0, 3)
        .map(
          (e) => `${e.label}: ${e.violations[0] ? `${e.violations[0].path} ${e.violations[0].message}` : "invalid"}`,
        );
      const problems = [
        ...(listed.broken ? [listed.broken] : []),
        ...(invalid.length ? [`${invalid.length} of ${listed.entries.length} invalid: ${named.join("; ")}`] : []),
      ];
      return {
        pass: problems.length === 0,
        observed: problems.length ? problems.join("; ") : `${listed.entries.length} ${spec.field}, all valid`,
        ...seqs(listed.first),
      };
    },
  };
}

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export const LEGACY_LIST_PROBES: SessionProbe[] = [
  structureProbe(LISTS[0]!, "tools-list"),
  structureProbe(LISTS[1]!, "resources-list"),
  structureProbe(LISTS[2]!, "prompts-list"),
  {
    kind: "session",
    id: "tool-names",
    title: "Tool names are 1–128 characters of A–Z a–z 0–9 _ - . and unique",
    page: "tools",
    level: "should",
    suite: ["tools-name-format"],
    expected: () => "every name matches ^[A-Za-z0-9_.-]{1,128}$, none twice",
    skip: (ctx) => ("tools" in ctx.capabilities ? undefined : "the server does not declare 'tools'"),
    async run(ctx) {
      const listed = await listAll(ctx, LISTS[0]!);
      const names = listed.entries.map((t) => keyOf(LISTS[0]!, t));
      const bad = names.filter((n) => n === undefined || !TOOL_NAME.test(n)).map((n) => JSON.stringify(n ?? null));
      const twice = [...new Set(names.filter((n, i) => n !== undefined && names.indexOf(n) !== i))];
      const problems = [
        ...(bad.length ? [`${bad.length} name(s) outside the format: ${bad.slice(0, 5).join(", ")}`] : []),
        ...(twice.length ? [`listed twice: ${twice.slice(0, 5).join(", ")}`] : []),
      ];
      if (names.length === 0 && !listed.broken) return { skipped: "the server lists no tools" };
      return {
        pass: problems.length === 0,
        observed: problems.length ? problems.join("; ") : `${names.length} names, all in the format`,
        ...seqs(listed.first),
      };
    },
  },
  {
    kind: "session",
    id: "list-stable-order",
    title: "Listing twice gives the same entries in the same order",
    page: "pagination",
    level: "should",
    suite: ["tools-list-deterministic-order"],
    expected: () => "the same keys in the same order on a second listing (tools, resources, prompts as declared)",
    skip: (ctx) => (declared(ctx).length ? undefined : "the server declares no tools, resources or prompts"),
    async run(ctx) {
      const problems: string[] = [];
      const seen: string[] = [];
      let first: Asked | undefined;
      for (const spec of declared(ctx)) {
        const a = await listAll(ctx, spec);
        const b = await listAll(ctx, spec);
        first ??= a.first;
        const ka = a.entries.map((e) => keyOf(spec, e) ?? "?");
        const kb = b.entries.map((e) => keyOf(spec, e) ?? "?");
        if ([...ka].sort().join("\n") !== [...kb].sort().join("\n")) {
          seen.push(`${spec.field}: changed between the listings, not compared`);
          continue;
        }
        const at = ka.findIndex((k, i) => k !== kb[i]);
        if (at >= 0) problems.push(`${spec.field}: differs at #${at} (${ka[at]} then ${kb[at]})`);
        else seen.push(`${ka.length} ${spec.field}`);
      }
      return {
        pass: problems.length === 0,
        observed: problems.length ? problems.join("; ") : `same order: ${seen.join(", ")}`,
        ...seqs(first),
      };
    },
  },
  {
    kind: "session",
    id: "pagination-ends",
    title: "Pagination ends, and no entry comes twice",
    page: "pagination",
    level: "should",
    expected: () => `no nextCursor within ${MAX_LIST_PAGES} pages, no cursor repeated, no key listed twice`,
    skip: (ctx) => (declared(ctx).length ? undefined : "the server declares no tools, resources or prompts"),
    async run(ctx) {
      const problems: string[] = [];
      const seen: string[] = [];
      let first: Asked | undefined;
      for (const spec of declared(ctx)) {
        const listed = await listAll(ctx, spec);
        first ??= listed.first;
        const keys = listed.entries.map((e) => keyOf(spec, e)).filter((k): k is string => k !== undefined);
        const twice = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
        if (listed.broken) problems.push(`${spec.field}: ${listed.broken}`);
        if (twice.length) problems.push(`${spec.field}: listed twice: ${twice.slice(0, 3).join(", ")}`);
        seen.push(`${spec.field} ${listed.entries.length} in ${listed.pages} page${listed.pages === 1 ? "" : "s"}`);
      }
      return {
        pass: problems.length === 0,
        observed: problems.length ? problems.join("; ") : seen.join(", "),
        ...seqs(first),
      };
    },
  },
];
