/**
 * `npm run conformance`: MCP Lens's client judged by the official suite (@modelcontextprotocol/conformance).
 * The suite needs Node.js 22; both come from the npm registry into .bench/conformance on first use
 * (`node@22` brings its binary as a package, no install script). For each protocol revision it runs
 * `conformance client --requirements <rev> --command "mcp-lens conformance-client"` and prints one
 * row per scenario. That run starts every scenario's client at once, which on a small machine runs
 * past the suite's time limits; so each scenario it listed is then run again on its own
 * (`--scenario <name> --spec-version <rev>`), one after the other, and that verdict is the one shown.
 * Authorization scenarios are listed apart (issue 14). `--strict` exits 1 when a required
 * non-authorization scenario fails.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { installSuite, node22, notScored as notScoredIn, REVISIONS, root, SUITE, suiteBin } from "./conformance/suite";

interface Row {
  scenario: string;
  passed: number;
  failed: number;
  ok: boolean;
}

function run(revision: string): { rows: Row[]; output: string } {
  const command = `${process.execPath} --import tsx ${join(root, "lib/cli/main.ts")} conformance-client`;
  const r = spawnSync(node22, [suiteBin, "client", "--requirements", revision, "--command", command], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const output = `${r.stdout}${r.stderr}`;
  const rows = [...output.matchAll(/^([✓✗]) (\S+): (\d+) passed, (\d+) failed/gm)].map((m) => ({
    scenario: m[2]!,
    passed: Number(m[3]),
    failed: Number(m[4]),
    ok: m[1] === "✓",
  }));
  return { rows, output };
}

/** One scenario on its own: the suite's summary line ("Passed: 18/18, 0 failed"). */
function runAlone(revision: string, scenario: string): Row | undefined {
  const command = `${process.execPath} --import tsx ${join(root, "lib/cli/main.ts")} conformance-client`;
  const r = spawnSync(
    node22,
    [suiteBin, "client", "--scenario", scenario, "--spec-version", revision, "--force", "--command", command],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
  );
  const m = /Passed: (\d+)\/(\d+), (\d+) failed/.exec(`${r.stdout}${r.stderr}`);
  if (!m) return undefined;
  const failed = Number(m[3]);
  return { scenario, passed: Number(m[1]), failed, ok: failed === 0 && r.status === 0 };
}

installSuite();
let requiredFailing = 0;
for (const revision of REVISIONS) {
  const { rows: listed, output } = run(revision);
  if (listed.length === 0) {
    console.log(output);
    throw new Error(`the suite printed no results for ${revision}`);
  }
  const rows = listed.map((r) => runAlone(revision, r.scenario) ?? r);
  const notScored = notScoredIn(output);
  const core = rows.filter((r) => !r.scenario.startsWith("auth/"));
  const auth = rows.filter((r) => r.scenario.startsWith("auth/"));
  console.log(`\n## Client conformance, ${revision} (${SUITE})\n`);
  console.log("| scenario | checks passed | failed | verdict |");
  console.log("|---|---|---|---|");
  for (const r of core) {
    const scored = !notScored.has(r.scenario);
    if (scored && !r.ok) requiredFailing++;
    console.log(
      `| ${r.scenario}${scored ? "" : " (not scored)"} | ${r.passed} | ${r.failed} | ${r.ok ? "pass" : "FAIL"} |`,
    );
  }
  const scoredCore = core.filter((r) => !notScored.has(r.scenario));
  console.log(
    `\nRequired non-authorization scenarios: ${scoredCore.filter((r) => r.ok).length}/${scoredCore.length} pass.`,
  );
  console.log(`Authorization scenarios (issue 14): ${auth.filter((r) => r.ok).length}/${auth.length} pass.`);
  const failing = auth.filter((r) => !r.ok);
  if (failing.length)
    console.log(`Failing: ${failing.map((r) => `${r.scenario} (${r.passed}/${r.passed + r.failed})`).join(", ")}`);
}
if (process.argv.includes("--strict") && requiredFailing > 0) process.exitCode = 1;
