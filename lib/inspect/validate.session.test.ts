/** Real SDK traffic, both eras, captured into a TrafficLog: every frame must pass. */
import { Client, InMemoryTransport, type Transport } from "@modelcontextprotocol/client";
import { McpServer } from "@modelcontextprotocol/server";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TrafficLog } from "../traffic";
import { FrameValidator } from "./validate";

const memory = { transport: "memory" } as const;

/** Record every frame at the client's transport edge, as the inspector's capture points do. */
function capture(transport: Transport, log: TrafficLog): Transport {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    log.recordFrame("outgoing", JSON.stringify(message), memory);
    return send(message, options);
  };
  let handler: Transport["onmessage"];
  const recorded: Transport["onmessage"] = (message, extra) => {
    log.recordFrame("incoming", JSON.stringify(message), memory);
    handler?.(message, extra);
  };
  Object.defineProperty(transport, "onmessage", {
    get: () => (handler ? recorded : undefined),
    set: (h: Transport["onmessage"]) => (handler = h),
  });
  return transport;
}

async function exchange(mode: "legacy" | "modern") {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const handle = serveStdio(
    () => {
      const server = new McpServer({ name: "fixture", version: "1" }, { capabilities: { tools: {}, prompts: {} } });
      server.registerTool("echo", { description: "Echo", inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
        content: [{ type: "text", text }],
      }));
      server.registerPrompt("hello", { description: "Hi" }, () => ({
        messages: [{ role: "user", content: { type: "text", text: "hi" } }],
      }));
      return server;
    },
    { transport: serverSide },
  );
  const log = new TrafficLog({ schedule: () => {} });
  const client = new Client(
    { name: "lens", version: "1" },
    mode === "modern" ? { versionNegotiation: { mode: { pin: "2026-07-28" } } } : {},
  );
  await client.connect(capture(clientSide, log));
  await client.listTools();
  await client.callTool({ name: "echo", arguments: { text: "hi" } });
  await client.listPrompts();
  await client.getPrompt({ name: "hello" });
  const version = client.getNegotiatedProtocolVersion();
  await client.close();
  await handle.close();
  return { log, version };
}

describe("real SDK exchanges validate cleanly", () => {
  for (const mode of ["legacy", "modern"] as const) {
    it(mode, async () => {
      const { log, version } = await exchange(mode);
      expect(version).toBe(mode === "modern" ? "2026-07-28" : "2025-11-25");
      const validator = new FrameValidator(log, { protocolVersion: () => version });
      const frames = log.frames();
      expect(frames.length).toBeGreaterThanOrEqual(9);
      const results = frames.map((f) => ({ raw: f.raw.slice(0, 80), ...validator.validate(f.seq) }));
      expect(results.filter((r) => r.status !== "valid")).toEqual([]);
      expect(new Set(results.map((r) => r.schemaVersion))).toEqual(
        new Set([mode === "modern" ? "2026-07-28" : "2025-11-25"]),
      );
    });
  }
});
