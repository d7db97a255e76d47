import { expect, test } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { NODE } from "./support/processes";

/** One invalid entry hides nothing: the usable ones are listed, the invalid one set aside with its violations. */
test("13 valid tools listed beside an entry with a numeric name and no inputSchema, marked with its violations", async ({
  page,
}) => {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "invalid entries",
    transport: "stdio",
    command: NODE,
    args: "--import tsx servers/fixtures/invalid-entries.ts",
    protocol: "2025-11-25",
  });
  expect(await tools.inspector.count("tools")).toBe(13);
  await expect(page.getByRole("tab", { name: /^Tools/ })).toContainText("+1 invalid");
  const aside = page.getByRole("region", { name: "Entries set aside" });
  await expect(aside).toContainText(
    "1 tool set aside: it does not match the MCP schema. The 13 usable tools are listed.",
  );
  const name = aside.getByRole("row", { name: /\/name/ });
  await expect(name.getByRole("cell").nth(1)).toHaveText("string");
  await expect(name.getByRole("cell").nth(2)).toHaveText("number 42");
  await expect(
    aside
      .getByRole("row", { name: /\/inputSchema/ })
      .getByRole("cell")
      .nth(2),
  ).toHaveText("missing");
  // The listed tools work.
  await tools.select("tool_07");
  await tools.call("tool_07");
  await expect(tools.result).toContainText("called tool_07");
  // The same for resources, templates and prompts.
  expect(await tools.inspector.count("resources")).toBe(2);
  await tools.inspector.openTab(/^Prompts/);
  await expect(page.getByRole("region", { name: "Entries set aside" })).toContainText("1 prompt set aside");
  await expect(page.getByRole("region", { name: "Entries set aside" })).toContainText("broken");
});
