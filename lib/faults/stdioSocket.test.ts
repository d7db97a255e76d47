/**
 * The stdio fault suite (stdio.test.ts) again, every session through the bridge's WebSocket channel
 * (a real upgrade handler on 127.0.0.1:0) instead of the HTTP routes: the same reports, the same
 * flagged frames, the same witnesses, no process left.
 */
import { afterAll, beforeAll } from "vitest";
import { socketSessionDeps, startSocketBridge, useSessionDeps, type SocketBridge } from "../testing";

let bridge: SocketBridge | undefined;
beforeAll(async () => {
  bridge = await startSocketBridge();
  const started = bridge;
  useSessionDeps(() => socketSessionDeps(started));
});
afterAll(async () => {
  useSessionDeps();
  await bridge?.close();
});

await import("./stdio.test");
