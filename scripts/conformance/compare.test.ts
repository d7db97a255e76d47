import { describe, expect, it } from "vitest";
import { appliesToAny, compare, coverage, markdown, pairRows, type ServerRun } from "./compare";

const run = (server: string, suite: ServerRun["suite"], ours: ServerRun["ours"], extra: Partial<ServerRun> = {}) =>
  ({ server, suite, ours, notScored: new Set<string>(), ...extra }) as ServerRun;

describe("server conformance pairing", () => {
  it("classifies: list and lifecycle rules judge any server, the suite's test_* fixtures do not", () => {
    expect(appliesToAny({ scenario: "tools-list", id: "tools-name-format" })).toBe(true);
    expect(appliesToAny({ scenario: "tools-call-simple-text", id: "tools-call-simple-text" })).toBe(false);
    expect(appliesToAny({ scenario: "tools-call-image", id: "wire-schema-valid" })).toBe(true);
    expect(appliesToAny({ scenario: "server-stateless", id: "sep-2575-missing-capability-http-400" })).toBe(false);
    expect(appliesToAny({ scenario: "server-stateless", id: "sep-2575-server-implements-discover" })).toBe(true);
  });

  it("maps verdicts: a real fault both see agrees, a warning against a failure is the level, skipped is no verdict", () => {
    expect(compare("fail", "fail")).toBe("agree");
    expect(compare("warn", "warn")).toBe("agree");
    expect(compare("warn", "fail")).toBe("agree");
    expect(compare("pass", "fail")).toBe("DISAGREE");
    expect(compare("skipped", "fail")).toBe("only ours");
    expect(compare("pass", undefined)).toBe("only suite");
    expect(compare(undefined, "skipped")).toBe("neither judged");
  });

  it("pairs by the suite ids our checks name; the worst of repeated suite verdicts counts; n/a servers stay n/a", () => {
    const rows = pairRows([
      run(
        "a",
        [
          { scenario: "http-header-validation", id: "sep-2243-server-reject-error-code", status: "SUCCESS" },
          { scenario: "http-header-validation", id: "sep-2243-server-reject-error-code", status: "FAILURE" },
          { scenario: "tools-list", id: "tools-list", status: "SUCCESS" },
        ],
        [
          { id: "method-header-mismatch", verdict: "pass", suite: ["sep-2243-server-reject-error-code"] },
          { id: "invalid-request", verdict: "fail" },
          { id: "missing-meta", verdict: "skipped", suite: ["sep-2575-request-meta-invalid-missing-meta"] },
        ],
      ),
      run("b", [], [], { na: "it speaks no 2026-07-28" }),
    ]);
    const row = (id: string) => rows.find((r) => r.rule === id)!;
    expect(row("sep-2243-server-reject-error-code")).toMatchObject({
      ourChecks: ["method-header-mismatch"],
      comparison: "DISAGREE",
      cells: [{ suite: "fail", ours: "pass" }, { comparison: "n/a" }],
    });
    expect(row("tools-list").comparison).toBe("only suite");
    expect(row("invalid-request")).toMatchObject({ scenarios: [], comparison: "only ours" });
    // A suite id the suite did not check in this revision: the check is a row of its own.
    expect(row("missing-meta")).toMatchObject({ ourChecks: ["missing-meta"], comparison: "neither judged" });
    expect(coverage(rows)).toEqual({ covered: 1, total: 2, missing: ["tools-list"] });
    const text = markdown("2026-07-28", [], rows);
    expect(text).toContain("| sep-2243-server-reject-error-code | http-header-validation | method-header-mismatch |");
    expect(text).toContain("Coverage 2026-07-28: 1/2");
  });

  it("does not count rules of scenarios the suite does not score", () => {
    const rows = pairRows([
      run(
        "a",
        [{ scenario: "server-session-lifecycle", id: "server-session-delete-accepted", status: "SUCCESS" }],
        [],
        {
          notScored: new Set(["server-session-lifecycle"]),
        },
      ),
    ]);
    expect(coverage(rows).total).toBe(0);
  });
});
