/**
 * Authorization (issue 14) end to end in the browser, against the OAuth-protected fixture
 * (servers/fixtures/auth) on 127.0.0.1:0: Connect meets 401 → "Authorization required" →
 * Authorize → Approve in the authorization server's popup → the callback page hands the code back →
 * token exchange through the relay → connected → a tool call. Dynamic registration, a pre-registered
 * client and a Client ID Metadata Document; a refresh and a scope step-up; and no token or secret in
 * storage, cookies, URLs or the exported recording.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { AuthPage } from "./pages/auth";
import { InspectorPage } from "./pages/inspector";
import { ToolsPage } from "./pages/tools";
import { NODE, startProcess, waitForOutput, type Started } from "./support/processes";

interface Fixture extends Started {
  url: string;
  origin: string;
}

async function startFixture(env: Record<string, string> = {}): Promise<Fixture> {
  const p = startProcess(NODE, ["--import", "tsx", "servers/fixtures/auth/http.ts"], { env: { PORT: "0", ...env } });
  const [, url] = await waitForOutput(p, /MCP_LENS_AUTH_URL=(\S+)/);
  return { ...p, url: url!, origin: new URL(url!).origin };
}

interface FixtureEvent {
  method: string;
  path: string;
  status: number;
  detail?: string;
}

const eventsOf = async (f: Fixture): Promise<FixtureEvent[]> =>
  (await fetch(`${f.origin}/__fixture/events`)).json() as Promise<FixtureEvent[]>;

/** Every token and client secret the fixture issued (plus `extra`): none may be found outside the page's memory. */
async function expectNoCredentialsOutsideMemory(page: Page, f: Fixture, extra: string[] = []): Promise<void> {
  const issued = (await (await fetch(`${f.origin}/__fixture/secrets`)).json()) as Record<string, string[]>;
  const secrets = [...issued.accessTokens!, ...issued.refreshTokens!, ...issued.clientSecrets!, ...extra];
  expect(issued.accessTokens!.length).toBeGreaterThan(0);
  const held = await page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`);
    return JSON.stringify({
      local: dump(localStorage),
      session: dump(sessionStorage),
      cookie: document.cookie,
      url: location.href,
    });
  });
  const urls = page
    .context()
    .pages()
    .map((p) => p.url())
    .join(" ");
  for (const secret of secrets) {
    expect(held).not.toContain(secret);
    expect(urls).not.toContain(secret);
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export recording" }).click(),
  ]);
  const recording = readFileSync(await download.path(), "utf8");
  // The OAuth exchanges are in the recording (they went through the relay into the traffic log) ...
  expect(recording).toContain("/.well-known/oauth-protected-resource");
  expect(recording).toContain("/token");
  // ... with their credentials redacted.
  for (const secret of secrets) expect(recording).not.toContain(secret);
}

async function openInspector(page: Page): Promise<{ inspector: InspectorPage; callback: string }> {
  const inspector = new InspectorPage(page);
  await inspector.open();
  return { inspector, callback: `${new URL(page.url()).origin}/oauth/callback` };
}

async function callTool(page: Page, name: string): Promise<ToolsPage> {
  const tools = new ToolsPage(page);
  await new InspectorPage(page).openTab(/^Tools/);
  await tools.select(name);
  await tools.call(name);
  return tools;
}

test("dynamic registration: Authorize → Approve in the popup → connected → tools; refresh; step-up; forget", async ({
  page,
}) => {
  const f = await startFixture();
  try {
    const { inspector } = await openInspector(page);
    await inspector.addConnection({ name: "Protected", transport: "Streamable HTTP", url: f.url });
    await inspector.connect();
    const auth = new AuthPage(page);
    await expect(auth.region).toContainText("Authorization required");
    await expect(auth.region).toContainText(f.origin);
    await expect(inspector.failure).toContainText("Authorization required");

    await auth.authorizeAndApprove(/^dyn-/);
    await inspector.expectConnected();
    await expect(auth.region).toContainText("Authorized");
    const tools = await callTool(page, "whoami");
    await expect(tools.result).toContainText(/clientId:"dyn-[^"]+"▾scopes:\[1 item\]0:"mcp"/);
    const events = await eventsOf(f);
    expect(events.map((e) => e.path)).toEqual(
      expect.arrayContaining(["/.well-known/oauth-protected-resource/mcp", "/register", "/token"]),
    );

    // Refresh: the access token expires; the next call gets 401, refreshes, and succeeds.
    await fetch(`${f.origin}/__fixture/expire-tokens`, { method: "POST" });
    const callsBefore = events.filter((e) => e.detail === "whoami" && e.status === 200).length;
    await tools.call("whoami");
    await expect
      .poll(async () => (await eventsOf(f)).filter((e) => e.detail === "whoami" && e.status === 200).length)
      .toBe(callsBefore + 1);
    expect(
      (await eventsOf(f)).some((e) => e.path === "/token" && e.detail === "refresh_token" && e.status === 200),
    ).toBe(true);
    await expect(auth.region).toContainText("Authorized");

    // Step-up: admin_action needs scope admin (403 insufficient_scope) → approve the wider scope → call again.
    await tools.select("admin_action");
    await tools.call("admin_action");
    await expect(auth.region).toContainText("More access required");
    await expect(auth.region).toContainText("mcp admin");
    await auth.authorizeAndApprove();
    await expect(auth.region).toContainText("Authorized");
    await expect(inspector.status).toHaveText(/^Connected/);
    await tools.call("admin_action");
    await expect(tools.result).toContainText("admin action done");

    await expectNoCredentialsOutsideMemory(page, f);

    await auth.region.getByRole("button", { name: "Forget credentials" }).click();
    await expect(auth.region).toHaveCount(0);
    await expect(inspector.status).not.toHaveText(/^Connected/);
    // Connect again: the credentials are gone, so authorization is required again.
    await inspector.connect();
    await expect(auth.region).toContainText("Authorization required");
  } finally {
    await f.stop();
  }
});

test("a pre-registered client: client id and secret from the form's Authorization section", async ({ page }) => {
  const { inspector, callback } = await openInspector(page);
  const secret = "pre-registered-s3cret-value";
  const f = await startFixture({
    PRE_REGISTERED: JSON.stringify([{ clientId: "mcp-lens-test", clientSecret: secret, redirectUris: [callback] }]),
  });
  try {
    await inspector.addConnection({ name: "Pre-registered", transport: "Streamable HTTP", url: f.url });
    const auth = new AuthPage(page);
    await auth.fillSettings({ clientId: "mcp-lens-test", clientSecret: secret });
    await inspector.connect();
    await expect(auth.region).toContainText("Authorization required");
    await auth.authorizeAndApprove("mcp-lens-test");
    await inspector.expectConnected();
    const tools = await callTool(page, "whoami");
    await expect(tools.result).toContainText('clientId:"mcp-lens-test"');
    expect((await eventsOf(f)).some((e) => e.path === "/register")).toBe(false);
    await expectNoCredentialsOutsideMemory(page, f, [secret]);
    // The client id is saved with the connection; the secret is not.
    const saved = await page.evaluate(() => JSON.stringify(localStorage));
    expect(saved).toContain("mcp-lens-test");
  } finally {
    await f.stop();
  }
});

test("a Client ID Metadata Document: its URL is the client id, fetched by the authorization server", async ({
  page,
}) => {
  const { inspector, callback } = await openInspector(page);
  const f = await startFixture({ CLIENT_METADATA_REDIRECT_URIS: callback });
  const cimd = `${f.origin}/client-metadata.json`;
  try {
    await inspector.addConnection({ name: "CIMD", transport: "Streamable HTTP", url: f.url });
    const auth = new AuthPage(page);
    await auth.fillSettings({ clientMetadataUrl: cimd });
    await inspector.connect();
    await expect(auth.region).toContainText("Authorization required");
    await auth.authorizeAndApprove(cimd);
    await inspector.expectConnected();
    const tools = await callTool(page, "whoami");
    await expect(tools.result).toContainText(`clientId:"${cimd}"`);
    const events = await eventsOf(f);
    expect(events.some((e) => e.path === "/register")).toBe(false);
    expect(events.some((e) => e.path === "/client-metadata.json" && e.status === 200)).toBe(true);
    await expectNoCredentialsOutsideMemory(page, f);
  } finally {
    await f.stop();
  }
});

test.describe("the guided debugger names the failing step and its fix", () => {
  const cases: [string, string, RegExp][] = [
    ["wrong-issuer", "Authorization server metadata", /names issuer https:\/\/issuer\.invalid, but it was found at/],
    ["redirect-uri-mismatch", "Authorization request", /redirect URI sent differs from the registered one/],
    ["no-s256", "Authorization server metadata", /does not support S256/],
  ];
  for (const [misconfiguration, step, fix] of cases)
    test(`${misconfiguration}: ${step} fails`, async ({ page }) => {
      const f = await startFixture({ MISCONFIGURATION: misconfiguration });
      try {
        const { inspector } = await openInspector(page);
        await inspector.addConnection({ name: misconfiguration, transport: "Streamable HTTP", url: f.url });
        await inspector.connect();
        const auth = new AuthPage(page);
        await auth.region.getByRole("button", { name: "Debug step by step" }).click();
        const debug = page.getByRole("region", { name: "OAuth debugger" });
        await debug.getByRole("button", { name: "Next step" }).click();
        await expect(debug.getByRole("listitem", { name: "Request without a token: ok" })).toBeVisible();
        await debug.getByRole("button", { name: "Run all" }).click();
        const failed = debug.getByRole("listitem", { name: `${step}: failed` });
        await expect(failed).toBeVisible();
        await expect(failed.getByRole("alert")).toContainText(fix);
        await expect(debug.getByRole("listitem", { name: /: failed$/ })).toHaveCount(1);
      } finally {
        await f.stop();
      }
    });

  // These fail after the person's approval: Run all opens the popup, Approve, then the token is refused.
  const afterApproval: [string, RegExp][] = [
    ["audience-mismatch", /token's audience is not this server/],
    ["expired-token", /new token has expired/],
  ];
  for (const [misconfiguration, fix] of afterApproval)
    test(`${misconfiguration}: Request with the token fails`, async ({ page }) => {
      const f = await startFixture({ MISCONFIGURATION: misconfiguration });
      try {
        const { inspector } = await openInspector(page);
        await inspector.addConnection({ name: misconfiguration, transport: "Streamable HTTP", url: f.url });
        await inspector.connect();
        const auth = new AuthPage(page);
        await expect(auth.region).toContainText("Authorization required");
        await auth.region.getByRole("button", { name: "Debug step by step" }).click();
        const debug = page.getByRole("region", { name: "OAuth debugger" });
        const popupOpened = page.context().waitForEvent("page");
        await debug.getByRole("button", { name: "Run all" }).click();
        await (await popupOpened).getByRole("button", { name: "Approve" }).click();
        const failed = debug.getByRole("listitem", { name: "Request with the token: failed" });
        await expect(failed.getByRole("alert")).toContainText(fix);
        await expect(debug.getByRole("listitem", { name: "Token exchange: ok" })).toBeVisible();
      } finally {
        await f.stop();
      }
    });

  test("a well-configured server: Run all, Approve in the popup, every step ok", async ({ page }) => {
    const f = await startFixture();
    try {
      const { inspector } = await openInspector(page);
      await inspector.addConnection({ name: "Guided", transport: "Streamable HTTP", url: f.url });
      await inspector.connect();
      const auth = new AuthPage(page);
      await auth.region.getByRole("button", { name: "Debug step by step" }).click();
      const debug = page.getByRole("region", { name: "OAuth debugger" });
      const popupOpened = page.context().waitForEvent("page");
      await debug.getByRole("button", { name: "Run all" }).click();
      const popup = await popupOpened;
      await popup.getByRole("button", { name: "Approve" }).click();
      await expect(debug.getByRole("listitem", { name: "Request with the token: ok" })).toBeVisible();
      await expect(debug.getByRole("listitem", { name: /: ok$/ })).toHaveCount(7);
      // The debugger's exchanges are ordinary traffic.
      await inspector.filterTraffic("/register");
      await expect(inspector.trafficRows(/register/).first()).toBeVisible();
    } finally {
      await f.stop();
    }
  });
});
