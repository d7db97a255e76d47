/**
 * docs/security.md §S13, §S14, §S15 and §S17 in a real browser: a hostile server's strings stay text, its
 * URLs stay inert, its HTML runs only in a sandbox, and secrets the user types never leave the page.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { InspectorPage } from "./pages/inspector";
import { ToolsPage } from "./pages/tools";
import { PW_PORT, playwrightStateDir, tokenFor } from "./support/launch";
import { NODE } from "./support/processes";

const HOSTILE_ARGS = "--import tsx servers/fixtures/hostile.ts";
/** The fixture's payloads (servers/fixtures/hostile.ts), spelled out so the test reads on its own. */
const img = (tag: string) => `<img src=x onerror="window.__pwned='${tag}'">`;
const script = (tag: string) => `<script>window.__pwned='${tag}'</script>`;
const HOSTILE_TOOL = `hostile${script("tool-name")}`;
const DATA_HTML = `data:text/html,${script("data-url")}`;
/** A string as it appears inside pretty-printed JSON. */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

test.beforeEach(async ({ page }) => {
  // Every Blob URL the page makes, with its type: a server's HTML must never become one (docs/security.md §S15).
  await page.addInitScript(() => {
    const w = window as unknown as { __blobTypes: string[] };
    w.__blobTypes = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (o: Blob | MediaSource) => {
      if (o instanceof Blob) w.__blobTypes.push(o.type);
      return create(o);
    };
  });
  page.on("dialog", (d) => void d.dismiss()); // an alert() that ran would otherwise hang the page
});

async function connectHostile(page: Page): Promise<ToolsPage> {
  const tools = new ToolsPage(page);
  await tools.inspector.open();
  await tools.inspector.addConnection({
    name: "hostile",
    transport: "stdio",
    command: NODE,
    args: HOSTILE_ARGS,
    protocol: "auto",
  });
  await tools.inspector.connect();
  await tools.inspector.expectConnected();
  return tools;
}

/** Nothing the server sent became markup or ran: no element from a payload, no handler attribute, no flag. */
async function expectInert(page: Page, where: string): Promise<void> {
  await expect(page.locator("img[src=x]"), where).toHaveCount(0);
  const found = await page.evaluate(() => {
    const handlers: string[] = [];
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) handlers.push(`<${el.localName} ${a.name}="${a.value}">`);
    }
    const scripts = [...document.scripts].filter((s) => s.text.includes("__pwned")).length;
    return { pwned: (window as unknown as { __pwned?: string }).__pwned, handlers, scripts };
  });
  expect(found, where).toEqual({ pwned: undefined, handlers: [], scripts: 0 });
}

/** Every URL-bearing attribute in the page is http(s), blob:, same-origin, or a data:image on an <img>. */
async function expectNoUnsafeUrls(page: Page, where: string): Promise<void> {
  for (const selector of [
    '[href^="javascript:" i]',
    '[src^="javascript:" i]',
    '[href^="data:" i]',
    '[href^="file:" i]',
    '[src^="file:" i]',
    '[src^="data:text" i]',
    '[action^="javascript:" i]',
    "[formaction]",
  ]) {
    await expect(page.locator(selector), `${where}: ${selector}`).toHaveCount(0);
  }
  const bad = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll("[href], [src], [action], [data], [poster], [xlink\\:href]")) {
      for (const name of ["href", "src", "action", "data", "poster", "xlink:href"]) {
        const value = el.getAttribute(name);
        if (value === null) continue;
        let protocol: string;
        try {
          protocol = new URL(value, location.href).protocol;
        } catch {
          out.push(`${el.localName} ${name}=${value} (unparseable)`);
          continue;
        }
        const ok =
          protocol === "http:" ||
          protocol === "https:" ||
          protocol === "blob:" ||
          (el.localName === "img" && name === "src" && /^data:image\//i.test(value));
        if (!ok) out.push(`${el.localName} ${name}=${value.slice(0, 80)}`);
      }
      if (el.localName === "a" && el.getAttribute("target") === "_blank") {
        const rel = (el.getAttribute("rel") ?? "").split(/\s+/);
        if (!rel.includes("noopener") || !rel.includes("noreferrer"))
          out.push(`a target=_blank rel="${rel.join(" ")}"`);
      }
    }
    return out;
  });
  expect(bad, where).toEqual([]);
}

