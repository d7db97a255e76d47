/**
 * The codemod of issue 17's moves. Re-runnable: run it after merging a branch written against the
 * old layout and it moves that branch's files and fixes their imports.
 *
 *   node --import tsx scripts/dev/rewrite-imports.ts [--dry]
 *
 * 1. Every file whose path is in MOVES (a file stem, or a folder ending in "/") is moved with `git mv`
 *    (its `.test.ts` beside it goes along).
 * 3. Paths of moved files named in the Markdown files (README.md, ARCHITECTURE.md, docs/) are
 *    written with their new place.
 * 2. Every relative or `@/` import in the .ts/.tsx files of app, components, lib, scripts, servers, tests
 *    is resolved from where the file was, mapped through MOVES, and written again from where the file
 *    is now. An import of a file in another lib folder that has an index.ts becomes an import of that
 *    index (the folder's public surface). Imports that resolve to nothing are left as they are.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const ROOTS = ["app", "components", "lib", "scripts", "servers", "tests"];
const dry = process.argv.includes("--dry");

/** old → new. A stem (no extension) moves one file and its tests; a folder ("…/") moves all under it. */
export const MOVES: Array<[string, string]> = [
  // The ground floor.
  ["lib/session/store", "lib/base/store"],
  ["lib/session/config", "lib/base/config"],
  ["lib/session/state", "lib/base/state"],
  ["lib/client/capabilities", "lib/base/featureSwitches"],
  ["lib/inspect/violations", "lib/base/violations"],
  ["lib/bridge/protocol", "lib/base/wire"],
  ["lib/security/stdioEnv", "lib/base/stdioEnv"],
  ["lib/transports/pacing", "lib/base/pacing"],
  // Test helpers in one place.
  ["lib/client/testing", "lib/testing/client"],
  ["lib/schema/testing", "lib/testing/schema"],
  ["lib/faults/harness", "lib/testing/faults"],
  ["lib/faults/processes", "lib/testing/processes"],
  // Node only.
  ["lib/bridge/", "lib/server/bridge/"],
  ["lib/security/addresses", "lib/server/security/addresses"],
  ["lib/security/csp", "lib/server/security/csp"],
  ["lib/security/gate", "lib/server/security/gate"],
  ["lib/security/launch", "lib/server/security/launch"],
  ["lib/security/requestTarget", "lib/server/security/requestTarget"],
  ["lib/security/session", "lib/server/security/session"],
  ["lib/security/stateFile", "lib/server/security/stateFile"],
  ["lib/security/team", "lib/server/security/team"],
  ["lib/security/teamStart", "lib/server/security/teamStart"],
  ["lib/security/token", "lib/server/security/token"],
];

const EXT = /\.(tsx?)$/;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (EXT.test(name) && !name.endsWith(".d.ts")) out.push(relative(ROOT, p).split("\\").join("/"));
  }
  return out;
}

/** Where a path (file with extension, or stem) goes; itself when it does not move. */
export function moved(path: string): string {
  const ext = EXT.exec(path)?.[0] ?? "";
  const stem = path.slice(0, path.length - ext.length);
  for (const [from, to] of MOVES) {
    if (from.endsWith("/")) {
      if (stem.startsWith(from)) return to + stem.slice(from.length) + ext;
    } else {
      if (stem === from) return to + ext;
      const suffix = /^\.(test|spec)$/.exec(stem.slice(from.length))?.[0];
      if (stem.startsWith(from) && suffix) return to + suffix + ext;
    }
  }
  return path;
}

/** Where a moved file came from (for a file merged at its new place but written against its old one). */
export function unmoved(path: string): string {
  const ext = EXT.exec(path)?.[0] ?? "";
  const stem = path.slice(0, path.length - ext.length);
  for (const [from, to] of MOVES) {
    if (to.endsWith("/")) {
      if (stem.startsWith(to)) return from + stem.slice(to.length) + ext;
    } else {
      if (stem === to) return from + ext;
      const suffix = /^\.(test|spec)$/.exec(stem.slice(to.length))?.[0];
      if (stem.startsWith(to) && suffix) return from + suffix + ext;
    }
  }
  return path;
}

