/**
 * `npm run bench -- --only roundtrip`: p50 and p95 of 300 sequential small tools/call round trips to
 * server-everything over stdio, from the page, through the bridge's WebSocket channel and, in a page
 * without WebSocket (so the transport falls back), through the HTTP routes (a POST per message).
 */
import type { Browser, Page } from "playwright-core";

const CALLS = 300;

export interface RoundTrip {
  channel: "socket" | "http";
  p50: number;
  p95: number;
}

async function measure(page: Page, everything: string): Promise<{ p50: number; p95: number }> {
  await page.getByRole("complementary", { name: "Connections" }).waitFor();
  await page.getByRole("button", { name: "+ New connection" }).click();
  const form = page.getByRole("form", { name: "Connection" });
  await form.getByLabel("Name").fill("round trips");
  await form.getByLabel("Transport").selectOption({ label: "stdio" });
  await form.getByLabel("Command").fill(process.execPath);
  await form.getByLabel("Arguments").fill(`${everything} stdio`);
  await form.getByLabel("Protocol version").selectOption("2025-11-25");
  await form.getByRole("button", { name: "Connect" }).click();
  return page.evaluate(async (calls) => {
    type Session = {
      state: { status: string };
      client?: { callTool(p: { name: string; arguments: Record<string, unknown> }): Promise<unknown> };
    };
    const lens = (
      window as unknown as {
        __MCP_LENS__: {
          pool: { find(id: string): Session | undefined };
          connections: { get(): { selectedId: string } };
        };
      }
    ).__MCP_LENS__;
    const session = () => lens.pool.find(lens.connections.get().selectedId);
    const deadline = Date.now() + 30_000;
    while (session()?.state.status !== "connected" && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const client = session()!.client!;
    const times: number[] = [];
    for (let i = 0; i < calls + 20; i++) {
      const start = performance.now();
      await client.callTool({ name: "echo", arguments: { message: `round trip ${i}` } });
      if (i >= 20) times.push(performance.now() - start); // the first 20 warm up
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
  }, CALLS);
}

/** Both channels, each in a fresh browser context signed in with its own launch URL. */
export async function benchRoundTrip(
  browser: Browser,
  launchUrl: () => string,
  everything: string,
): Promise<RoundTrip[]> {
  const out: RoundTrip[] = [];
  for (const channel of ["socket", "http"] as const) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript({ content: "window.__name = (f) => f;" });
      // Without WebSocket the stdio transport cannot open its socket and uses the HTTP routes.
      if (channel === "http") await page.addInitScript({ content: "delete window.WebSocket;" });
      await page.goto(launchUrl());
      out.push({ channel, ...(await measure(page, everything)) });
    } finally {
      await context.close();
    }
  }
  return out;
}