/** Click on the middle of the first occurrence of `text` inside the element (a part of one text node). */
async function clickText(page: Page, element: Locator, text: string): Promise<void> {
  const box = await element.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(t);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + t.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, text);
  expect(box, `"${text}" is shown`).not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
}

async function callTool(tools: ToolsPage, name: string): Promise<void> {
  await tools.select(name);
  await tools.call(name);
  await expect(tools.panel(name).getByRole("region", { name: "Tool result" })).toBeVisible();
}

test("§S13: server strings render as text in every view, and nothing from them runs", async ({ page }) => {
  const tools = await connectHostile(page);
  const inspector = tools.inspector;

  // The handshake: serverInfo and instructions, shown literally.
  const server = page.getByRole("region", { name: "Server", exact: true });
  await expect(page.getByTestId("server-name")).toHaveText(`${img("name")} lens-hostile`);
  await expect(server.getByText(img("title"))).toBeVisible();
  await expect(server.getByText(img("version"))).toBeVisible();
  await expect(server.getByText(img("description"))).toBeVisible();
  await expect(server.getByText(script("instructions"))).toBeVisible();
  await expect(page.getByLabel("initialize result", { exact: true })).toContainText(inJson(img("name")));
  await expectInert(page, "handshake");

  // The tool list and the tool panel.
  await inspector.openTab(/^Tools/);
  const list = page.getByRole("listbox", { name: "Tools" });
  await expect(list.getByRole("option", { name: HOSTILE_TOOL, exact: true })).toBeVisible();
  await expect(list.getByText(img("tool-title"))).toBeVisible();
  await tools.select(HOSTILE_TOOL);
  const panel = tools.panel(HOSTILE_TOOL);
  await expect(panel.getByRole("heading", { name: HOSTILE_TOOL })).toBeVisible();
  await expect(panel.getByText(`${img("tool-description")}${script("tool-description")}`)).toBeVisible();
  await expect(panel).toContainText(img("schema-title"));
  await expectInert(page, "tool panel");

  // The result: text, markdown with raw HTML, resource link names, structured content, _meta.
  await tools.call(HOSTILE_TOOL);
  const result = panel.getByRole("region", { name: "Tool result" });
  await expect(
    result.getByRole("article", { name: "text content 1" }).getByText(`${script("result-text")}${img("result-text")}`),
  ).toBeVisible();
  await expect(result.getByRole("article", { name: "text content 2" }).getByText(img("md-html"))).toBeVisible();
  await expect(
    result.getByRole("article", { name: "resource_link content 3" }).getByText(img("resource-link-name")),
  ).toBeVisible();
  await expect(result).toContainText(inJson(img("structured"))); // a JSON tree shows strings quoted
  await expectInert(page, "tool result");

  // A tool error (isError) and a JSON-RPC error, both with HTML in their message.
  await callTool(tools, "hostile_tool_error");
  const toolError = tools.panel("hostile_tool_error");
  await expect(toolError.getByRole("alert").filter({ hasText: "Tool error" })).toBeVisible();
  await expect(toolError.getByText(`tool failed: ${img("tool-error")}${script("tool-error")}`)).toBeVisible();
  await callTool(tools, "hostile_protocol_error");
  const rpcError = tools.panel("hostile_protocol_error");
  await expect(rpcError.getByText("Protocol error")).toBeVisible();
  await expect(rpcError.getByText(`bad params: ${img("rpc-error")}`, { exact: true })).toBeVisible();
  await expect(rpcError).toContainText(inJson(script("rpc-error-data")));
  await expectInert(page, "error views");

  // The traffic detail: the error response and the log notification.
  await inspector.filterTraffic("kind:error");
  await inspector
    .trafficRows(/^incoming error -32602/)
    .last()
    .click();
  const detail = inspector.traffic.getByRole("region", { name: "Entry details" });
  await expect(detail.getByText(`-32602 bad params: ${img("rpc-error")}`)).toBeVisible();
  await inspector.filterTraffic("method:notifications/message");
  await inspector
    .trafficRows(/^incoming notification notifications\/message/)
    .last()
    .click();
  expect(await tools.rawFrameText()).toContain(inJson(img("log-data")));
  await expectInert(page, "traffic detail");
  await inspector.filterTraffic("");

  // Every other tab: lists with hostile names, flow, timing, composer, compare.
  const tabs = page.getByRole("tablist", { name: "Session views" }).getByRole("tab");
  expect(await tabs.count()).toBeGreaterThanOrEqual(8);
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i);
    const name = (await tab.textContent()) ?? "";
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    if (/^Resources/.test(name))
      await expect(page.getByRole("list", { name: "Resources list" }).getByText(img("resource-name"))).toBeVisible();
    if (/^Prompts/.test(name))
      await expect(
        page.getByRole("list", { name: "Prompts list" }).getByRole("button", { name: img("prompt-name"), exact: true }),
      ).toBeVisible();
    await expectInert(page, `tab ${name}`);
  }
});

