import { expect, test } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { EVERYTHING, NODE } from "./support/processes";

/** Issue 16: the composer answers beside the request, its templates name the server's own tools, and a traffic row can be edited and resent. */
test("edit a logged tools/call and resend it: the composer shows the answer beside it", async ({ page }) => {
  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "everything composer",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  const firstTool = (await tools.listedTools())[0]!.name;
  await tools.select("echo");
  await tools.useJson("echo", { message: "first words" });
  await tools.call("echo");
  await expect(tools.result).toContainText("first words");

  await tools.inspector.trafficRows(/^outgoing request tools\/call echo/).click();
  await page.getByRole("button", { name: "Edit and resend" }).click();
  await expect(page.getByRole("tab", { name: "Composer" })).toHaveAttribute("aria-selected", "true");
  const composer = page.getByRole("region", { name: "Raw composer" });
  const editor = composer.getByRole("textbox", { name: "Message to send" }).or(composer.getByLabel("Message to send"));
  await expect(composer).toContainText("first words");
  await expect(composer).toContainText(/resend-\d+/);

  // Edit the message as a person does: find the words in the editor and type over them.
  await editor.first().focus();
  await page.keyboard.press("ControlOrMeta+f");
  await page.keyboard.type("first words");
  await page.keyboard.press("Escape");
  await page.keyboard.type("second words");
  await expect(composer).toContainText("second words");
  await composer.getByRole("button", { name: "Send" }).click();
  const answer = composer.getByRole("region", { name: "Answer" });
  await expect(answer.getByRole("status")).toContainText(/Result after/);
  await expect(answer).toContainText("Echo: second words");
  await expect(tools.inspector.trafficRows(/^outgoing request tools\/call echo id "resend-\d+"/)).toHaveCount(1);

  // The tools/call template names the server's own first tool, not the demo's.
  await composer.getByLabel("Template").selectOption({ label: "request tools/call" });
  await expect(composer).toContainText(`"name": "${firstTool}"`);
});
