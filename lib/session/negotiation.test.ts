import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { handshakeSteps } from "./negotiation";

const stdio = { transport: "stdio" } as const;
const frame = (value: object) => JSON.stringify({ jsonrpc: "2.0", ...value });

describe("handshakeSteps", () => {
  it("a probe with no answer before initialize was sent: a fallback, and a server still starting looks the same", () => {
    const log = new TrafficLog({ schedule: (flush) => flush() });
    log.recordFrame("outgoing", frame({ id: 0, method: "server/discover", params: {} }), stdio);
    log.recordFrame(
      "outgoing",
      frame({ id: 1, method: "initialize", params: { protocolVersion: "2025-11-25" } }),
      stdio,
    );
    log.recordFrame("incoming", frame({ id: 1, result: { protocolVersion: "2025-11-25", capabilities: {} } }), stdio);
    log.recordFrame("outgoing", frame({ method: "notifications/initialized" }), stdio);
    const [probe, init, initialized] = handshakeSteps(log);
    expect(probe?.negotiation).toBe(true);
    expect(probe?.outcome).toMatch(/^no answer in time: taken for a legacy server, fell back to initialize/);
    expect(probe?.outcome).toContain("pin 2026-07-28 to wait for it");
    expect(init?.outcome).toBe("server answered with protocol version 2025-11-25");
    expect(initialized?.outcome).toBe("sent: the session is ready");
  });
});
