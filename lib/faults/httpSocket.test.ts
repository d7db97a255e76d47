/**
 * The Streamable HTTP fault suite (http.test.ts) again, every relayed request through the relay's
 * WebSocket channel (a real upgrade handler on 127.0.0.1:0) instead of the HTTP route: the same
 * reports, the same flagged frames, the same witnesses, no relayed request left in flight.
 */
import { expect } from "vitest";
import { RELAY_SOCKET_PATH } from "../base";
import { sessionsOnSocketBridge } from "../testing";

// The sessions' requests went over the relay's socket (a refused socket would fall back to the route quietly).
sessionsOnSocketBridge((bridge) =>
  expect(bridge.upgrades.filter((path) => path === RELAY_SOCKET_PATH).length).toBeGreaterThan(10),
);

await import("./http.test");
