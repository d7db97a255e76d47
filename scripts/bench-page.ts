/**
 * What the browser benchmarks share: fixture servers bundled to plain JS, a Chromium page signed in
 * to an inspector, connections added through the form as a person does, long-task watching, and the
 * page's live session (`window.__MCP_LENS__`) for measurements that time the plumbing, not the UI.
 */
import { buildSync } from "esbuild";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { ensureBrowser } from "./browser";
import { root } from "./build";
import { startInspector, type Inspector } from "../tests/support/processes";

/** Fixture servers bundled to plain JS, so their start-up (not tsx's) is what a measurement includes. */
export function bundleFixture(name: string): string {
  const outfile = join(root, ".bench", `${name}.mjs`);
  buildSync({
    entryPoints: [join(root, "servers/fixtures", `${name}.ts`)],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
    packages: "external",
  });
  return outfile;
}

export interface BenchBrowser {
  inspector: Inspector;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** An inspector of its own and a Chromium page signed in to it. */
export async function openBenchBrowser(): Promise<BenchBrowser> {
  const browserInfo = ensureBrowser();
  const inspector = await startInspector();
  const browser = await chromium.launch({
    executablePath: browserInfo.path,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-gpu",
      "--disable-background-networking",
      "--enable-precise-memory-info",
    ],
  });
  const page = await browser.newPage({ baseURL: inspector.url, viewport: { width: 1440, height: 900 } });
  // tsx compiles the evaluated functions with esbuild's keepNames helper; give the page one.
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  // Sign in once with a launch URL; later visits of "/" in this browser use its cookie + pairing.
  await page.goto(inspector.launchUrl());
  await page.getByRole("complementary", { name: "Connections" }).waitFor();
  return {
    inspector,
    browser,
    page,
    close: async () => {
      await browser.close();
      await inspector.stop();
    },
  };
}

/** Watch long tasks from now on; `window.__longest` holds the longest, in ms. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __obs?: PerformanceObserver };
    w.__longest = 0;
    w.__obs?.disconnect();
    w.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    });
    w.__obs.observe({ type: "longtask", buffered: false });
  });
}

export const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __longest: number }).__longest);

export async function addStdioConnection(
  page: Page,
  name: string,
  args: string,
  env: [string, string][] = [],
  protocol = "2025-11-25",
): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "+ New connection" }).click();
  const form = page.getByRole("form", { name: "Connection" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Transport").selectOption({ label: "stdio" });
  await form.getByLabel("Command").fill(process.execPath);
  await form.getByLabel("Arguments").fill(args);
  await form.getByLabel("Protocol version").selectOption(protocol);
  for (const [i, [k, v]] of env.entries()) {
    await form.getByRole("button", { name: "+ Add environment variable" }).click();
    await form.getByLabel(`Environment variables ${i + 1} name`).fill(k);
    await form.getByLabel(`Environment variables ${i + 1} value`).fill(v);
  }
}

export async function addHttpConnection(page: Page, name: string, url: string, protocol = "2025-11-25"): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "+ New connection" }).click();
  const form = page.getByRole("form", { name: "Connection" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Transport").selectOption({ label: "Streamable HTTP" });
  await form.getByLabel("URL", { exact: true }).fill(url);
  await form.getByLabel("Protocol version").selectOption(protocol);
}

export async function connect(page: Page): Promise<void> {
  await page.getByRole("form", { name: "Connection" }).getByRole("button", { name: "Connect" }).click();
  await page
    .getByRole("status", { name: "Connection status" })
    .filter({ hasText: /^Connected/ })
    .waitFor({ timeout: 60_000 });
}

export async function disconnect(page: Page): Promise<void> {
  await page.getByRole("form", { name: "Connection" }).getByRole("button", { name: "Disconnect" }).click();
}

/**
 * The p50 (ms) of `count` sequential `tools/call`s of `name` from the page's live session, after
 * `warmup` unmeasured ones: the session's SDK client, capturing transport, log and the bridge or relay.
 */
export function pageCallP50(page: Page, name: string, args: unknown, count: number, warmup = 30): Promise<number> {
  return page.evaluate(
    async ({ name, args, count, warmup }) => {
      type Session = { client: { callTool(p: { name: string; arguments: unknown }): Promise<unknown> } };
      const lens = (
        window as unknown as {
          __MCP_LENS__: {
            pool: { find(id: string): Session | undefined };
            connections: { get(): { selectedId: string } };
          };
        }
      ).__MCP_LENS__;
      const session = lens.pool.find(lens.connections.get().selectedId)!;
      for (let i = 0; i < warmup; i++) await session.client.callTool({ name, arguments: args });
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        await session.client.callTool({ name, arguments: args });
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)]!;
    },
    { name, args, count, warmup },
  );
}
