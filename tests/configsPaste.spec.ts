/**
 * Config files pasted as a person pastes them (the clipboard and Ctrl/Cmd+V, not a file): every
 * shape's fixture and the broken one, secrets that never reach storage, what an export of the same
 * shape gives back, and an imported stdio command that stays unconfirmed across a reload until the
 * person runs it (docs/security.md rule 6). tests/configs.spec.ts imports the same fixtures by file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { ConfigDialogs } from "./pages/configs";
import { InspectorPage } from "./pages/inspector";
import { EVERYTHING, NODE, ROOT } from "./support/processes";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const fixture = (name: string) => readFileSync(join(ROOT, "lib/connections/configs/fixtures", name), "utf8");

test("each shape pasted through the clipboard shows its entries; the broken one each reason", async ({ page }) => {
  const inspector = new InspectorPage(page);
  const dialogs = new ConfigDialogs(page);
  await inspector.open();
  await dialogs.openImport();

  await dialogs.paste(fixture("claude_desktop_config.json"));
  await expect(dialogs.importDialog).toContainText("Claude Desktop");
  await expect(dialogs.toImport).toHaveCount(2);
  await expect(dialogs.importDialog.getByLabel("Command of filesystem")).toHaveText(
    'npx -y @modelcontextprotocol/server-filesystem /Users/me/Desktop "/Users/me/My Documents"',
  );
  await expect(dialogs.invalid).toHaveCount(0);

  await dialogs.paste(fixture("cursor-mcp.json"));
  await expect(dialogs.toImport).toHaveCount(3);
  await expect(dialogs.toImport.nth(1)).toContainText("Streamable HTTP https://search.example.com/mcp");
  await expect(dialogs.toImport.nth(2)).toContainText("SSE http://localhost:8931/sse");

  await dialogs.paste(fixture("claude-code.mcp.json"));
  await expect(dialogs.importDialog).toContainText("Claude Code");
  await expect(dialogs.importDialog.getByLabel("Command of everything")).toHaveText(
    "npx -y @modelcontextprotocol/server-everything",
  );

  await dialogs.paste(fixture("vscode-mcp.json"));
  await expect(dialogs.importDialog).toContainText("VS Code");
  await expect(dialogs.toImport).toHaveCount(3);
  // ${input:…}: a secret the person fills, described by the file's input; never a value.
  await expect(dialogs.toImport.first()).toContainText("Input github-token: GitHub personal access token");
  await expect(dialogs.importDialog.getByLabel("Command of playwright")).toHaveText(
    "npx @playwright/mcp@latest --headless",
  );

  await dialogs.paste(fixture("server.json"));
  await expect(dialogs.importDialog).toContainText("server.json");
  await expect(dialogs.toImport).toHaveCount(3);
  await expect(dialogs.importDialog.getByLabel("Command of Weather (npm)")).toHaveText(
    "npx -y @example/weather-mcp@1.2.0 --units metric <city>",
  );
  await expect(dialogs.importDialog.getByLabel("Command of Weather (pypi)")).toHaveText("uvx weather-mcp==1.2.0");
  await expect(dialogs.invalid).toHaveText([/^packages\[2\]: runs its own streamable-http server/]);

  await dialogs.paste(fixture("broken.json"));
  await expect(dialogs.toImport).toHaveCount(1);
  await expect(dialogs.toImport.first()).toContainText("good");
  await expect(dialogs.invalid).toHaveText([
    /^nothing: /,
    /^bad-args: "args" must be a list of strings/,
    /^bad-url: /,
    /^websocket: /,
    /^not-an-object: /,
    /^bad-env: /,
  ]);
  await dialogs.importAll();
  const list = page.getByRole("navigation", { name: "Saved connections" });
  await expect(list.getByRole("button", { name: /good/ })).toBeVisible();
  await expect(list.getByRole("button", { name: /bad-args/ })).toHaveCount(0);
});

test("pasted secrets never reach storage; an export of the same shape gives back the unknown fields", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  const dialogs = new ConfigDialogs(page);
  await inspector.open();
  await dialogs.openImport();
  await dialogs.paste(fixture("claude_desktop_config.json"));
  await dialogs.importAll();
  const stored = await page.evaluate(() => localStorage.getItem("mcp-lens.connections") ?? "");
  expect(stored).toContain("WEATHER_API_KEY");
  expect(stored).not.toContain("k-123");

  await inspector.selectConnection("weather");
  const text = await dialogs.exportAs("Claude Desktop (claude_desktop_config.json)");
  const exported = JSON.parse(text) as { mcpServers: Record<string, Record<string, unknown>> };
  expect(exported.mcpServers.weather).toMatchObject({
    command: "node",
    args: ["/opt/weather/build/index.js"],
    disabled: false,
    alwaysAllow: ["get-forecast"],
  });
  expect(text).not.toContain("k-123");
});

test("an imported stdio command stays unconfirmed across a reload, runs once confirmed, then exports", async ({
  page,
}) => {
  const inspector = new InspectorPage(page);
  const dialogs = new ConfigDialogs(page);
  await inspector.open();
  const config = JSON.stringify({
    mcpServers: { "pasted everything": { command: NODE, args: [EVERYTHING, "stdio"] } },
  });
  const whole = `${NODE} ${EVERYTHING} stdio`;
  await dialogs.openImport();
  await dialogs.paste(config);
  await expect(dialogs.importDialog.getByLabel("Command of pasted everything")).toHaveText(whole);
  await dialogs.importAll();

  // A reload does not confirm it: Connect still asks, with the command whole.
  await inspector.open();
  await inspector.selectConnection("pasted everything");
  await inspector.connect();
  const ask = page.getByRole("alertdialog", { name: "Run this command?" });
  await expect(ask.getByLabel("Command to run")).toHaveText(whole);
  await ask.getByRole("button", { name: "Run this command" }).click();
  await inspector.expectConnected();
  await expect(page.getByTestId("server-name")).toHaveText(/everything/);
  await expect(page.getByTestId("handshake-version")).toHaveText("2025-11-25");
  await inspector.disconnect();

  // Confirmed once, it is saved so: after a reload Connect runs it without asking.
  await inspector.open();
  await inspector.selectConnection("pasted everything");
  await inspector.connect();
  await inspector.expectConnected();
  await expect(ask).toHaveCount(0);
  await inspector.disconnect();

  const text = await dialogs.exportAs("VS Code (.vscode/mcp.json)");
  expect(JSON.parse(text)).toEqual({
    servers: { "pasted everything": { type: "stdio", command: NODE, args: [EVERYTHING, "stdio"] } },
  });
});