test("§S14: only http(s) URLs from the server become links, and clicking the others opens nothing", async ({
  page,
}) => {
  const opened: string[] = [];
  page.context().on("page", (p) => opened.push(p.url()));
  const tools = await connectHostile(page);

  // Handshake: javascript: websiteUrl is no link; of the three icons only the data:image/png one is an <img>.
  const server = page.getByRole("region", { name: "Server", exact: true });
  await expect(server.getByRole("link")).toHaveCount(0);
  await expect(server.locator("img")).toHaveCount(1);
  await expect(server.locator("img")).toHaveAttribute("src", /^data:image\/png;base64,/);
  await expect(server.locator("img")).toHaveAttribute("referrerpolicy", "no-referrer");
  await expectNoUnsafeUrls(page, "handshake");

  // A result with javascript:, data:text/html, file: and https: links (markdown and resource_link).
  await tools.inspector.openTab(/^Tools/);
  await callTool(tools, HOSTILE_TOOL);
  const result = tools.result;
  const markdown = result.getByRole("article", { name: "text content 2" });
  await expect(markdown.getByRole("link")).toHaveCount(1);
  const safe = markdown.getByRole("link", { name: "safe" });
  await expect(safe).toHaveAttribute("href", "https://example.com/safe");
  await expect(safe).toHaveAttribute("rel", /\bnoopener\b.*\bnoreferrer\b/);
  for (const label of ["resource_link content 3", "resource_link content 4", "resource_link content 5"]) {
    await expect(result.getByRole("article", { name: label }).getByRole("link"), label).toHaveCount(0);
  }
  const https = result
    .getByRole("article", { name: "resource_link content 6" })
    .getByRole("link", { name: "https://example.com/docs" });
  await expect(https).toHaveAttribute("href", "https://example.com/docs");
  await expect(https).toHaveAttribute("rel", /\bnoopener\b.*\bnoreferrer\b/);
  await expect(https).toHaveAttribute("target", "_blank");
  await expect(result.getByRole("article", { name: "image content 9" })).toContainText("not an image type");
  await expect(tools.panel(HOSTILE_TOOL).locator("header img")).toHaveCount(0); // the tool's javascript: icon
  await expectNoUnsafeUrls(page, "tool result");

  // Click where each bad link would be: the page stays, no window opens, nothing runs.
  const url = page.url();
  for (const text of ["[js](javascript:", "[data](data:text/html", "[file](file:"])
    await clickText(page, markdown.getByRole("paragraph").first(), text);
  for (const [n, uri] of [
    [3, "javascript:window.__pwned='resource-link'"],
    [4, DATA_HTML],
    [5, "file:///etc/passwd"],
  ] as const) {
    await result
      .getByRole("article", { name: `resource_link content ${n}` })
      .getByText(uri, { exact: true })
      .click();
  }
  await tools.inspector.openTab("Handshake");
  await clickText(page, server.getByText(/Read \[the manual\]/), "[the manual](javascript:");
  await page.waitForTimeout(500);
  expect(opened).toEqual([]);
  expect(page.url()).toBe(url);
  await expectInert(page, "after clicks");
});

