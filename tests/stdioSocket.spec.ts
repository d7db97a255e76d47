import { expect, test } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { EVERYTHING, NODE } from "./support/processes";

/**
 * Issue 12: the page reaches a stdio server over the bridge's WebSocket channel, one socket per
 * connection, with no HTTP request per message: connecting, listing and calling a tool make no
 * `POST /api/bridge/stdio/<id>` and no `POST /api/bridge/stdio` at all.
 */
test("stdio goes over the WebSocket channel: no HTTP request per message", async ({ page }) => {
  const bridgeRequests: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/bridge/stdio")) bridgeRequests.push(`${request.method()} ${path}`);
  });
  const sockets: string[] = [];
  page.on("websocket", (ws) => sockets.push(new URL(ws.url()).pathname));

  const tools = new ToolsPage(page);
  await tools.connectStdio({
    name: "everything stdio",
    transport: "stdio",
    command: NODE,
    args: `${EVERYTHING} stdio`,
    protocol: "2025-11-25",
  });
  await tools.select("echo");
  await tools.useJson("echo", { message: "over the socket" });
  await tools.call("echo");
  await expect(tools.result).toContainText("over the socket");

  expect(sockets).toEqual(["/api/bridge/stdio/ws"]);
  expect(bridgeRequests).toEqual([]);
});
