import { defineConfig } from "@playwright/test";
import { playwrightStateDir } from "./tests/support/launch";

// MCP_LENS_PW_PORT lets a second checkout run its browser tests beside this one.
const PORT = Number(process.env.MCP_LENS_PW_PORT ?? 6399);
const executablePath = process.env.MCP_LENS_CHROMIUM;

export default defineConfig({
  testDir: "tests",
  fullyParallel: false,
  workers: 1,
  // One more try for a test that failed: a real failure fails twice; one that passes on its second
  // try is listed as "flaky" at the end of the run, by name, to be fixed (a timing race on a busy
  // 2-core machine has cost a whole CI run before).
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: executablePath
      ? {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
          ],
        }
      : {},
  },
  webServer: {
    command: `node --import tsx scripts/start.ts --port ${PORT} --no-open --no-build`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    // Tests mint launch URLs from the state file there (tests/support/launch.ts).
    env: { NEXT_TELEMETRY_DISABLED: "1", CI: "1", MCP_LENS_STATE_DIR: playwrightStateDir(PORT) },
  },
});
