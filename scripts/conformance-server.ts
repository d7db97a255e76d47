/**
 * `npm run conformance:server`: the official suite's server scenarios and `mcp-lens check`, side by
 * side, against server-everything and the demo server over Streamable HTTP, for 2025-11-25 and
 * 2026-07-28. Prints one Markdown table per revision (every rule either side checks, both verdicts
 * per server, agree / DISAGREE / only suite / only ours) and the coverage count. Exits 1 only when
 * both sides judge a rule and disagree. The pairing logic is scripts/conformance/compare.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeSessionDeps, runCli } from "../lib/cli";
import {
  markdown,
  pairRows,
  type OurCheck,
  type ServerRun,
  type SuiteCheck,
  type SuiteStatus,
} from "./conformance/compare";
import { modernUnsupported, startDemo, startEverything, type Running } from "./conformance/servers";
import { installSuite, node22, notScored, REVISIONS, SUITE, suiteBin } from "./conformance/suite";

/** The suite's server scenarios of a revision against a URL, read back from the checks.json files it writes. */
function runSuite(url: string, revision: string): { checks: SuiteCheck[]; notScored: Set<string> } {
  const work = mkdtempSync(join(tmpdir(), "mcp-lens-conformance-"));
  try {
    const r = spawnSync(node22, [suiteBin, "server", "--url", url, "--requirements", revision, "-o", "results"], {
      cwd: work,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 5 * 60_000,
    });
    const output = `${r.stdout}${r.stderr}`;
    const checks: SuiteCheck[] = [];
    const results = join(work, "results");
    for (const d of readdirSync(results)) {
      const scenario = d.replace(/^server-/, "").replace(/-\d{4}-\d\d-\d\dT[\d-]+Z$/, "");
      const list = JSON.parse(readFileSync(join(results, d, "checks.json"), "utf8")) as {
        id: string;
        status: SuiteStatus;
      }[];
      for (const c of list) checks.push({ scenario, id: c.id, status: c.status });
    }
    if (checks.length === 0) throw new Error(`the suite wrote no results for ${url} at ${revision}:\n${output}`);
    return { checks, notScored: notScored(output) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `mcp-lens check <url> --version <rev> --json`, in-process. */
async function runOurs(url: string, revision: string): Promise<OurCheck[]> {
  let out = "";
  let err = "";
  const status = await runCli(["check", url, "--version", revision, "--json", "--timeout", "5"], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (p) => readFileSync(p, "utf8"),
    writeFile: () => {},
    deps: () => nodeSessionDeps({ direct: true }),
  });
  if (status === 2) throw new Error(`mcp-lens check ${url} --version ${revision}: ${err}`);
  return (JSON.parse(out) as { results: OurCheck[] }).results;
}

async function main(): Promise<number> {
  installSuite();
  const t0 = Date.now();
  const servers: Running[] = [];
  try {
    servers.push(await startEverything());
    servers.push(await startDemo());
    let disagreements = 0;
    console.log(`# Server conformance: ${SUITE} and mcp-lens check, over Streamable HTTP\n`);
    for (const revision of REVISIONS) {
      const runs: ServerRun[] = [];
      for (const s of servers) {
        const na = revision === "2026-07-28" ? await modernUnsupported(s.url) : undefined;
        if (na) {
          runs.push({ server: s.name, na, suite: [], ours: [], notScored: new Set() });
          continue;
        }
        // Ours first: the suite's run takes longer than the server's keep-alive, so a pooled socket
        // from the discover probe would be closed under our next fetch.
        const ours = await runOurs(s.url, revision).catch((error: unknown) => {
          throw new Error(`${String(error)}\n${s.name} printed:\n${s.log().slice(-3000)}`);
        });
        const suite = runSuite(s.url, revision);
        runs.push({ server: s.name, suite: suite.checks, notScored: suite.notScored, ours });
      }
      const rows = pairRows(runs);
      disagreements += rows.filter((r) => r.comparison === "DISAGREE").length;
      console.log(markdown(revision, runs, rows));
    }
    console.log(`Took ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
    return disagreements > 0 ? 1 : 0;
  } finally {
    for (const s of servers) await s.stop();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
