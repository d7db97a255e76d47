import type { ReportContext } from "./report";
import { ALL_PROBES, type CheckResult } from "./spotCheck";

/** XML text and attribute values: the five special characters, and no control characters. */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * The spot check as JUnit XML (browser-safe: the Checks tab downloads it, `mcp-lens check --junit` writes it), the format CI systems read: one testcase per check; a failed "must"
 * is a failure; an unfollowed "should" passes with the warning in its system-out (it fails no build,
 * as the exit status does not); a skipped check is skipped with the reason.
 */
export function checksJunit(results: readonly CheckResult[], suite: string): string {
  const count = (v: CheckResult["verdict"]) => results.filter((r) => r.verdict === v).length;
  const failures = count("fail");
  const cases = results.map((r) => {
    const open = `    <testcase classname="${xml(suite)}" name="${xml(`${r.title} (${r.level})`)}">`;
    const body =
      r.verdict === "pass"
        ? ""
        : r.verdict === "skipped"
          ? `\n      <skipped message="${xml(r.observed)}"/>`
          : r.verdict === "warn"
            ? `\n      <system-out>${xml(`warning (should): ${detail(r)}`)}</system-out>`
            : `\n      <failure type="must" message="${xml(`expected ${r.expected}`)}">${xml(detail(r))}</failure>`;
    return `${open}${body}${body ? "\n    " : ""}</testcase>`;
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites tests="${results.length}" failures="${failures}" skipped="${count("skipped")}">`,
    `  <testsuite name="${xml(suite)}" tests="${results.length}" failures="${failures}" skipped="${count("skipped")}">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

const detail = (r: CheckResult) => `Expected: ${r.expected}\nObserved: ${r.observed}\nSpec: ${r.specUrl}`;

/** The results as JSON, with the report's context; traffic positions are left out (they mean nothing outside the session). */
export function checksJson(results: readonly CheckResult[], ctx: ReportContext): string {
  // Traffic positions mean nothing outside the page; the suite's check ids each check judges too do.
  const plain = results.map(({ requestSeq: _r, answerSeq: _a, ...result }) => {
    const suite = ALL_PROBES.find((p) => p.id === result.id)?.suite;
    return suite?.length ? { ...result, suite } : result;
  });
  return JSON.stringify({ ...ctx, results: plain }, null, 2);
}
