/**
 * Pairs the official suite's server verdicts with `mcp-lens check`'s, rule by rule (pure logic,
 * tested in compare.test.ts). A rule is a suite check id, or one of our check ids that names none.
 * Our checks say which suite ids they judge too (`suite` on every probe kind in lib/checks).
 */

export type SuiteStatus = "SUCCESS" | "FAILURE" | "WARNING" | "SKIPPED" | "INFO";
export type OurVerdict = "pass" | "fail" | "warn" | "skipped";

/** One entry of a checks.json the suite writes, with the scenario it came from. */
export interface SuiteCheck {
  scenario: string;
  id: string;
  status: SuiteStatus;
}

/** One result of `mcp-lens check --json`. */
export interface OurCheck {
  id: string;
  verdict: OurVerdict;
  suite?: readonly string[];
}

/**
 * Which suite scenarios judge any server, and which need the suite's own reference fixture
 * (its `test_*` tools, prompts and `test://` resources), with the reason, per scenario family.
 */
export const SCENARIO_FAMILIES: { match: RegExp; any: boolean; why: string }[] = [
  {
    match: /^server-(initialize|session-lifecycle|stateless)$/,
    any: true,
    why: "lifecycle, sessions, _meta, discover: any server",
  },
  { match: /^(ping|logging-set-level)$/, any: true, why: "protocol methods every (declaring) server answers" },
  {
    match: /^(tools|resources|prompts)-list$/,
    any: true,
    why: "list structure, name format, order: any server's lists",
  },
  {
    match: /^resources-(subscribe|unsubscribe)$/,
    any: true,
    why: "subscribe/unsubscribe any URI when resources.subscribe is declared",
  },
  { match: /^sep-2164-resource-not-found$/, any: true, why: "reads a URI no server has" },
  {
    match: /^(dns-rebinding-protection|http-header-validation|server-sse-multiple-streams)$/,
    any: true,
    why: "HTTP-level behaviour of any Streamable HTTP server",
  },
  { match: /^caching$/, any: true, why: "ttlMs/cacheScope on any server's list and read results" },
  { match: /^(tools-call-|json-schema-2020-12$|elicitation-)/, any: false, why: "calls the suite's test_* tools" },
  { match: /^(prompts-get-|completion-complete$)/, any: false, why: "gets the suite's test_* prompts" },
  { match: /^resources-(read-|templates-read$)/, any: false, why: "reads the suite's test:// resources" },
  { match: /^server-sse-polling$/, any: false, why: "calls the suite's test_reconnection tool" },
  { match: /^http-custom-header-server-validation$/, any: false, why: "needs a tool with x-mcp-header annotations" },
  { match: /^input-required-result-/, any: false, why: "calls the suite's test_input_required_result_* tools" },
  { match: /^tasks-/, any: false, why: "tasks extension: needs the suite's task tools" },
];

/** Single checks of an any-server scenario that still need a fixture's diagnostic tool. */
export const FIXTURE_CHECKS: Record<string, string> = {
  "sep-2575-http-server-no-independent-requests-on-stream": "needs the suite's test_streaming_elicitation tool",
  "sep-2575-missing-capability-http-400": "needs the suite's test_missing_capability tool",
  "sep-2575-server-rejects-undeclared-capability": "needs the suite's test_missing_capability tool",
  "sep-2575-server-no-log-without-loglevel": "needs the suite's test_logging_tool",
  "sep-2575-server-sends-tools-list-changed-on-subscription": "needs the suite's test_trigger_tool_change hook",
  "sep-2575-server-sends-prompts-list-changed-on-subscription": "needs the suite's test_trigger_prompt_change hook",
};

/** Whether a suite check judges any server (wire-schema-valid does, whatever scenario emitted it). */
export function appliesToAny(c: Pick<SuiteCheck, "scenario" | "id">): boolean {
  if (c.id === "wire-schema-valid") return true;
  if (c.id in FIXTURE_CHECKS) return false;
  return SCENARIO_FAMILIES.find((f) => f.match.test(c.scenario))?.any ?? false;
}

const SUITE_AS_OURS: Record<SuiteStatus, OurVerdict> = {
  SUCCESS: "pass",
  FAILURE: "fail",
  WARNING: "warn",
  SKIPPED: "skipped",
  INFO: "skipped",
};
const RANK: Record<OurVerdict, number> = { fail: 3, warn: 2, pass: 1, skipped: 0 };
/** Several verdicts on one rule (a check emitted more than once, several of ours): the worst judged one. */
export function worst(verdicts: readonly OurVerdict[]): OurVerdict {
  return verdicts.reduce<OurVerdict>((a, b) => (RANK[b] > RANK[a] ? b : a), "skipped");
}
export const suiteVerdict = (statuses: readonly SuiteStatus[]): OurVerdict =>
  worst(statuses.map((s) => SUITE_AS_OURS[s]));

export type Comparison = "agree" | "DISAGREE" | "only suite" | "only ours" | "neither judged" | "n/a";

/** Both judged: the same outcome (pass, or not pass) agrees; a fail against a warn is the level, not the verdict. */
export function compare(suite: OurVerdict | undefined, ours: OurVerdict | undefined): Comparison {
  const s = suite && suite !== "skipped";
  const o = ours && ours !== "skipped";
  if (s && o) return (suite === "pass") === (ours === "pass") ? "agree" : "DISAGREE";
  return s ? "only suite" : o ? "only ours" : "neither judged";
}

