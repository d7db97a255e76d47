import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "..");

/** A build is needed when there is none, or when a source file is newer than it. */
export function needsBuild(): boolean {
  const buildId = join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = join(dir, e.name);
      return e.isDirectory() ? newer(p) : statSync(p).mtimeMs > built;
    });
  return (
    ["app", "components", "lib", "public"].some((d) => newer(join(root, d))) ||
    ["next.config.ts", "package.json"].some((f) => statSync(join(root, f)).mtimeMs > built)
  );
}

/** Run `next build` when needed; exits the process if the build fails. */
export function buildIfNeeded(force = false): void {
  if (!force && !needsBuild()) return;
  console.log("Building MCP Lens (first start or changed sources; this takes about a minute)…");
  const build = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    console.error("The build failed (see above).");
    process.exit(1);
  }
}
