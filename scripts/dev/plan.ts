/**
 * The plan check (issue 17): reads every import of app/, components/, lib/, scripts/, servers/, tests/
 * and reports the shape of the house. Fails (exit 1) on a cycle between folders, an import the
 * "may import" table refuses, a deep import around an index.ts, or a Node built-in outside the
 * places allowed to use one. Also reports (without failing) repeated helper copies and functions
 * over 80 lines, so the numbers can be compared over time.
 *
 *   node --import tsx scripts/dev/plan.ts [--quiet]
 *
 * The table comes from scripts/dev/layers.mjs (which eslint.config.mjs reads too); ARCHITECTURE.md's
 * "may import" column must say the same, or the check fails. Without layers.mjs (an older tree)
 * ARCHITECTURE.md's column is used.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, posix } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "../..");
const ROOTS = ["app", "components", "lib", "scripts", "servers", "tests"];
const MAX_FUNCTION_LINES = 80;
const quiet = process.argv.includes("--quiet");

type Layers = Record<string, string[]>;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(relative(ROOT, p).split("\\").join("/"));
  }
  return out;
}

/** The folder a file belongs to for the plan: `lib/<name>` inside lib, else the top-level folder. */
export function unitOf(file: string): string {
  const parts = file.split("/");
  return parts[0] === "lib" && parts.length > 2 ? `lib/${parts[1]}` : parts[0]!;
}

const isTest = (file: string): boolean => /\.(test|spec)\.tsx?$/.test(file);