const unitOf = (file: string): string => {
  const parts = file.split("/");
  return parts[0] === "lib" && parts.length > 2 ? `lib/${parts[1]}` : parts[0]!;
};

function resolveIn(files: Set<string>, base: string): string | undefined {
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (files.has(cand)) return cand;
  return undefined;
}

function specFor(importer: string, target: string, alias: boolean): string {
  const stem = target.replace(EXT, "").replace(/\/index$/, "");
  if (alias) return `@/${stem}`;
  let rel = posix.relative(posix.dirname(importer), stem);
  if (rel === "") rel = ".";
  return rel.startsWith(".") ? rel : `./${rel}`;
}

const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)(["'])([^"'\n]+)\2/g;

export function run(): { moves: number; rewritten: number } {
  const files = ROOTS.flatMap((r) => walk(join(ROOT, r)));
  const before = new Set(files);
  const after = new Set(files.map(moved));
  const hasIndex = (unit: string): boolean => after.has(`${unit}/index.ts`);
  let moves = 0,
    rewritten = 0;
  for (const file of files) {
    const dest = moved(file);
    const text = readFileSync(join(ROOT, file), "utf8");
    const next = text.replace(IMPORT, (whole, lead: string, quote: string, spec: string) => {
      const alias = spec.startsWith("@/");
      if (!alias && !spec.startsWith(".")) return whole;
      const base = alias ? spec.slice(2) : posix.normalize(posix.join(posix.dirname(file), spec));
      // Resolved where it was; or, for a file written against the old layout, through the table.
      const find = (b: string): string | undefined =>
        resolveIn(before, b) ?? resolveIn(after, moved(b)) ?? resolveIn(after, b);
      // A relative import that resolves nowhere may have been written where the file used to be.
      const formerBase = alias ? undefined : posix.normalize(posix.join(posix.dirname(unmoved(file)), spec));
      const old = find(base) ?? (formerBase && formerBase !== base ? find(formerBase) : undefined);
      if (!old) return whole;
      let target = after.has(old) && !before.has(old) ? old : moved(old);
      const unit = unitOf(target);
      if (unit.startsWith("lib/") && unit !== unitOf(dest) && hasIndex(unit)) target = `${unit}/index.ts`;
      const unchanged = dest === file && target === old;
      if (unchanged) return whole;
      const nextSpec = specFor(dest, target, alias);
      return nextSpec === spec ? whole : `${lead}${quote}${nextSpec}${quote}`;
    });
    if (dest !== file) {
      moves++;
      console.log(`move ${file} → ${dest}`);
      if (!dry) {
        mkdirSync(dirname(join(ROOT, dest)), { recursive: true });
        execFileSync("git", ["mv", file, dest], { cwd: ROOT });
      }
    }
    if (next !== text) {
      rewritten++;
      if (!dry) writeFileSync(join(ROOT, dest), next);
    }
  }
  return { moves, rewritten };
}

/** `lib/…` paths in Markdown: a moved file (with or without extension) or a moved folder gets its new path. */
export function rewriteDocs(): number {
  const docs = [
    "README.md",
    "ARCHITECTURE.md",
    ...(existsSync(join(ROOT, "docs"))
      ? readdirSync(join(ROOT, "docs"))
          .filter((n) => n.endsWith(".md"))
          .map((n) => `docs/${n}`)
      : []),
  ];
  let changed = 0;
  for (const doc of docs) {
    const path = join(ROOT, doc);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    const next = text.replace(/\blib\/[A-Za-z0-9_./-]*[A-Za-z0-9_]\/?/g, (p) => {
      const folder = MOVES.find(
        ([from]) => from.endsWith("/") && (p === from || p === from.slice(0, -1) || p.startsWith(from)),
      );
      if (folder) return p === folder[0].slice(0, -1) ? folder[1].slice(0, -1) : folder[1] + p.slice(folder[0].length);
      return moved(p);
    });
    if (next !== text) {
      changed++;
      if (!dry) writeFileSync(path, next);
    }
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { moves, rewritten } = run();
  const docs = rewriteDocs();
  console.log(
    `${dry ? "(dry run) " : ""}${moves} file(s) moved, ${rewritten} file(s) with imports rewritten, ${docs} Markdown file(s) with paths rewritten`,
  );
}
