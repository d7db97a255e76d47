/**
 * The plan of the house (issue 17), one table read by eslint.config.mjs and scripts/dev/plan.ts:
 * for each folder, the other folders its code may import. ARCHITECTURE.md's "may import" column
 * says the same (scripts/dev/plan.ts fails when it does not).
 *
 * Rules that follow from it (see `importRules`):
 * - a folder's code imports only the folders of its row (tests beside the code may import any folder);
 * - outside a lib/ folder, only its index.ts is imported (a deep import around it is refused);
 * - Node built-ins only in lib/server, lib/testing, scripts, servers, tests and *.test.ts files;
 * - lib/ stays free of React and Next.
 */

/** Browser-safe lib folders: what the page may load. */
const PAGE_LIB = [
  "lib/apps",
  "lib/auth",
  "lib/base",
  "lib/checks",
  "lib/client",
  "lib/commands",
  "lib/connections",
  "lib/doctor",
  "lib/features",
  "lib/inspect",
  "lib/results",
  "lib/schema",
  "lib/security",
  "lib/session",
  "lib/tools",
  "lib/traffic",
  "lib/transports",
];

/** @type {Record<string, string[]>} */
export const LAYERS = {
  "lib/base": [],
  "lib/auth": ["lib/base"],
  "lib/traffic": ["lib/base"],
  "lib/transports": ["lib/base", "lib/traffic"],
  "lib/session": [
    "lib/auth",
    "lib/base",
    "lib/client",
    "lib/features",
    "lib/inspect",
    "lib/tools",
    "lib/traffic",
    "lib/transports",
  ],
  "lib/client": ["lib/base", "lib/security"],
  "lib/schema": ["lib/base"],
  "lib/tools": ["lib/base", "lib/results"],
  "lib/features": ["lib/base", "lib/client", "lib/results"],
  "lib/results": ["lib/base", "lib/schema", "lib/security"],
  "lib/inspect": ["lib/base", "lib/traffic"],
  "lib/checks": ["lib/base", "lib/inspect", "lib/session", "lib/traffic", "lib/transports"],
  "lib/connections": ["lib/base"],
  "lib/commands": ["lib/base"],
  "lib/security": ["lib/base"],
  "lib/doctor": ["lib/base"],
  "lib/apps": ["lib/base", "lib/security", "lib/traffic"],
  "lib/server": ["lib/base", "lib/doctor", "lib/security"],
  "lib/cli": ["lib/base", "lib/checks", "lib/client", "lib/connections", "lib/server", "lib/session", "lib/transports"],
  "lib/testing": [
    "lib/base",
    "lib/cli",
    "lib/client",
    "lib/results",
    "lib/schema",
    "lib/server",
    "lib/session",
    "lib/traffic",
    "lib/transports",
  ],
  app: ["lib", "components"],
  components: PAGE_LIB,
  scripts: ["lib", "tests"],
  servers: [],
  /** Static files only (no code). */
  public: [],
  tests: ["lib", "servers"],
};

const NODE_MODULES =
  "assert|buffer|child_process|cluster|crypto|dgram|dns|events|fs|http|http2|https|module|net|os|path|perf_hooks|process|readline|stream|string_decoder|timers|tls|tty|url|util|v8|vm|worker_threads|zlib";
const NODE_BAN = {
  regex: `^(node:.*|(${NODE_MODULES})(/.*)?)$`,
  message:
    "Node built-ins only in lib/server, lib/cli, lib/testing, scripts, servers, tests and *.test.ts (the page must never bundle one)",
};
const REACT_BAN = { regex: "^(react|react-.*|react/.*|next|next/.*)$", message: "lib/ stays free of React and Next" };

const TOP = ["app", "components", "lib", "scripts", "servers", "tests"];
const libName = (folder) => folder.slice("lib/".length);
const LIB_FOLDERS = Object.keys(LAYERS)
  .filter((f) => f.startsWith("lib/"))
  .map(libName);
const alt = (names) => names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

/** Allowed lib folder names (and top folders) of a row; "lib" allows every lib folder. */
function allowedOf(row) {
  const libs = row.includes("lib") ? LIB_FOLDERS : row.filter((p) => p.startsWith("lib/")).map(libName);
  const tops = row.filter((p) => !p.startsWith("lib"));
  return { libs, tops };
}

/** Patterns for a file `depth` folders below its top folder (lib/x/a.ts: lib is top, depth 2). */
function patternsFor(folder, depth, { test }) {
  const patterns = [];
  const own = folder.startsWith("lib/") ? libName(folder) : undefined;
  const toRoot = `(\\.\\./){${depth}}`;
  const toLib = own ? `(\\.\\./){${depth - 1}}` : `(${toRoot}lib/|@/lib/)`;
  const libPrefix = own ? `^(${toLib}|@/lib/)` : `^${toLib}`;
  const others = LIB_FOLDERS.filter((n) => n !== own && n !== "faults");
  // A deep import around another folder's index.ts.
  patterns.push({
    regex: `${libPrefix}(${alt(others)})/.+`,
    message: "import another lib folder through its index.ts (its public surface), not its files",
  });
  if (test) return patterns;
  const { libs, tops } = allowedOf(LAYERS[folder] ?? []);
  const refusedLibs = LIB_FOLDERS.filter((n) => n !== own && !libs.includes(n));
  if (refusedLibs.length)
    patterns.push({ regex: `${libPrefix}(${alt(refusedLibs)})(/.*)?$`, message: mayMessage(folder) });
  const refusedTops = TOP.filter((t) => t !== "lib" && t !== folder && !tops.includes(t));
  if (refusedTops.length)
    patterns.push({ regex: `^(${toRoot}|@/)(${alt(refusedTops)})(/.*)?$`, message: mayMessage(folder) });
  return patterns;
}

const mayMessage = (folder) => {
  const row = LAYERS[folder] ?? [];
  return `${folder} ${row.length ? `may import only ${row.join(", ")}` : "may import no other folder"} (ARCHITECTURE.md, scripts/dev/layers.mjs)`;
};

const nodeAllowed = (folder) =>
  ["lib/server", "lib/cli", "lib/testing", "lib/faults", "scripts", "servers", "tests"].includes(folder);

/** ESLint flat-config objects: one `no-restricted-imports` per folder, depth and test/non-test. */
export function importRules() {
  const configs = [];
  const folders = [...Object.keys(LAYERS), "lib/faults"];
  for (const folder of folders) {
    const lib = folder.startsWith("lib/");
    const depths = lib ? [2, 3, 4] : [1, 2, 3, 4, 5];
    for (const depth of depths) {
      const stars = Array(depth - (lib ? 2 : 1))
        .fill("*")
        .join("/");
      const base = `${folder}/${stars ? `${stars}/` : ""}`;
      for (const test of [false, true]) {
        const patterns = patternsFor(folder, depth, { test });
        if (lib) patterns.push(REACT_BAN);
        if (!test && !nodeAllowed(folder)) patterns.push(NODE_BAN);
        const files = test ? [`${base}*.test.ts`, `${base}*.test.tsx`] : [`${base}*.ts`, `${base}*.tsx`];
        configs.push({
          files,
          ...(test ? {} : { ignores: [`${base}*.test.ts`, `${base}*.test.tsx`] }),
          rules: { "no-restricted-imports": ["error", { patterns }] },
        });
      }
    }
  }
  return configs;
}
