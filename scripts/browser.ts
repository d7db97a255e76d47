import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The browser the tests drive: an explicit path, a system Chromium, else Playwright's own (undefined). */
export function findBrowser(): { path?: string; kind: "env" | "system" | "playwright" } | undefined {
  const fromEnv = process.env.MCP_LENS_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`MCP_LENS_CHROMIUM=${fromEnv} does not exist`);
    return { path: fromEnv, kind: "env" };
  }
  const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  if (system) return { path: system, kind: "system" };
  if (playwrightBrowserInstalled()) return { kind: "playwright" };
  return undefined;
}

function playwrightBrowserInstalled(): boolean {
  try {
    const out = execFileSync(
      process.execPath,
      ["-e", "process.stdout.write(require('playwright-core').chromium.executablePath())"],
      { encoding: "utf8" },
    );
    return out.length > 0 && existsSync(out);
  } catch {
    return false;
  }
}

/**
 * Get a browser when none is found: Playwright's installer where the internet is reachable,
 * else Debian's chromium when running as root, else stop with what to install.
 */
export function ensureBrowser(): { path?: string; kind: string } {
  const found = findBrowser();
  if (found) return found;
  console.log("No browser found for the browser tests. Trying Playwright's installer…");
  const pw = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], {
    stdio: "inherit",
    timeout: 180_000,
  });
  if (pw.status === 0 && findBrowser()) return findBrowser()!;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Playwright's download failed; installing Debian's chromium with apt-get…");
    const apt = spawnSync(
      "sh",
      ["-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"],
      { stdio: "inherit" },
    );
    if (apt.status === 0 && findBrowser()) return findBrowser()!;
  }
  throw new Error(
    "No browser for the browser tests. Install one of:\n" +
      "  - Debian/Ubuntu: sudo apt-get install -y chromium\n" +
      "  - anywhere with internet: npx playwright install chromium\n" +
      "  - or point MCP_LENS_CHROMIUM at a Chromium/Chrome binary.",
  );
}
