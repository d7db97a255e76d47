import { expect, test } from "@playwright/test";
import { ToolsPage } from "./pages/tools";
import { EVERYTHING, NODE, startEverythingHttp } from "./support/processes";

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

/**
 * Issue 12: relayed HTTP traffic goes over the relay's WebSocket channel, one socket for the page
 * however many HTTP connections: connecting, listing and calling a tool make no `POST /api/relay`.
 */
test("Streamable HTTP goes over the relay's WebSocket channel: one socket for the page, no HTTP request to the relay", async ({
  page,
}) => {
  const everything = await startEverythingHttp("streamableHttp");
  try {
    const relayRequests: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/api/relay")) relayRequests.push(`${request.method()} ${path}`);
    });
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(new URL(ws.url()).pathname));

    const tools = new ToolsPage(page);
    for (const name of ["first http", "second http"]) {
      const connection = { name, transport: "Streamable HTTP" as const, url: everything.url, protocol: "2025-11-25" };
      if (name === "first http") await tools.connectStdio(connection);
      else {
        // A second connection in the same page load shares the page's socket.
        await tools.inspector.addConnection(connection);
        await tools.inspector.connect();
        await tools.inspector.expectConnected();
        await tools.inspector.openTab(/^Tools/);
      }
      await tools.select("echo");
      await tools.useJson("echo", { message: `${name} over the socket` });
      await tools.call("echo");
      await expect(tools.result).toContainText(`${name} over the socket`);
    }
    expect(sockets).toEqual(["/api/relay/ws"]);
    expect(relayRequests).toEqual([]);
  } finally {
    await everything.stop();
  }
});
