/**
 * `mcp-lens check --version 2026-07-28 --json`: the 2026-07-28 checks (lib/checks/modern*.ts) in the
 * command line's report, against the demo over Streamable HTTP (all pass, exit 0) and the fault
 * fixture's modern-lax mode (caught, exit 1).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../checks";
import { startHttpFixture, startProcess, waitFor, type Started } from "../testing";
import { nodeSessionDeps } from "./nodeDeps";
import { runCli, type CliIo } from "./run";

async function check(url: string) {
  let out = "";
  const io: CliIo = {
    out: (t) => void (out += `${t}\n`),
    err: () => undefined,
    readFile: () => {
      throw new Error("no files");
    },
    writeFile: () => undefined,
    deps: () => nodeSessionDeps({ direct: true }),
  };
  const code = await runCli(["check", url, "--version", "2026-07-28", "--timeout", "2", "--json"], io);
  const report = JSON.parse(out) as { protocolVersion: string; results: CheckResult[] };
  const verdict = (id: string) => report.results.find((r) => r.id === id)?.verdict;
  return { code, report, verdict };
}

const SOME_2026_CHECKS = [
  "meta-missing-protocol-version",
  "removed-initialize",
  "method-header-missing",
  "name-header-mismatch",
  "unsupported-version-data",
  "caching-hints",
  "listen-acknowledged",
  "listen-filter",
];

describe("mcp-lens check --version 2026-07-28", () => {
  let demo: Started;
  let url = "";
  beforeAll(async () => {
    demo = startProcess(process.execPath, ["--import", "tsx", "servers/demo/http.ts"], { PORT: "0" });
    await waitFor(
      () => (url = /MCP_LENS_DEMO_URL=(\S+)/.exec(demo.output())?.[1] ?? "") !== "" || demo.child.exitCode !== null,
      20_000,
    );
  }, 30_000);
  afterAll(async () => demo.stop());

  it("the demo over Streamable HTTP: the 2026 checks are in the JSON report, all passed, exit 0", async () => {
    const { code, report, verdict } = await check(url);
    expect(report.protocolVersion).toBe("2026-07-28");
    for (const id of SOME_2026_CHECKS) expect(verdict(id), id).toBe("pass");
    expect(report.results.filter((r) => r.verdict === "fail")).toEqual([]);
    expect(code).toBe(0);
  });

  it("the fault fixture (MODE=modern-lax): the same checks fail, exit 1", async () => {
    const fixture = await startHttpFixture({ MODE: "modern-lax" });
    try {
      const { code, verdict } = await check(fixture.url);
      for (const id of SOME_2026_CHECKS) expect(verdict(id), id).toBe("fail");
      expect(code).toBe(1);
    } finally {
      await fixture.stop();
    }
  });
});