function resolveImport(from: string, spec: string, files: Set<string>): string | undefined {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = posix.normalize(posix.join(posix.dirname(from), spec));
  else return undefined;
  for (const cand of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (files.has(cand)) return cand;
  return undefined;
}

const NODE_BUILTINS = new Set([
  "assert",
  "buffer",
  "child_process",
  "cluster",
  "crypto",
  "dgram",
  "dns",
  "events",
  "fs",
  "fs/promises",
  "http",
  "http2",
  "https",
  "module",
  "net",
  "os",
  "path",
  "perf_hooks",
  "process",
  "readline",
  "stream",
  "stream/promises",
  "string_decoder",
  "timers",
  "tls",
  "tty",
  "url",
  "util",
  "v8",
  "vm",
  "worker_threads",
  "zlib",
]);
export const isNodeBuiltin = (spec: string): boolean => spec.startsWith("node:") || NODE_BUILTINS.has(spec);
/** Where Node built-ins may be imported. */
export const nodeAllowed = (file: string): boolean =>
  /^(lib\/server|lib\/cli|scripts|servers|tests)\//.test(file) || isTest(file) || /^lib\/(faults|testing)\//.test(file);

/** The "may import" column of ARCHITECTURE.md: backticked paths; anything else (—, "nothing UI", "SDK") allows no project folder. */
export function architectureLayers(text: string): Layers {
  const layers: Layers = {};
  for (const line of text.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 5) continue;
    const folder = /^`([^`]+)`$/.exec(cells[1] ?? "")?.[1];
    if (!folder) continue;
    const may = cells[3] ?? "";
    layers[folder.replace(/\/$/, "")] = [...may.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, ""));
  }
  return layers;
}

/** Whether `target` (a file) is allowed from `unit` by its row: a path prefix of the file, or its unit. */
function allowed(layers: Layers, unit: string, target: string): boolean | undefined {
  const row = layers[unit];
  if (!row) return undefined;
  return row.some((p) => target === p || target.startsWith(`${p}/`) || target.startsWith(`${p}.`));
}

interface Edge {
  from: string;
  to: string;
  spec: string;
}

function tarjan(nodes: string[], adj: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(),
    low = new Map<string, number>(),
    on = new Set<string>(),
    stack: string[] = [],
    out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of adj.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const n of nodes) if (!idx.has(n)) strong(n);
  return out;
}

function longFunctions(file: string, text: string): Array<{ name: string; lines: number; line: number }> {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Array<{ name: string; lines: number; line: number }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) {
        let name = (node as ts.FunctionDeclaration).name?.getText(sf);
        if (!name && ts.isVariableDeclaration(node.parent)) name = node.parent.name.getText(sf);
        if (!name && ts.isPropertyAssignment(node.parent)) name = node.parent.name.getText(sf);
        out.push({ name: name ?? "(anonymous)", lines, line: start + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const HELPERS: Array<{ name: string; re: RegExp; home: RegExp }> = [
  { name: "isRecord/isObject definitions", re: /(?:function|const)\s+is(?:Record|Object)\b/g, home: /^lib\/base\// },
  {
    name: "`instanceof Error ? … : String(` copies",
    re: /instanceof Error\s*\?[^:\n]*:\s*String\(/g,
    home: /^lib\/base\//,
  },
  {
    name: "content-type sniffing",
    re: /\/(?:text\\\/event-stream|event-stream|json|html)\/i\.test\(\s*(?:contentType|type|mime\w*)|\.split\(";",\s*1\)\[0\]/g,
    home: /^lib\/base\//,
  },
];

/** The table: layers.mjs when present (checked against ARCHITECTURE.md), else ARCHITECTURE.md's column. */
async function readLayers(): Promise<{ layers: Layers; tableProblems: string[]; fromFile: boolean }> {
  const layersFile = join(ROOT, "scripts/dev/layers.mjs");
  const archLayers = architectureLayers(readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8"));
  const tableProblems: string[] = [];
  if (!existsSync(layersFile)) return { layers: archLayers, tableProblems, fromFile: false };
  const { LAYERS: layers } = (await import(pathToFileURL(layersFile).href)) as { LAYERS: Layers };
  for (const [folder, may] of Object.entries(layers)) {
    const doc = archLayers[folder];
    if (!doc) tableProblems.push(`${folder}: no row in ARCHITECTURE.md`);
    else if ([...doc].sort().join(",") !== [...may].sort().join(","))
      tableProblems.push(`${folder}: ARCHITECTURE.md says [${doc.join(", ")}], layers.mjs says [${may.join(", ")}]`);
  }
  for (const folder of Object.keys(archLayers))
    if (!layers[folder]) tableProblems.push(`${folder}: in ARCHITECTURE.md, not in layers.mjs`);
  return { layers, tableProblems, fromFile: true };
}

export async function plan(): Promise<{ failures: number; report: string }> {
  const files = ROOTS.flatMap((r) => walk(join(ROOT, r))).sort();
  const fileSet = new Set(files);
  const { layers, tableProblems, fromFile } = await readLayers();
  const lines: string[] = [];
  let failures = 0;

  const edges: Edge[] = [];
  const nodeImports: string[] = [];
  const helperHits = new Map<string, string[]>();
  const long: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
      const spec = imp.fileName;
      if (isNodeBuiltin(spec) && !nodeAllowed(file)) nodeImports.push(`${file} → ${spec}`);
      const to = resolveImport(file, spec, fileSet);
      if (to) edges.push({ from: file, to, spec });
    }
    for (const h of HELPERS) {
      if (h.home.test(file) || file === "scripts/dev/plan.ts") continue;
      const n = [...text.matchAll(h.re)].length;
      if (n) helperHits.set(h.name, [...(helperHits.get(h.name) ?? []), ...Array<string>(n).fill(file)]);
    }
    for (const f of longFunctions(file, text)) long.push(`${file}:${f.line} ${f.name} (${f.lines} lines)`);
  }

  // Folder graph (production code only: a test beside the code may reach further).
  const adj = new Map<string, Set<string>>();
  const example = new Map<string, Edge>();
  for (const e of edges) {
    if (isTest(e.from)) continue;
    const a = unitOf(e.from),
      b = unitOf(e.to);
    if (a === b) continue;
    if (!adj.has(a)) adj.set(a, new Set());
    adj.get(a)!.add(b);
    if (!example.has(`${a}>${b}`)) example.set(`${a}>${b}`, e);
  }
  const units = [...new Set(files.map(unitOf))].sort();
  const cycles = tarjan(units, adj);

  const violations: string[] = [];
  const deep: string[] = [];
  for (const e of edges) {
    const a = unitOf(e.from),
      b = unitOf(e.to);
    if (a === b) continue;
    const ok = allowed(layers, a, e.to);
    if (ok === false && !isTest(e.from)) violations.push(`${e.from} → ${e.spec}`);
    // Deep import around an index.ts: a file of another folder reached past that folder's index.
    const index = `${b}/index.ts`;
    if (b.startsWith("lib/") && fileSet.has(index) && e.to !== index) deep.push(`${e.from} → ${e.spec}`);
  }

  const section = (title: string, items: string[], fail: boolean): void => {
    lines.push(`${title}: ${items.length}${fail && items.length ? "  ✗" : ""}`);
    if (!quiet) for (const i of items) lines.push(`  ${i}`);
    if (fail) failures += items.length;
  };
  lines.push(
    `files: ${files.length} (${files.filter(isTest).length} tests) in ${units.length} folders; ${edges.length} project imports`,
  );
  lines.push(
    `folders with an index.ts: ${units.filter((u) => fileSet.has(`${u}/index.ts`)).length} of ${units.filter((u) => u.startsWith("lib/")).length} lib folders`,
  );
  section(
    "folder cycles",
    cycles.map(
      (c) =>
        `${c.join(" ⇄ ")}: ${c.flatMap((a) => c.filter((b) => adj.get(a)?.has(b)).map((b) => `${a}→${b} (${example.get(`${a}>${b}`)!.from})`)).join("; ")}`,
    ),
    true,
  );
  section('layer violations (imports the "may import" column refuses)', violations, true);
  section("deep imports around an index.ts", deep, true);
  section("Node built-ins outside lib/server, lib/cli, scripts, servers, tests", nodeImports, true);
  if (fromFile) section("ARCHITECTURE.md table vs layers.mjs", tableProblems, true);
  lines.push(`repeated helpers (outside lib/base):`);
  for (const h of HELPERS) {
    const hits = helperHits.get(h.name) ?? [];
    lines.push(`  ${h.name}: ${hits.length}`);
    const counts = new Map<string, number>();
    for (const f of hits) counts.set(f, (counts.get(f) ?? 0) + 1);
    if (!quiet) for (const [f, n] of counts) lines.push(`    ${f}${n > 1 ? ` ×${n}` : ""}`);
  }
  section(`functions over ${MAX_FUNCTION_LINES} lines`, long, false);
  lines.push(failures ? `plan: ${failures} problem(s)` : "plan: ok");
  return { failures, report: lines.join("\n") };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { failures, report } = await plan();
  console.log(report);
  process.exitCode = failures ? 1 : 0;
}