/** What one server gave for one revision; `na` when it does not speak the revision. */
export interface ServerRun {
  server: string;
  na?: string;
  suite: SuiteCheck[];
  ours: OurCheck[];
  notScored: ReadonlySet<string>;
}

export interface Row {
  rule: string;
  /** The suite scenario(s) the rule came from, or "" for a check of ours only. */
  scenarios: string[];
  ourChecks: string[];
  any: boolean;
  /** Whether a scenario that emits it is scored for the revision. */
  scored: boolean;
  cells: { server: string; suite?: OurVerdict; ours?: OurVerdict; comparison: Comparison }[];
  comparison: Comparison;
}

/** One row per rule either side checks, for one revision across the servers. */
export function pairRows(runs: readonly ServerRun[]): Row[] {
  const rules = new Map<string, { scenarios: Set<string>; ourChecks: Set<string>; any: boolean; scored: boolean }>();
  const rule = (id: string) => {
    let r = rules.get(id);
    if (!r) rules.set(id, (r = { scenarios: new Set(), ourChecks: new Set(), any: false, scored: false }));
    return r;
  };
  for (const run of runs) {
    for (const c of run.suite) {
      const r = rule(c.id);
      r.scenarios.add(c.scenario);
      r.any ||= appliesToAny(c);
      r.scored ||= !run.notScored.has(c.scenario);
    }
  }
  // Our check pairs with the suite ids it names that the suite checked in this revision (a 2026-only
  // id named by a check that runs in both eras is not the rule it judges in 2025); none: a row of its own.
  const emitted = new Set(runs.flatMap((run) => run.suite.map((c) => c.id)));
  for (const run of runs)
    for (const o of run.ours) {
      const ids = (o.suite ?? []).filter((id) => emitted.has(id));
      for (const id of ids.length ? ids : [o.id]) rule(id).ourChecks.add(o.id);
    }
  const rows: Row[] = [];
  for (const [id, r] of rules) {
    const cells = runs.map((run) => {
      if (run.na) return { server: run.server, comparison: "n/a" as const };
      const s = run.suite.filter((c) => c.id === id).map((c) => c.status);
      const o = run.ours.filter((c) => r.ourChecks.has(c.id)).map((c) => c.verdict);
      const suite = s.length ? suiteVerdict(s) : undefined;
      const mine = o.length ? worst(o) : undefined;
      return { server: run.server, suite, ours: mine, comparison: compare(suite, mine) };
    });
    const all = cells.map((c) => c.comparison);
    const comparison: Comparison = all.includes("DISAGREE")
      ? "DISAGREE"
      : all.includes("agree")
        ? "agree"
        : (all.find((c) => c === "only suite" || c === "only ours") ?? "neither judged");
    rows.push({
      rule: id,
      scenarios: [...r.scenarios],
      ourChecks: [...r.ourChecks],
      any: r.scenarios.size === 0 || r.any,
      scored: r.scored,
      cells,
      comparison,
    });
  }
  const order = (x: Row) => (x.scenarios.length === 0 ? 1 : x.any ? 0 : 2);
  return rows.sort((a, b) => order(a) - order(b) || a.rule.localeCompare(b.rule));
}

/** Coverage: scored any-server suite rules that some check of ours judged on some server / all of them. */
export function coverage(rows: readonly Row[]): { covered: number; total: number; missing: string[] } {
  const applicable = rows.filter((r) => r.scenarios.length > 0 && r.any && r.scored);
  const judged = (r: Row) => r.cells.some((c) => c.ours !== undefined && c.ours !== "skipped");
  const covered = applicable.filter(judged);
  return {
    covered: covered.length,
    total: applicable.length,
    missing: applicable.filter((r) => !judged(r)).map((r) => r.rule),
  };
}

const show = (v: OurVerdict | undefined) => (v === undefined ? "–" : v === "fail" ? "FAIL" : v);

/** The Markdown table of one revision, then its coverage line. */
export function markdown(revision: string, runs: readonly ServerRun[], rows: readonly Row[]): string {
  const head = [
    "rule",
    "suite scenario",
    "our check",
    "applies",
    ...runs.flatMap((r) => [`${r.server}: suite`, `${r.server}: ours`]),
    "comparison",
  ];
  const lines = [`## Server conformance, ${revision}`, ""];
  for (const run of runs) if (run.na) lines.push(`${run.server}: not applicable (${run.na}).`, "");
  lines.push(`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
  for (const r of rows) {
    const applies =
      r.scenarios.length === 0
        ? "ours"
        : r.any
          ? r.scored
            ? "any server"
            : "any server (not scored)"
          : "suite fixture";
    const cells = r.cells.flatMap((c) => (c.comparison === "n/a" ? ["n/a", "n/a"] : [show(c.suite), show(c.ours)]));
    const scenarios = r.scenarios.length > 3 ? `${r.scenarios.length} scenarios` : r.scenarios.join(", ") || "–";
    lines.push(
      `| ${r.rule} | ${scenarios} | ${r.ourChecks.join(", ") || "–"} | ${applies} | ${cells.join(" | ")} | ${r.comparison} |`,
    );
  }
  const c = coverage(rows);
  lines.push(
    "",
    `Coverage ${revision}: ${c.covered}/${c.total} suite rules that apply to any server (scored scenarios) are judged by a check of ours.`,
    `Disagreements: ${rows.filter((r) => r.comparison === "DISAGREE").length}.`,
    "",
  );
  return lines.join("\n");
}
