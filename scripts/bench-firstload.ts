/**
 * `npm run bench -- --only firstload`: the JavaScript a browser fetches before the connection form is
 * usable (a fresh browser, launch URL → the form's first render,
 * the `mcp-lens:connection-form-ready` mark), with each file's gzip size
 * (gzip -9 of the bytes served, so the number does not depend on the server's compression).
 * Prints the files, largest first, and the total; asserts nothing.
 */
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ensureBrowser } from "./browser";
import { startInspector } from "../tests/support/processes";

/** The mark ConnectionForm sets when it first renders. */
const FORM_READY = "mcp-lens:connection-form-ready";

export interface FirstLoad {
  files: { url: string; bytes: number; gzip: number }[];
  totalGzip: number;
  /** From navigation start to the Connect button usable, in ms. */
  usableMs: number;
}

export async function measureFirstLoad(): Promise<FirstLoad> {
  const inspector = await startInspector();
  const browser = await chromium.launch({
    executablePath: ensureBrowser().path,
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ baseURL: inspector.url, viewport: { width: 1440, height: 900 } });
    const started = Date.now();
    await page.goto(inspector.launchUrl());
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FORM_READY, {
      timeout: 60_000,
    });
    const usableMs = Date.now() - started;
    // Scripts whose fetch started before the form was on screen: what the form needed.
    const before = await page.evaluate((mark) => {
      const ready = performance.getEntriesByName(mark)[0]!.startTime;
      return (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === "script" && e.startTime < ready)
        .map((e) => e.name);
    }, FORM_READY);
    const files = [];
    for (const url of before) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      files.push({ url: new URL(url).pathname, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    files.sort((a, b) => b.gzip - a.gzip);
    return { files, totalGzip: files.reduce((n, f) => n + f.gzip, 0), usableMs };
  } finally {
    await browser.close();
    await inspector.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureFirstLoad();
  for (const f of r.files)
    console.log(
      `${(f.gzip / 1024).toFixed(1).padStart(8)} KB gzip ${(f.bytes / 1024).toFixed(0).padStart(7)} KB  ${f.url}`,
    );
  console.log(
    `first load: ${(r.totalGzip / 1024).toFixed(0)} KB gzip in ${r.files.length} files, form usable after ${r.usableMs} ms (target ≤ 250 KB)`,
  );
}