test("§S15: server HTML renders only in a sandboxed iframe that cannot reach the app", async ({ page }) => {
  const tools = await connectHostile(page);
  await tools.inspector.openTab(/^Tools/);
  await callTool(tools, HOSTILE_TOOL);
  const article = tools.result.getByRole("article", { name: "resource content 7" });
  const iframe = article.locator("iframe");
  await expect(iframe).toHaveCount(1);
  await expect(iframe).toHaveAttribute("title", /HTML resource ui:\/\/hostile\/page\.html/);
  const sandbox = await iframe.getAttribute("sandbox");
  expect(sandbox).not.toBeNull();
  expect(sandbox).not.toMatch(/allow-same-origin|allow-scripts/);
  expect(await iframe.getAttribute("srcdoc")).toMatch(
    /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">/,
  );

  // Its content is shown, its script did not run, its image handler did not fire.
  const frame = page.frameLocator('iframe[title^="HTML resource ui://hostile/page.html"]');
  await expect(frame.getByRole("heading", { name: "Sandboxed heading" })).toBeVisible();
  await expect(frame.getByText("Hello from inside the sandbox")).toBeVisible();
  await expect(frame.getByText("script ran")).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

  // A unique origin: the page cannot reach into the frame (and so the frame cannot reach the page).
  const reach = await page.evaluate(() => {
    const f = document.querySelector<HTMLIFrameElement>('iframe[title^="HTML resource"]')!;
    let windowDocument: string;
    try {
      windowDocument = String(f.contentWindow!.document);
    } catch (e) {
      windowDocument = (e as Error).name;
    }
    return { contentDocument: f.contentDocument === null, windowDocument };
  });
  expect(reach).toEqual({ contentDocument: true, windowDocument: "SecurityError" });

  // "Show source" shows the same HTML as text.
  await article.getByRole("button", { name: "Show source" }).click();
  await expect(article.getByLabel("HTML source")).toContainText("<script>window.parent.__pwned='iframe'");
  await expect(article.locator("iframe")).toHaveCount(0);
  await article.getByRole("button", { name: "Show source" }).click();
  await expect(article.locator("iframe")).toHaveCount(1);

  // The same HTML as a blob is only a download, and never a Blob the browser would render as HTML.
  await expect(
    tools.result
      .getByRole("article", { name: "resource content 8" })
      .getByRole("link", { name: /Download blob\.html/ }),
  ).toBeVisible();
  const types = await page.evaluate(() => (window as unknown as { __blobTypes: string[] }).__blobTypes);
  expect(types.filter((t) => /html|svg|xml/i.test(t))).toEqual([]);
  await expectInert(page, "sandboxed html");
});

