import type { CheckResult } from "./spotCheck";

export interface ReportContext {
  server?: { name: string; version: string };
  protocolVersion?: string;
  transport: string;
  /** ISO 8601. */
  at: string;
}

const VERDICT: Record<CheckResult["verdict"], string> = {
  pass: "pass",
  fail: "FAIL",
  warn: "warning",
  skipped: "skipped",
};

/** Table cells hold server text: pipes and newlines would break the table, backticks the code spans. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|").replace(/`/g, "'");
}

const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

/**
 * The spot check as a Markdown report, to paste into a bug report for the server's authors:
 * what ran against which server, then one row per check with expected, observed and the spec link.
 */
export function checksMarkdown(results: readonly CheckResult[], ctx: ReportContext): string {
  const count = (v: CheckResult["verdict"]) => results.filter((r) => r.verdict === v).length;
  const server = ctx.server ? `${cell(ctx.server.name)} ${cell(ctx.server.version)}` : "an MCP server";
  const lines = [
    `## MCP spot check: ${server}`,
    "",
    `Protocol ${ctx.protocolVersion ?? "unknown"} over ${ctx.transport}, checked by MCP Lens on ${ctx.at}.`,
    `${count("pass")} passed, ${count("fail")} failed, ${plural(count("warn"), "warning")}, ${count("skipped")} skipped.`,
    "",
    "| Verdict | Check | Level | Expected | Observed | Spec |",
    "|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${VERDICT[r.verdict]} | ${cell(r.title)} | ${r.level === "must" ? "required" : "recommended"} | \`${cell(r.expected)}\` | \`${cell(r.observed)}\` | [section](${r.specUrl}) |`,
    ),
    "",
  ];
  return lines.join("\n");
}
