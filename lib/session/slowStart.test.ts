/**
 * Auto mode against a server slow to start (the demo server behind a delay, as one npx is still
 * downloading): the probe times out, the session falls back to initialize, and the probe's late
 * answer is shown for what it is, not as a plain "server offers 2026-07-28".
 */
import { resolve } from "node:path";
import { afterEach, expect, it } from "vitest";
import { nodeSessionDeps } from "../testing";
import { handshakeSteps } from "./negotiation";
import { InspectorSession } from "./session";

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

it("a probe answered only after the fallback says so, and what to pin", async () => {
  session = new InspectorSession(
    {
      id: "slow",
      name: "slow start",
      transport: "stdio",
      protocol: "auto",
      command: process.execPath,
      args: ["--import", "tsx", resolve("servers/fixtures/slow-start.ts"), "5000"],
      env: [],
      cwd: "",
    },
    nodeSessionDeps(),
  );
  await session.connect();
  expect(session.state.status).toBe("connected");
  expect(session.state.protocolVersion).toBe("2025-11-25");
  await expect.poll(() => handshakeSteps(session!.log)[0]?.response, { timeout: 10_000 }).toBeDefined();
  const [probe, init] = handshakeSteps(session.log);
  expect(probe?.method).toBe("server/discover");
  expect(probe?.negotiation).toBe(true);
  expect(probe?.outcome).toMatch(
    /^answered only after the fallback to initialize \(\d+\.\d s after it was sent\): server offers 2026-07-28, but this session is legacy; pin 2026-07-28 to use it$/,
  );
  expect(init?.outcome).toBe("server answered with protocol version 2025-11-25");
}, 30_000);
