/**
 * The security checks on real servers, calls allowed: server-filesystem confined to a temporary
 * directory passes the traversal check (a canary beside that directory included) and its errors,
 * which name the allowed directory and the path asked for, are no leak; server-everything and the
 * demo get no false failure (server-everything's zod issue list for a nameless tools/call included).
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../../base";
import { InspectorSession } from "../../session";
import { demoConfig, everythingConfig, nodeSessionDeps } from "../../testing";
import { PROBES } from "../probes";
import { SpotCheck, type CheckResult } from "../spotCheck";
import { canaryTargets, errorLeaks, inputValidation, pathTraversalProbe, rateLimit, schemaReview } from ".";

const FILESYSTEM = resolve("node_modules/@modelcontextprotocol/server-filesystem/dist/index.js");
let root: string;
let allowed: string;
const marker = `LENS-CANARY-${randomUUID()}`;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "mcp-lens-security-fs-"));
  allowed = join(root, "allowed");
  mkdirSync(allowed);
  writeFileSync(join(allowed, "a.txt"), "inside\n");
  writeFileSync(join(root, "canary.txt"), `${marker}\n`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

async function run(config: ConnectionConfig): Promise<Record<string, CheckResult>> {
  session = new InspectorSession(config, nodeSessionDeps());
  await session.connect();
  expect(session.state.failure).toBeUndefined();
  const canary = canaryTargets(marker, [join(root, "canary.txt"), join(allowed, "../canary.txt"), "../canary.txt"]);
  // The single-message probes first: their errors (the nameless tools/call among them) are judged too.
  const probes = [...PROBES, schemaReview, inputValidation, pathTraversalProbe(canary), rateLimit, errorLeaks];
  const results = await new SpotCheck({ timeoutMs: 3000, probes }).run(session, { allowCalls: true });
  return Object.fromEntries(results.filter((r) => r.id.startsWith("security-")).map((r) => [r.id, r]));
}

const verdicts = (r: Record<string, CheckResult>) =>
  Object.fromEntries(Object.entries(r).map(([id, x]) => [id, x.verdict]));

describe("security checks on real servers", () => {
  it("server-filesystem, confined to a temporary directory: traversal refused, its errors no leak", async () => {
    const r = await run({
      id: "fs",
      name: "filesystem",
      transport: "stdio",
      protocol: "2025-11-25",
      command: process.execPath,
      args: [FILESYSTEM, allowed],
      env: [],
      cwd: "",
    } as ConnectionConfig);
    expect(r["security-path-traversal"]!.verdict).toBe("pass");
    expect(r["security-path-traversal"]!.observed).toMatch(
      /^\d+ probes on read_file\.path, read_text_file\.path, .*: no outside content came back/,
    );
    expect(r["security-error-leaks"]!.verdict).toBe("pass");
    // Its schemas do not bound path: a warning, with advice.
    expect(r["security-schema-review"]!.verdict).toBe("warn");
    expect(r["security-schema-review"]!.observed).toContain("read_text_file.path looks like a file path");
  }, 90_000);

  it("server-everything: no false failure (the zod issue list for a nameless tools/call is not a leak)", async () => {
    const r = await run(everythingConfig());
    expect(verdicts(r)).toEqual({
      "security-schema-review": "warn",
      "security-input-validation": "pass",
      "security-path-traversal": "skipped",
      "security-rate-limit": "warn",
      "security-error-leaks": "pass",
    });
    expect(r["security-schema-review"]!.observed).toContain("gzip-file-as-resource.data looks like a URL");
    // A description that only mentions a URL ("…message to show with the URL") is not a URL parameter.
    expect(r["security-schema-review"]!.observed).not.toContain("trigger-url-elicitation.message");
    expect(r["security-path-traversal"]!.observed).toBe("no read-only tool with a path-like parameter");
  }, 90_000);

  it.each(["2025-11-25", "2026-07-28"] as const)(
    "the demo (%s): no false failure",
    async (protocol) => {
      const r = await run(demoConfig({ protocol }));
      for (const [id, x] of Object.entries(r)) expect([id, x.verdict, x.observed]).not.toContain("fail");
      expect(r["security-input-validation"]!.verdict).toBe("pass");
      expect(r["security-error-leaks"]!.verdict).toBe("pass");
    },
    90_000,
  );
});
