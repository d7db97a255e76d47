/** `npm run test:browser`: make sure a browser and a production build exist, then run Playwright. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureBrowser } from "./browser";
import { buildIfNeeded, root } from "./build";

let browser;
try {
  browser = ensureBrowser();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
console.log(`Browser tests use ${browser.path ?? "Playwright's Chromium"}.`);
buildIfNeeded();
const result = spawnSync(
  process.execPath,
  [join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...(browser.path ? { MCP_LENS_CHROMIUM: browser.path } : {}) },
  },
);
process.exit(result.status ?? 1);
