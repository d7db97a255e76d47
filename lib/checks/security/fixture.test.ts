/**
 * The security checks proven on the file-tools fixture (servers/fixtures/file-tools.ts): the unsafe
 * read tool fails every check that can see it, the safe one passes them all. A canary file beside
 * the tools' directory, holding a marker only it has, is the traversal target the check recognises.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../../base";
import { InspectorSession } from "../../session";
import { nodeSessionDeps } from "../../testing";
import { SpotCheck, type CheckResult } from "../spotCheck";
import { canaryTargets, errorLeaks, inputValidation, pathTraversalProbe, rateLimit, schemaReview } from ".";

let root: string;
let files: string;
const marker = `LENS-CANARY-${randomUUID()}`;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "mcp-lens-security-"));
  files = join(root, "files");
  mkdirSync(files);
  writeFileSync(join(files, "notes.txt"), "notes inside the directory\n");
  writeFileSync(join(root, "canary.txt"), `${marker}\n`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

const fixtureConfig = (which: "unsafe" | "safe" | "both"): ConnectionConfig =>
  ({
    id: `file-tools-${which}`,
    name: `file-tools ${which}`,
    transport: "stdio",
    protocol: "2025-11-25",
    command: process.execPath,
    args: ["--import", "tsx", "servers/fixtures/file-tools.ts", files, which],
    env: [],
    cwd: "",
  }) as ConnectionConfig;

async function run(which: "unsafe" | "safe", allowCalls = true): Promise<Record<string, CheckResult>> {
  session = new InspectorSession(fixtureConfig(which), nodeSessionDeps());
  await session.connect();
  expect(session.state.failure).toBeUndefined();
  const traversal = pathTraversalProbe(canaryTargets(marker, ["../canary.txt", join(root, "canary.txt")]));
  const probes = [schemaReview, inputValidation, traversal, rateLimit, errorLeaks];
  const results = await new SpotCheck({ timeoutMs: 3000, probes }).run(session, { allowCalls });
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

describe("security checks on the file-tools fixture", () => {
  it("the unsafe tool: unbounded path flagged, invalid input accepted, the canary and /etc/passwd read, stack traces leaked", async () => {
    const r = await run("unsafe");
    expect(r["security-schema-review"]).toMatchObject({ verdict: "warn", level: "should" });
    expect(r["security-schema-review"]!.observed).toContain(
      "read_file_unsafe.path looks like a file path and has no pattern, enum or maxLength",
    );
    expect(r["security-schema-review"]!.observed).toContain("confine paths");
    expect(r["security-schema-review"]!.specUrl).toBe(
      "https://modelcontextprotocol.io/specification/2025-11-25/basic/security_best_practices",
    );

    const validation = r["security-input-validation"]!;
    expect(validation.verdict).toBe("fail");
    // The extra property goes with the placeholder path, which the tool fails to read (isError): a
    // refusal the check cannot tell from validation. The missing path it fills in itself.
    expect(validation.observed).toBe(
      "1 of 3 calls on read_file_unsafe not refused: read_file_unsafe with required path left out: accepted (a normal result)",
    );

    const traversal = r["security-path-traversal"]!;
    expect(traversal.verdict).toBe("fail");
    expect(traversal.observed).toContain(`read_file_unsafe(path: "../canary.txt") returned the canary file's content`);
    expect(traversal.observed).toMatch(/returned \/etc\/passwd's content \(\\?"root:/);

    expect(r["security-rate-limit"]).toMatchObject({ verdict: "warn" });
    expect(r["security-rate-limit"]!.observed).toMatch(
      /^50 ping requests at once, in \d+ ms: 50 answered; no push-back/,
    );

    const leaks = r["security-error-leaks"]!;
    expect(leaks.verdict).toBe("fail");
    expect(leaks.observed).toContain("isError result to tools/call read_file_unsafe");
    expect(leaks.observed).toMatch(/stack trace "at /);
    expect(leaks.observed).toMatch(/absolute path "\/[^"]*servers\/fixtures\/file-tools\.ts"/);
    // Each failure points at the exchange that shows it.
    const answer = session!.log.entries[leaks.answerSeq!];
    expect(answer?.kind === "frame" && answer.raw).toContain('"isError":true');
  }, 60_000);

  it("the safe tool: bounded schema, every violation refused, nothing outside read, a rate limit, clean errors", async () => {
    const r = await run("safe");
    expect(r["security-schema-review"]).toMatchObject({ verdict: "pass" });
    expect(r["security-input-validation"]).toMatchObject({ verdict: "pass" });
    expect(r["security-input-validation"]!.observed).toBe(
      "4 calls on 1 tool (read_file_safe): all refused (4 JSON-RPC errors, 0 isError results)",
    );
    expect(r["security-path-traversal"]).toMatchObject({ verdict: "pass" });
    expect(r["security-path-traversal"]!.observed).toMatch(/^6 probes on read_file_safe\.path: no outside content/);
    expect(r["security-rate-limit"]).toMatchObject({ verdict: "pass" });
    expect(r["security-rate-limit"]!.observed).toMatch(
      /^50 ping requests at once: pushed back at request \d+ \(after \d+ answered\): error -32000 "Too many requests/,
    );
    expect(r["security-error-leaks"]).toMatchObject({ verdict: "pass" });
    expect(r["security-error-leaks"]!.observed).toMatch(/^\d+ errors in this session .*: none carries/);
  }, 60_000);

  it("without the opt-in nothing is called: the calling checks say why, the others still judge", async () => {
    const r = await run("unsafe", false);
    expect(r["security-input-validation"]).toMatchObject({
      verdict: "skipped",
      observed: expect.stringMatching(/^opt-in: calls tools/),
    });
    expect(r["security-path-traversal"]).toMatchObject({
      verdict: "skipped",
      observed: expect.stringMatching(/^opt-in: calls tools/),
    });
    expect(r["security-rate-limit"]).toMatchObject({
      verdict: "skipped",
      observed: "opt-in: sends a burst of 50 requests",
    });
    expect(r["security-schema-review"]!.verdict).toBe("warn");
    const calls = session!.log.entries.filter(
      (e) => e.kind === "frame" && e.rpc.type === "request" && e.rpc.method === "tools/call",
    );
    expect(calls).toEqual([]);
  }, 30_000);
});
