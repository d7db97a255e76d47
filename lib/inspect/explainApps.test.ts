import * as ui from "@modelcontextprotocol/ext-apps/app-bridge";
import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import type { Channel } from "../traffic";
import { explain } from "./explain";
import { APPS_SPEC_URL, knownAppMethods } from "./explainApps";

const app: Channel = { transport: "app", view: "get-time#1" };
const stdio: Channel = { transport: "stdio" };
const rpc = (m: object) => JSON.stringify({ jsonrpc: "2.0", ...m });

/** The `ui/*` methods of the installed extension, read from its own request and notification schemas. */
function extensionMethods(): string[] {
  const methods = Object.entries(ui).flatMap(([name, value]) => {
    if (!/^McpUi\w*(Request|Notification)Schema$/.test(name)) return [];
    const method = (value as { shape?: { method?: { value?: unknown } } }).shape?.method?.value;
    return typeof method === "string" ? [method] : [];
  });
  return [...new Set(methods)].sort();
}

describe("explain: MCP App views", () => {
  it("explains every ui/ method of the extension", () => {
    const methods = extensionMethods();
    expect(methods).toEqual(expect.arrayContaining(["ui/initialize", "ui/notifications/tool-result", "ui/open-link"]));
    expect(knownAppMethods().sort()).toEqual(methods);
  });

  it("tells who sent a view's message, links the extension's spec, and pairs it on the view's channel", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    log.recordFrame("outgoing", rpc({ id: 1, method: "tools/call", params: { name: "get-time" } }), stdio);
    const init = log.recordFrame("incoming", rpc({ id: 1, method: "ui/initialize", params: {} }), app).entry;
    const answer = log.recordFrame("outgoing", rpc({ id: 1, result: {} }), app).entry;
    const result = log.recordFrame("outgoing", rpc({ method: "ui/notifications/tool-result", params: {} }), app).entry;
    const first = explain(init, log.entries);
    expect(first.title).toBe("ui/initialize: the view's handshake");
    expect(first.text).toContain("from the MCP App view");
    expect(first.text).toContain(`answered by #${answer.seq}`);
    expect(first.specUrl).toBe(APPS_SPEC_URL);
    const second = explain(answer, log.entries);
    expect(second.title).toBe("Result of ui/initialize (app view)");
    expect(second.text).toContain("hostContext");
    expect(second.text).toContain(`sent as #${init.seq}`);
    expect(explain(result, log.entries).text).toMatch(/^The result of the tool call.*from MCP Lens, the view's host/);
  });

  it("explains a view's MCP request as forwarded, flags a method sent the wrong way and one it does not know", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    const call = log.recordFrame("incoming", rpc({ id: 2, method: "tools/call", params: { name: "x" } }), app).entry;
    log.onBehalfOf("get-time#1", "tools/call");
    const sent = log.recordFrame("outgoing", rpc({ id: 7, method: "tools/call", params: { name: "x" } }), stdio).entry;
    const wrong = log.recordFrame("incoming", rpc({ method: "ui/notifications/tool-result" }), app).entry;
    const unknown = log.recordFrame("incoming", rpc({ method: "ui/notifications/nope" }), app).entry;
    const bad = log.recordFrame("incoming", "{oops", app).entry;
    expect(explain(call, log.entries).text).toMatch(/forwards it to the server/);
    expect(explain(sent, log.entries).text).toContain("for the MCP App view get-time#1");
    expect(explain(wrong, log.entries).text).toContain("Unusual: this method is normally sent by MCP Lens");
    expect(explain(unknown, log.entries).text).toContain("not a method of the MCP Apps extension");
    expect(explain(bad, log.entries).text).toContain("from the MCP App view is not an MCP message");
  });
});