test("§S17: header and env secrets stay out of storage, URLs and exports, and are redacted in traffic", async ({
  page,
}) => {
  const secret = `lens-secret-${randomBytes(12).toString("hex")}`;
  const envSecret = `lens-env-${randomBytes(12).toString("hex")}`;
  const inspector = new InspectorPage(page);
  await inspector.open();
  // The page keeps the session token in memory only; the test obtains the same token through a launch key of its own.
  const token = await tokenFor(PW_PORT, playwrightStateDir());
  expect(token).toMatch(/^[0-9a-f]{64}$/);
  expect(await page.content()).not.toContain(token);
  const forbidden = [secret, envSecret, token];
  const expectClean = async (where: string) => {
    const storage = await page.evaluate(() =>
      JSON.stringify({ local: Object.entries(localStorage), session: Object.entries(sessionStorage) }),
    );
    for (const s of forbidden) {
      expect(storage, `${where}: storage`).not.toContain(s);
      expect(page.url(), `${where}: url`).not.toContain(s);
    }
    return storage;
  };
  const exportText = async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export recording" }).click(),
    ]);
    return readFileSync(await download.path(), "utf8");
  };

  // The demo's Streamable HTTP server (started with the inspector) with an Authorization header.
  await inspector.selectConnection("Demo server (Streamable HTTP)");
  const demoUrl = await inspector.form.getByLabel("URL").inputValue();
  expect(demoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  await inspector.addConnection({ name: "secret http", transport: "Streamable HTTP", url: demoUrl });
  const form = inspector.form;
  await form.getByRole("button", { name: "+ Add header" }).click();
  await form.getByLabel("Headers 1 name", { exact: true }).fill("Authorization");
  await form.getByLabel("Headers 1 value", { exact: true }).fill(`Bearer ${secret}`);
  await expect(form.getByLabel("Headers 1 secret", { exact: true })).toBeChecked(); // secret by its name
  await form.getByRole("button", { name: "Save", exact: true }).click();

  // A stdio server with an env value the user marks secret (its name does not look secret).
  await inspector.addConnection({ name: "secret stdio", transport: "stdio", command: NODE, args: HOSTILE_ARGS });
  await form.getByRole("button", { name: "+ Add environment variable" }).click();
  await form.getByLabel("Environment variables 1 name", { exact: true }).fill("LENS_SETTING");
  await form.getByLabel("Environment variables 1 value", { exact: true }).fill(envSecret);
  await expect(form.getByLabel("Environment variables 1 secret", { exact: true })).not.toBeChecked();
  await form.getByLabel("Environment variables 1 secret", { exact: true }).check();
  await form.getByRole("button", { name: "Save", exact: true }).click();

  const saved = await expectClean("after save");
  expect(saved).toContain("secret http");
  expect(saved).toContain("LENS_SETTING");

  // After a reload the connections are back, their secret values are not: they lived in memory only.
  await page.reload();
  await inspector.expectOpen();
  await inspector.selectConnection("secret http");
  await expect(form.getByLabel("Headers 1 name", { exact: true })).toHaveValue("Authorization");
  await expect(form.getByLabel("Headers 1 value", { exact: true })).toHaveValue("");
  await form.getByLabel("Headers 1 value", { exact: true }).fill(`Bearer ${secret}`);
  await inspector.connect();
  await inspector.expectConnected();
  await expectClean("after HTTP connect");

  // The traffic detail of the HTTP exchange shows the header, redacted.
  await inspector.filterTraffic("kind:http");
  await inspector
    .trafficRows(/^HTTP request POST/)
    .first()
    .click();
  const headers = inspector.traffic.getByRole("region", { name: "request headers" });
  await expect(headers).toContainText("authorization");
  await expect(headers).toContainText("[redacted]");
  await expect(inspector.traffic).not.toContainText(secret);
  await inspector.filterTraffic("");

  const httpExport = await exportText();
  for (const s of forbidden) expect(httpExport).not.toContain(s);
  const recording = JSON.parse(httpExport) as { connection: { headers: { name: string; value: string }[] } };
  expect(recording.connection.headers).toEqual([
    expect.objectContaining({ name: "Authorization", value: "[redacted]" }),
  ]);
  expect(httpExport).not.toMatch(/x-mcp-lens-token"\s*:\s*"(?!\[redacted\])/i);
  await inspector.disconnect();

  // The stdio connection, connected with its env value typed again.
  await inspector.selectConnection("secret stdio");
  await expect(form.getByLabel("Environment variables 1 value", { exact: true })).toHaveValue("");
  await form.getByLabel("Environment variables 1 value", { exact: true }).fill(envSecret);
  await inspector.connect();
  await inspector.expectConnected();
  await expectClean("after stdio connect");
  const stdioExport = await exportText();
  for (const s of forbidden) expect(stdioExport).not.toContain(s);
  expect(
    (JSON.parse(stdioExport) as { connection: { env: { name: string; value: string }[] } }).connection.env,
  ).toEqual([expect.objectContaining({ name: "LENS_SETTING", value: "[redacted]" })]);
  await inspector.disconnect();
});
