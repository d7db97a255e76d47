/**
 * Helpers for the page-side security tests (issue 19 items 2, 11, 13): what the page made, what ran,
 * and the session token for API calls.
 */
import { expect, type Page } from "@playwright/test";
import { ToolsPage } from "../pages/tools";
import { tokenFor, PW_PORT, playwrightStateDir } from "./launch";
import { NODE } from "./processes";

export const HOSTILE_ARGS = "--import tsx servers/fixtures/hostile.ts";

/** The Playwright web server's session token, through a freshly minted launch key (docs/security.md). */
export async function sessionToken(): Promise<string> {
  const token = await tokenFor(PW_PORT, playwrightStateDir());
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  return token;
}

export interface MadeBlob {
  url: string;
  type: string;
}

/** Records every Blob URL the page makes (`window.__blobs`), with the Blob's type. Call before the page loads. */
export async function recordBlobs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __blobs: MadeBlob[] };
    w.__blobs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const url = create(o);
      if (o instanceof Blob) w.__blobs.push({ url, type: o.type });
      return url;
    };
  });
}

export function madeBlobs(page: Page): Promise<MadeBlob[]> {
  return page.evaluate(() => (window as unknown as { __blobs: MadeBlob[] }).__blobs);
}

/** What a payload left: its `window.__pwned` flag (undefined when nothing ran, or the page is not a document). */
export async function pwnedFlag(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned).catch(() => undefined);
}

/** Open the inspector and connect to the hostile fixture (servers/fixtures/hostile.ts) over stdio. */
export async function connectHostile(page: Page, extraArgs = ""): Promise<ToolsPage> {
  const tools = new ToolsPage(page);
  await tools.inspector.open();
  await tools.inspector.addConnection({
    name: "hostile",
    transport: "stdio",
    command: NODE,
    args: `${HOSTILE_ARGS}${extraArgs ? ` ${extraArgs}` : ""}`,
    protocol: "auto",
  });
  await tools.inspector.connect();
  await tools.inspector.expectConnected();
  return tools;
}
