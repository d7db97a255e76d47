/**
 * The inspector server's own /api serving (`serveFetchHandler` with the bridge's router): what Next's
 * pipeline did before, in particular that a page going away stops what its request started.
 */
import { createServer, request, type Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TOKEN_HEADER } from "../../base";
import { descendants, newDescendants, waitFor } from "../../testing";
import { handleApiRequest } from "./router";
import { serveFetchHandler } from "./nodeHandler";
import { registry, shutdownAll } from "../index";
import { spawnStdio } from "./stdioRoutes";

let server: Server;
let port: number;
let baseline: number[];
beforeEach(async () => {
  baseline = descendants(process.pid);
  server = createServer((req, res) => void serveFetchHandler(req, res, `http://127.0.0.1`, handleApiRequest));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await shutdownAll();
});

const sleeper = JSON.stringify({ command: "/bin/sh", args: ["-c", "sleep 30"], env: {} });

/** POST the launch and read the event stream for `readMs`, then hang up (or hang up at once). */
function launchThenHangUp(readMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/bridge/stdio",
      headers: { [TOKEN_HEADER]: "t" },
    });
    let text = "";
    req.once("response", (res) => {
      res.on("data", (c: Buffer) => (text += c.toString()));
      setTimeout(() => (req.destroy(), resolve(text)), readMs);
    });
    req.once("error", () => resolve(text));
    req.end(sleeper);
    if (readMs === 0) setTimeout(() => (req.destroy(), resolve(text)), 5);
    setTimeout(() => reject(new Error("no answer")), 10_000);
  });
}

describe("serveFetchHandler with the bridge's routes", () => {
  it("a stdio event stream streams its events, and hanging up stops the server's process group", async () => {
    const text = await launchThenHangUp(500);
    expect(text).toContain('"type":"spawned"');
    expect(await waitFor(() => registry().processes.size === 0 && newDescendants(baseline).length === 0, 8000)).toBe(
      true,
    );
  });

  it("a page that hangs up while its server is starting still has it stopped", async () => {
    await launchThenHangUp(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await waitFor(() => registry().processes.size === 0 && newDescendants(baseline).length === 0, 8000)).toBe(
      true,
    );
  });

  it("an abort before the route listens counts: the route stops what it started", async () => {
    const controller = new AbortController();
    controller.abort();
    const response = await spawnStdio(
      new Request("http://127.0.0.1/api/bridge/stdio", { method: "POST", body: sleeper, signal: controller.signal }),
    );
    expect(response.status).toBe(200);
    expect(await waitFor(() => registry().processes.size === 0 && newDescendants(baseline).length === 0, 8000)).toBe(
      true,
    );
  });

  it("a known route with another method is 405 with Allow; an unknown one 404", async () => {
    const status = (method: string, path: string) =>
      new Promise<[number, string | undefined]>((resolve) => {
        const req = request({ host: "127.0.0.1", port, method, path }, (res) => {
          res.resume();
          resolve([res.statusCode ?? 0, res.headers.allow]);
        });
        req.end();
      });
    expect(await status("GET", "/api/relay")).toEqual([405, "POST"]);
    expect(await status("PUT", "/api/bridge/stdio/x")).toEqual([405, "POST, DELETE"]);
    expect((await status("POST", "/api/nothing"))[0]).toBe(404);
  });
});
