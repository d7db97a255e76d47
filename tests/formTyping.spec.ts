import { expect, test, type Locator, type Page } from "@playwright/test";
import { ToolsPage } from "./pages/tools";

/**
 * The argument form as a person types into it (issue 11): click a field, select what is there with
 * the keyboard, type over it. Each tool of the corpus fixture's TYPING_TOOLS has one construct that
 * broke; every test ends with a call whose echo must be exactly the arguments meant.
 * The browser's locale and time zone are fixed, so the date and time control reads the same keys
 * everywhere and "this browser" is +01:00 in January.
 */
test.use({ locale: "en-US", timezoneId: "Europe/Berlin" });

test.describe("the argument form as a person types", () => {
  let page: Page;
  let tools: ToolsPage;

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(60_000);
    page = await browser.newPage({
      baseURL: testInfo.project.use.baseURL,
      locale: "en-US",
      timezoneId: "Europe/Berlin",
      permissions: ["clipboard-read", "clipboard-write"],
    });
    tools = new ToolsPage(page);
    await tools.connectCorpus();
  });

  test.afterAll(async () => {
    await page?.close();
  });

  /** Clicks into a field, selects all of it with the keyboard and types over it. */
  async function typeOver(field: Locator, text: string): Promise<void> {
    await field.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(text);
  }

  /** The arguments the fixture received in the newest call (the history has `calls` entries by then). */
  async function echoed(calls = 1): Promise<unknown> {
    await expect(page.getByRole("region", { name: "Call history" }).getByRole("button")).toHaveCount(calls);
    const text = await tools.content("text content 1").locator("pre").first().textContent();
    return (JSON.parse(text ?? "null") as { received?: unknown }).received;
  }

  test("1. a picked variant sticks: look-alike array items keep theirs through Move and Remove, empty or not", async () => {
    await tools.select("apply_edits");
    const panel = tools.panel("apply_edits");
    const variant = (n: number) => panel.getByLabel(`Variant edits item ${n}`, { exact: true });
    const field = (n: number, name: string) => panel.getByLabel(`edits item ${n}.${name}`, { exact: true });

    await panel.getByRole("button", { name: "Add edits item" }).click();
    await panel.getByRole("button", { name: "Add edits item" }).click();
    // Named by the property only each has, not "object" / "object (2)".
    await expect(variant(1).getByRole("option")).toHaveText(["with position", "with line"]);
    await variant(1).selectOption({ label: "with line" });
    // Its fields are all empty, so nothing in the value tells the variants apart: the pick must hold.
    await expect(variant(1)).toHaveValue("1");
    await expect(field(1, "line")).toBeVisible();
    await expect(field(1, "position")).toHaveCount(0);
    await expect(variant(2)).toHaveValue("0");

    await panel.getByRole("button", { name: "Move edits item 2 up" }).click();
    await expect(variant(1)).toHaveValue("0");
    await expect(variant(2)).toHaveValue("1");

    await panel.getByRole("button", { name: "Add edits item" }).click();
    await variant(3).selectOption({ label: "with line" });
    await panel.getByRole("button", { name: "Remove edits item 1" }).click();
    await expect(variant(1)).toHaveValue("1");
    await expect(variant(2)).toHaveValue("1");
    await expect(field(2, "line")).toBeVisible();

    await field(1, "path").click();
    await page.keyboard.type("notes.md");
    await field(1, "line").click();
    await page.keyboard.type("3");
    await field(1, "body").click();
    await page.keyboard.type("first");
    await page.keyboard.press("Enter");
    await page.keyboard.type("second");
    await field(2, "path").click();
    await page.keyboard.type("b.txt");
    await field(2, "line").click();
    await page.keyboard.type("12");
    await field(2, "body").click();
    await page.keyboard.type("x");
    await expect(variant(1)).toHaveValue("1");

    const expected = {
      edits: [
        { path: "notes.md", line: 3, body: "first\nsecond" },
        { path: "b.txt", line: 12, body: "x" },
      ],
    };
    // A value from outside (JSON mode) has its variants inferred again, and they come out the same.
    expect(JSON.parse(await tools.jsonModeText("apply_edits"))).toEqual(expected);
    await tools.useForm("apply_edits");
    await expect(variant(1)).toHaveValue("1");
    await expect(variant(2)).toHaveValue("1");
    await tools.call("apply_edits");
    expect(await echoed()).toEqual(expected);
  });

  test("1. a root oneOf of look-alikes ({byId} / {byName, exact}) takes its second variant, and an optional boolean false in one click", async () => {
    await tools.select("find_record");
    const panel = tools.panel("find_record");
    const picker = panel.getByLabel("Variant arguments", { exact: true });
    await expect(picker.getByRole("option")).toHaveText(["with byId", "with byName, exact"]);
    await picker.selectOption({ label: "with byName, exact" });
    await expect(picker).toHaveValue("1");
    await expect(panel.getByLabel("byId", { exact: true })).toHaveCount(0);
    await panel.getByLabel("byName", { exact: true }).click();
    await page.keyboard.type("Ada");
    const exact = panel.getByRole("radiogroup", { name: "exact", exact: true });
    await expect(exact.getByRole("radio", { name: "unset" })).toBeChecked();
    await exact.getByRole("radio", { name: "false" }).click();
    await expect(exact.getByRole("radio", { name: "false" })).toBeChecked();
    await expect(picker).toHaveValue("1");
    await tools.call("find_record");
    expect(await echoed()).toEqual({ byName: "Ada", exact: false });
  });

  test("2. free text holds several lines from the start; a single-line field switches with Shift+Enter; Enter there and Ctrl+Enter anywhere call", async () => {
    await tools.select("write_note");
    const panel = tools.panel("write_note");
    const content = panel.getByLabel("content", { exact: true });
    const subject = panel.getByLabel("subject", { exact: true });
    const slug = panel.getByLabel("slug", { exact: true });

    // 5. Nothing is reported on a form nobody has touched…
    await expect(panel.getByText("is required")).toHaveCount(0);
    await expect(panel.getByText(/validation error/)).toHaveCount(0);
    // …until the first Call (here from the keyboard): then the confirmation says why, and the fields too.
    await content.click();
    await page.keyboard.press("ControlOrMeta+Enter");
    const confirm = page.getByRole("alertdialog", { name: "Confirm call" });
    await expect(confirm).toContainText("do not match");
    await expect(panel.getByText("is required")).toHaveCount(2);
    await confirm.getByRole("button", { name: "Back" }).click();

    await content.click();
    await page.keyboard.type("# Title");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Some text");
    await expect(content).toHaveValue("# Title\n\nSome text");

    await expect(panel.getByRole("button", { name: "Multi-line subject" })).toHaveAttribute("aria-pressed", "false");
    await subject.click();
    await page.keyboard.type("Line one");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("Line two");
    await expect(subject).toHaveValue("Line one\nLine two");
    await expect(subject).toHaveJSProperty("tagName", "TEXTAREA");

    const expected = { content: "# Title\n\nSome text", subject: "Line one\nLine two", slug: "my-note" };
    await slug.click();
    await page.keyboard.type("my-note");
    await page.keyboard.press("Enter");
    expect(await echoed(1)).toEqual(expected);

    await content.click();
    await page.keyboard.press("ControlOrMeta+Enter");
    expect(await echoed(2)).toEqual(expected);
    await expect(content).toHaveValue("# Title\n\nSome text");
  });

  test("3. a minus sign typed over a number, and unfinished numbers, are kept as typed and judged when complete", async () => {
    await tools.select("adjust");
    const panel = tools.panel("adjust");
    const limit = panel.getByLabel("limit", { exact: true });
    await expect(limit).toHaveValue("100");
    await limit.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("-");
    await expect(limit).toHaveValue("-");
    await expect(limit).toHaveAttribute("aria-invalid", "true");
    await page.keyboard.type("5");
    await expect(limit).toHaveValue("-5");
    await expect(limit).not.toHaveAttribute("aria-invalid");

    const offset = panel.getByLabel("offset", { exact: true });
    await offset.click();
    await page.keyboard.type("1.");
    await expect(offset).toHaveValue("1.");
    await expect(offset).not.toHaveAttribute("aria-invalid");
    await page.keyboard.type("5");

    const ratio = panel.getByLabel("ratio", { exact: true });
    await ratio.click();
    await page.keyboard.type("1e");
    await expect(ratio).toHaveAttribute("aria-invalid", "true");
    await expect(panel.getByText('"1e" is not a number yet')).toBeVisible();
    await page.keyboard.type("3");
    await expect(ratio).not.toHaveAttribute("aria-invalid");

    await panel.getByRole("button", { name: "Add weights item" }).click();
    const first = panel.getByLabel("weights item 1", { exact: true });
    await expect(first).toHaveValue("0");
    await typeOver(first, "-2");
    await expect(first).toHaveValue("-2");

    await tools.call("adjust");
    expect(await echoed()).toEqual({ limit: -5, offset: 1.5, ratio: 1000, weights: [-2] });
  });

  test("4. a number cleared inside an array stays an empty number field of its item, marked invalid", async () => {
    await tools.select("write_note"); // another tool first: the adjust form starts afresh
    await tools.select("adjust");
    const panel = tools.panel("adjust");
    const item = (n: number) => panel.getByLabel(`weights item ${n}`, { exact: true });
    for (let n = 1; n <= 3; n++) {
      await panel.getByRole("button", { name: "Add weights item" }).click();
      await typeOver(item(n), String(n));
    }
    const removes = panel.getByRole("button", { name: /^Remove weights item \d$/ });

    await item(3).click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Backspace");
    await expect(removes).toHaveCount(3);
    await expect(item(3)).toHaveValue("");
    await expect(item(3)).toHaveAttribute("aria-invalid", "true");
    await expect(panel.getByText("is required: enter a number")).toBeVisible();

    await item(1).click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Backspace");
    await expect(removes).toHaveCount(3);
    await expect(panel.getByRole("textbox", { name: "weights item 1", exact: true })).toHaveValue("");
    await page.keyboard.type("-2");
    await expect(item(1)).toHaveValue("-2");

    // JSON has no empty number: the cleared item holds null meanwhile, in the form an empty number field.
    expect(JSON.parse(await tools.jsonModeText("adjust"))).toEqual({ limit: 100, weights: [-2, 2, null] });
    await tools.useForm("adjust");
    await expect(item(3)).toHaveValue("");
    await item(3).click();
    await page.keyboard.type("7");
    await tools.call("adjust");
    expect(await echoed(2)).toEqual({ limit: 100, weights: [-2, 2, 7] });
  });

  test("5. no checks before the first edit, defaults as placeholders sent only when asked, date-time with its offset, captioned tuple positions", async () => {
    await tools.select("search_events");
    const panel = tools.panel("search_events");
    await expect(panel.locator("[aria-invalid=true]")).toHaveCount(0);
    await expect(panel.getByText("is required")).toHaveCount(0);

    const limit = panel.getByLabel("limit", { exact: true });
    await expect(limit).toHaveValue("");
    await expect(limit).toHaveAttribute("placeholder", "20");
    await expect(panel.getByLabel("order", { exact: true })).toHaveValue("");
    await expect(panel.getByLabel("order", { exact: true }).getByRole("option").first()).toHaveText(
      "(unset, default newest)",
    );

    // The first edit: from now on the empty required query is reported.
    const archived = panel.getByRole("radiogroup", { name: "includeArchived", exact: true });
    await archived.getByRole("radio", { name: "false" }).click();
    await expect(panel.getByText("is required")).toHaveCount(1);
    await expect(panel.getByText("1 validation error")).toBeVisible();
    await panel.getByLabel("query", { exact: true }).click();
    await page.keyboard.type("deploy");
    await expect(panel.getByText("is required")).toHaveCount(0);

    // date-time: the date and time control, read from the keys a person presses (month, day, year, Tab, time, PM).
    const since = panel.getByLabel("since", { exact: true });
    await since.click({ position: { x: 12, y: 10 } });
    await page.keyboard.type("01022026");
    await page.keyboard.press("Tab");
    await page.keyboard.type("030405P");
    await expect(since).toHaveValue("2026-01-02T15:04:05");
    const zone = panel.getByLabel("since time zone", { exact: true });
    await expect(zone.locator("option:checked")).toHaveText("this browser (+01:00)");
    await expect(panel.getByText("2026-01-02T15:04:05+01:00")).toBeVisible();
    await zone.selectOption({ label: "UTC (Z)" });

    // Tuple positions captioned by their title and description, not "1" / "2".
    const windowGroup = panel.getByRole("group", { name: /window/ });
    await expect(windowGroup.locator("label", { hasText: "window 1" })).toHaveText(/^From/);
    await expect(windowGroup.locator("label", { hasText: "window 2" })).toHaveText(/^Length in days/);
    await panel.getByLabel("window 1", { exact: true }).click({ position: { x: 12, y: 10 } });
    await page.keyboard.type("03152026");
    await panel.getByLabel("window 2", { exact: true }).click();
    await page.keyboard.type("7");

    const typed = { query: "deploy", since: "2026-01-02T15:04:05Z", includeArchived: false, window: ["2026-03-15", 7] };
    await tools.call("search_events");
    expect(await echoed(1), "defaults are not sent").toEqual(typed);
    await panel.getByLabel("Send defaults").check();
    await tools.call("search_events");
    expect(await echoed(2), "defaults sent when asked").toEqual({ ...typed, limit: 20, order: "newest" });
  });

  test("5. at 1024×768 a long form scrolls above the traffic dock, its Call stays in view, and the dock gives way", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await tools.select("wide_form");
    const panel = tools.panel("wide_form");
    const call = panel.getByRole("button", { name: "Call wide_form" });
    const traffic = tools.inspector.traffic;
    const below = async (a: Locator, b: Locator) => {
      const [ba, bb] = [await a.boundingBox(), await b.boundingBox()];
      expect(ba && bb && ba.y + ba.height <= bb.y + 1, "above the traffic panel").toBe(true);
    };
    await expect(call).toBeInViewport();
    await below(call, traffic);

    // Far down the form: reached by scrolling the form, typed into, and Call still in view above the dock.
    const far = panel.getByLabel("field_50", { exact: true });
    await far.click();
    await page.keyboard.type("far down");
    await expect(far).toHaveValue("far down");
    await expect(far).toBeInViewport();
    await below(far, call);
    await expect(call).toBeInViewport();
    await below(call, traffic);

    const form = panel.locator("xpath=..");
    const before = (await form.boundingBox())!.height;
    await page.getByRole("separator", { name: "Resize traffic panel" }).focus();
    await page.keyboard.press("End");
    await expect.poll(async () => (await form.boundingBox())!.height).toBeGreaterThan(before + 100);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await tools.call("wide_form");
    expect(await echoed(1)).toEqual({ field_50: "far down" });
  });
});
