/**
 * The official conformance suite and the Node 22 it needs, from the npm registry into
 * .bench/conformance on first use (`node@22` brings its binary as a package, no install script).
 * Shared by scripts/conformance.ts (client side) and scripts/conformance-server.ts (server side).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const SUITE = "@modelcontextprotocol/conformance@0.2.0-alpha.12";
export const REVISIONS = ["2025-11-25", "2026-07-28"] as const;
export const root = resolve(import.meta.dirname, "..", "..");
const dir = join(root, ".bench", "conformance");
export const suiteBin = join(dir, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");
export const node22 = join(dir, "node_modules", ".bin", "node");

export function installSuite(): void {
  if (existsSync(suiteBin) && existsSync(node22)) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "mcp-lens-conformance", private: true }));
  console.log(`Installing ${SUITE} and node@22 into ${dir} …`);
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--prefix", dir, SUITE, "node@22"], {
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("npm install of the conformance suite failed");
}

/** The scenarios the suite runs but does not score for a revision, from its summary. */
export function notScored(output: string): Set<string> {
  return new Set(
    [...output.matchAll(/^ {2}[✓✗] (\S+) \((extension|added-after-release|pending)\)$/gm)].map((m) => m[1]!),
  );
}

export interface ListedScenario {
  scenario: string;
  /** Why the suite runs it but does not score it for the revision (extension, added-after-release, pending). */
  notScored?: string;
}

/**
 * The client scenarios of `conformance list --client --requirements <rev>`: those the revision
 * requires ("Client scenarios" list), then those run but not scored ("Run and reported, but never
 * scored", each under its reason, marked `[client]`).
 */
export function parseClientList(output: string): ListedScenario[] {
  const out: ListedScenario[] = [];
  let section: "client" | "not-scored" | undefined;
  let reason: string | undefined;
  for (const line of output.split("\n")) {
    if (/^Client scenarios\b/.test(line)) section = "client";
    else if (/^Run and reported, but never scored/.test(line)) section = "not-scored";
    else if (/^\S/.test(line)) section = undefined;
    else if (section === "client") {
      const m = /^ {2}- (\S+)$/.exec(line);
      if (m) out.push({ scenario: m[1]! });
    } else if (section === "not-scored") {
      const heading = /^ {2}(\S+) \(\d+\):$/.exec(line);
      if (heading) reason = heading[1];
      const m = /^ {4}- (\S+) \[client\]$/.exec(line);
      if (m) out.push({ scenario: m[1]!, notScored: reason ?? "not scored" });
    }
  }
  return out;
}
