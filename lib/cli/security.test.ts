/**
 * `mcp-lens check --allow-calls [--all-tools]`: the security checks from the command line, on the
 * file-tools fixture (unsafe: exit 1 with the failed checks in the JSON; safe: its security rows pass).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../checks";
import { parseArgs } from "./args";
import { nodeSessionDeps } from "./nodeDeps";
import { runCli, type CliIo } from "./run";

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "mcp-lens-security-cli-"));
  mkdirSync(join(root, "files"));
  writeFileSync(join(root, "files", "notes.txt"), "notes\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fixture = (which: string) => [
  "--",
  process.execPath,
  "--import",
  "tsx",
  "servers/fixtures/file-tools.ts",
  join(root, "files"),
  which,
];

async function check(argv: string[]): Promise<{ code: number; results: Record<string, CheckResult> }> {
  let out = "";
  const io: CliIo = {
    out: (t) => void (out += t),
    err: () => {},
    readFile: () => "",
    writeFile: () => {},
    deps: () => nodeSessionDeps(),
  };
  const code = await runCli(["check", "--json", "--timeout", "3", ...argv], io);
  const results = (JSON.parse(out) as { results: CheckResult[] }).results;
  return { code, results: Object.fromEntries(results.map((r) => [r.id, r])) };
}

const verdicts = (results: Record<string, CheckResult>) =>
  Object.fromEntries(
    Object.entries(results)
      .filter(([id]) => id.startsWith("security-"))
      .map(([id, r]) => [id, r.verdict]),
  );

describe("mcp-lens check --allow-calls", () => {
  it("parses the flags; --all-tools alone is refused", () => {
    expect(parseArgs(["check", "--allow-calls", "--all-tools", "http://127.0.0.1:1/mcp"])).toMatchObject({
      ok: true,
      options: { allowCalls: true, allTools: true },
    });
    expect(parseArgs(["check", "--all-tools", "http://127.0.0.1:1/mcp"])).toEqual({
      ok: false,
      error: "--all-tools widens --allow-calls: give both",
    });
  });

  it("the unsafe fixture fails its security checks (exit 1); without the flag they are skipped and say why", async () => {
    const allowed = await check(["--allow-calls", ...fixture("unsafe")]);
    expect(allowed.code).toBe(1);
    expect(verdicts(allowed.results)).toEqual({
      "security-schema-review": "warn",
      "security-input-validation": "fail",
      "security-path-traversal": "fail",
      "security-rate-limit": "warn",
      "security-error-leaks": "fail",
    });
    const plain = await check(fixture("unsafe"));
    expect(plain.results["security-path-traversal"]).toMatchObject({
      verdict: "skipped",
      observed: expect.stringMatching(/--allow-calls/),
    });
  }, 60_000);

  it("the safe fixture passes every security check", async () => {
    const { results } = await check(["--allow-calls", ...fixture("safe")]);
    expect(verdicts(results)).toEqual({
      "security-schema-review": "pass",
      "security-input-validation": "pass",
      "security-path-traversal": "pass",
      "security-rate-limit": "pass",
      "security-error-leaks": "pass",
    });
  }, 60_000);
});
