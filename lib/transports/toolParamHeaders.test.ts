import { PROTOCOL_VERSION_META_KEY, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { capturingFetch } from "./httpCapture";
import { withToolParamHeaders } from "./toolParamHeaders";

const SCHEMA = {
  type: "object",
  properties: {
    region: { type: "string", "x-mcp-header": "Region" },
    note: { type: "string", "x-mcp-header": "Note" },
    query: { type: "string" },
  },
};

/** The SDK's own Streamable HTTP transport over the capture point, answered by a fake server that keeps what it got. */
function setup() {
  const log = new TrafficLog({ schedule: (f) => f() });
  const received: Headers[] = [];
  const server = async (_input: string | URL, init?: RequestInit) => {
    received.push(new Headers(init?.headers));
    return new Response(JSON.stringify({ jsonrpc: "2.0", id: 1, result: { content: [] } }), {
      headers: { "content-type": "application/json" },
    });
  };
  const transport = withToolParamHeaders(
    new StreamableHTTPClientTransport(new URL("http://127.0.0.1:1/mcp"), { fetch: capturingFetch(log, server) }),
    (name) => (name === "lookup" ? SCHEMA : undefined),
  );
  return { log, received, transport };
}

const call = (name: string, meta: boolean) => ({
  jsonrpc: "2.0" as const,
  id: 1,
  method: "tools/call",
  params: {
    name,
    arguments: { region: "us-west1", note: "Hello, 世界", query: "SELECT 1" },
    ...(meta ? { _meta: { [PROTOCOL_VERSION_META_KEY]: "2026-07-28" } } : {}),
  },
});

describe("SEP-2243 headers on the HTTP transport path", () => {
  it("a 2026-era tools/call carries Mcp-Param-* headers, sent and logged in the traffic's HTTP request", async () => {
    const { log, received, transport } = setup();
    await transport.start();
    await transport.send(call("lookup", true));
    expect(received[0]!.get("mcp-param-region")).toBe("us-west1");
    expect(received[0]!.get("mcp-param-note")).toBe(`=?base64?${Buffer.from("Hello, 世界").toString("base64")}?=`);
    expect(received[0]!.get("mcp-param-query")).toBeNull();
    const request = log.entries.find((e) => e.kind === "http" && e.phase === "request") as
      { headers: Record<string, string> } | undefined;
    expect(request?.headers).toMatchObject({ "mcp-param-region": "us-west1", "mcp-name": "lookup" });
    await transport.close();
  });

  it("no custom headers in the 2025 era, nor for a tool that is not listed", async () => {
    const { received, transport } = setup();
    await transport.start();
    await transport.send(call("lookup", false));
    await transport.send(call("unlisted", true));
    for (const h of received) expect([...h.keys()].filter((k) => k.startsWith("mcp-param-"))).toEqual([]);
    await transport.close();
  });
});
